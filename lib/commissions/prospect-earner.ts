import "server-only";
import { findAgreementInForceToday } from "@/lib/agreements/agreement-in-force";
import type { Actor } from "@/lib/auth/actor";
import { db as defaultDb } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { DbClient } from "@/lib/prisma-client";
import { findFileProspect } from "@/lib/prospects/file-prospect";

export type ProspectEarner = {
  partner: { id: string; name: string } | null;
  kind: "DIRECT" | "NETWORK" | null;
  rateBps: number;
  introducedBy: string | null;
  entitlementMonths: number | null;
};

type Introducer = { name: string; partnerId: string; partnerName: string };

// The first prospect (oldest connection first) this one became a prospect from that has a
// referring partner: that partner earns through the network. One joined statement.
async function findIntroducer(db: DbClient, prospectId: string): Promise<Introducer | null> {
  const [row] = await db.$queryRaw<Introducer[]>(Prisma.sql`
    SELECT p."name", pa."id" AS "partnerId", pa."name" AS "partnerName"
    FROM "Connection" c
    JOIN "Prospect" p ON p."id" = c."prospectId"
    JOIN "Partner" pa ON pa."id" = p."partnerId"
    WHERE c."linkedProspectId" = ${prospectId}
    ORDER BY c."createdAt" ASC, c."id" ASC
    LIMIT 1`);
  return row ?? null;
}

// Who earns on a prospect's invoices and at what rate today, for the internal team's file (direct
// referral first, else the network), or null when the prospect is missing or out of scope.
export async function getProspectEarner(actor: Actor, prospectId: string, db: DbClient = defaultDb): Promise<ProspectEarner | null> {
  const prospect = await findFileProspect(actor, prospectId, db);
  if (!prospect) return null;
  const direct = prospect.names.partner;
  const introducer = direct ? null : await findIntroducer(db, prospect.id);
  const partner = direct ?? (introducer ? { id: introducer.partnerId, name: introducer.partnerName } : null);
  if (!partner) return { partner: null, kind: null, rateBps: 0, introducedBy: null, entitlementMonths: null };
  const kind = direct ? ("DIRECT" as const) : ("NETWORK" as const);
  const terms = await findAgreementInForceToday(db, partner.id);
  return {
    partner,
    kind,
    rateBps: terms ? (kind === "DIRECT" ? terms.directRateBps : terms.networkRateBps) : 0,
    introducedBy: kind === "NETWORK" ? (introducer?.name ?? null) : null,
    entitlementMonths: terms?.entitlementMonths ?? null,
  };
}
