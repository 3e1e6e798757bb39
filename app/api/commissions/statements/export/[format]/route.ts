import { getActor } from "@/lib/auth/session";
import { statementExportResponse } from "@/lib/commissions/export";

type RouteContext = { params: Promise<{ format: string }> };

// « Exporter en CSV » / « Exporter en XLSX » of the statements list, with its filters.
export async function GET(request: Request, context: RouteContext): Promise<Response> {
  const { format } = await context.params;
  return statementExportResponse(await getActor(), format, new URL(request.url).searchParams);
}
