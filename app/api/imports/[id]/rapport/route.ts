import { getActor } from "@/lib/auth/session";
import { importReportResponse } from "@/lib/imports/downloads";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  return importReportResponse(await getActor(), (await params).id);
}
