import type { Prisma } from "@/lib/generated/prisma/client";
import type { DbClient as Db } from "@/lib/prisma-client";
import { uniqueNumber } from "./random";

export async function createActionType(db: Db, data: Partial<Prisma.ActionTypeCreateInput> = {}) {
  const n = uniqueNumber();
  return db.actionType.create({ data: { name: `Type ${n}`, color: "#2563EB", category: "CALL", ...data } });
}
