import { getActor } from "@/lib/auth/session";
import { prospectExportResponse } from "@/lib/prospects/export-prospects";

// The prospects list as CSV or XLSX, with the list's own query string (filters and sort).
export async function GET(request: Request, { params }: { params: Promise<{ format: string }> }): Promise<Response> {
  return prospectExportResponse(await getActor(), (await params).format, new URL(request.url).searchParams);
}
