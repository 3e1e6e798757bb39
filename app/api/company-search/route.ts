// The browser's door to the company registry: signed-in users who may register prospects
// search through the server, which adds the User-Agent, the rate limit and the cache.
import { zodFieldErrors } from "@/lib/auth/action";
import { can } from "@/lib/auth/permissions";
import { getActor } from "@/lib/auth/session";
import { CompanyRegistryError, searchCompanies } from "@/lib/company-search/client";
import { companySearchParamsSchema } from "@/lib/company-search/query";
import { findRegistrations } from "@/lib/company-search/registrations";
import { APP_ERROR_MESSAGES } from "@/lib/errors";

export const dynamic = "force-dynamic";

const NO_STORE = { "Cache-Control": "private, no-store" };

function error(status: number, message: string, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  return Response.json({ error: message, ...extra }, { status, headers: { ...NO_STORE, ...headers } });
}

export async function GET(request: Request) {
  const actor = await getActor();
  if (!actor) return error(401, "Votre session a expiré. Reconnectez-vous pour continuer.");
  if (!can(actor.role, "prospect:create")) return error(403, APP_ERROR_MESSAGES.FORBIDDEN);

  const params = new URL(request.url).searchParams;
  const parsed = companySearchParamsSchema.safeParse({
    q: params.get("q") ?? undefined,
    page: params.get("page") ?? undefined,
    perPage: params.get("perPage") ?? params.get("per_page") ?? undefined,
  });
  if (!parsed.success) {
    const { fieldErrors } = zodFieldErrors(parsed.error);
    const first = Object.values(fieldErrors)[0]?.[0] ?? "Recherche invalide.";
    return error(400, first, { fieldErrors });
  }

  try {
    const result = await searchCompanies(parsed.data);
    const registrations = await findRegistrations(
      actor,
      result.results.map((company) => company.siren),
    );
    const results = result.results.map((company) => ({ ...company, registration: registrations.get(company.siren) ?? null }));
    return Response.json({ ...result, results }, { headers: NO_STORE });
  } catch (failure) {
    if (failure instanceof CompanyRegistryError) {
      if (failure.kind === "rejected") return error(400, failure.message);
      const retryAfter = failure.retryAfterSeconds ? { "Retry-After": String(failure.retryAfterSeconds) } : undefined;
      console.warn(`Company registry ${failure.kind}: ${String(failure.cause ?? "")}`);
      return error(503, failure.message, { reason: failure.kind }, retryAfter);
    }
    throw failure;
  }
}
