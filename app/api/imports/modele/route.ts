import { getActor } from "@/lib/auth/session";
import { importTemplateResponse } from "@/lib/imports/downloads";

export async function GET(): Promise<Response> {
  return importTemplateResponse(await getActor());
}
