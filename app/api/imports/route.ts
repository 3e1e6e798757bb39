import { getActor } from "@/lib/auth/session";
import { handleImportRequest } from "@/lib/imports/http";

// The « Importer des prospects » wizard's steps (analyse, aperçu, lancer) on the uploaded file.
export async function POST(request: Request): Promise<Response> {
  return handleImportRequest(await getActor(), request);
}
