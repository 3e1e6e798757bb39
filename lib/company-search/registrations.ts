import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { db as defaultDb } from "@/lib/db";
import type { DbClient } from "@/lib/prisma-client";
import type { CompanyRegistration } from "@/lib/company-search/types";

// Which registry results already have an active file, said before anything else is typed, with
// the same rule as the save (deal-registration.ts): the actor's own organisation's file (any file
// for the internal team) links to it; another partner's file is only « elsewhere », no name.
export async function findRegistrations(
  actor: Actor,
  sirens: readonly string[],
  db: DbClient = defaultDb,
): Promise<Map<string, CompanyRegistration>> {
  const registrations = new Map<string, CompanyRegistration>();
  if (sirens.length === 0) return registrations;
  const holders = await db.prospect.findMany({
    where: { siren: { in: [...sirens] }, status: { not: "NOT_INTERESTED" } },
    select: { id: true, siren: true, partnerId: true },
  });
  const internal = can(actor.role, "prospect:read:any");
  for (const holder of holders) {
    if (!holder.siren) continue;
    const own = internal || (actor.partnerId !== null && holder.partnerId === actor.partnerId);
    registrations.set(holder.siren, own ? { kind: "yours", prospectId: holder.id } : { kind: "elsewhere" });
  }
  return registrations;
}
