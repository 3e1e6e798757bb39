// POST /api/v1/connections: the financing platform reports a client's new supplier or customer.
import { apiJson, apiPost } from "@/lib/api/v1";
import { createConnectionSchema } from "@/lib/connections/api-schemas";
import { recordPlatformConnection } from "@/lib/connections/record-platform-connection";
import { db } from "@/lib/db";

export const POST = apiPost(createConnectionSchema, async (input) => {
  const { connection, created } = await recordPlatformConnection(db, input);
  return apiJson({ connection, created }, created ? 201 : 200);
});
