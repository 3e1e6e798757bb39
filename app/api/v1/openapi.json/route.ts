// GET /api/v1/openapi.json: the API's description, public like any API reference.
import { buildOpenApiDocument } from "@/lib/api/openapi";

export function GET(request: Request): Response {
  const origin = new URL(request.url).origin;
  return Response.json(buildOpenApiDocument(`${origin}/api/v1`), { headers: { "Cache-Control": "public, max-age=300" } });
}
