import { getActor } from "@/lib/auth/session";
import { savedListExportResponse } from "@/lib/reports/export-route";

type RouteContext = { params: Promise<{ id: string; format: string }> };

// Export of a saved custom list (« Listes sur mesure »), as CSV or XLSX.
export async function GET(_request: Request, context: RouteContext): Promise<Response> {
  const { id, format } = await context.params;
  return savedListExportResponse(await getActor(), id, format);
}
