import { getActor } from "@/lib/auth/session";
import { reportExportResponse } from "@/lib/reports/export-route";

type RouteContext = { params: Promise<{ report: string; format: string }> };

// « Exporter en CSV » / « Exporter en XLSX » of a report, with the page's filters in the query.
export async function GET(request: Request, context: RouteContext): Promise<Response> {
  const { report, format } = await context.params;
  return reportExportResponse(await getActor(), report, format, new URL(request.url).searchParams);
}
