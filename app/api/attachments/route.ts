import { getActor } from "@/lib/auth/session";
import { handleAttachmentUpload } from "@/lib/attachments/upload";

// Upload of a « Pièces jointes » file: a route handler rather than a server action, so a 15 MB
// body is neither capped by the server-action limit nor buffered by the proxy (it skips /api).
export async function POST(request: Request): Promise<Response> {
  return handleAttachmentUpload(await getActor(), request);
}
