import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import type { SkipReason } from "@/lib/campaigns/labels";
import { assertCanManageCampaigns } from "@/lib/campaigns/policy";
import type { CampaignCriteria } from "@/lib/campaigns/schemas";
import type { Civility } from "@/lib/generated/prisma/enums";
import type { DbClient } from "@/lib/prisma-client";
import { findProspects } from "@/lib/prospects/queries";
import { parseProspectListParams, type ProspectListParams } from "@/lib/prospects/schemas";

// The largest page the prospects list serves; generation walks the pages.
const PAGE_SIZE = 100;

function listParams(criteria: CampaignCriteria, page: number, perPage: number): ProspectListParams {
  return { ...parseProspectListParams({ ...criteria, sort: "name", dir: "asc" }), page, perPage, view: "" };
}

export type RecipientCount = { total: number; sample: { id: string; name: string }[] };

// The live count of step 2: the same query, scope and filters as the prospects list.
export async function countCampaignRecipients(db: DbClient, actor: Actor, criteria: CampaignCriteria): Promise<RecipientCount> {
  assertCanManageCampaigns(actor);
  const result = await findProspects(actor, listParams(criteria, 1, 10), db);
  return { total: result.total, sample: result.rows.map((r) => ({ id: r.id, name: r.name })) };
}

// Every file the criteria match, through the prospects list itself page by page (sorted by name
// then id, so a page boundary never drops a row; an id seen twice is kept once).
export async function findMatchingProspects(db: DbClient, actor: Actor, criteria: CampaignCriteria): Promise<{ id: string; name: string }[]> {
  const seen = new Map<string, { id: string; name: string }>();
  for (let page = 1; ; page += 1) {
    const result = await findProspects(actor, listParams(criteria, page, PAGE_SIZE), db);
    if (result.page !== page) break;
    for (const row of result.rows) if (!seen.has(row.id)) seen.set(row.id, { id: row.id, name: row.name });
    if (page * PAGE_SIZE >= result.total) break;
  }
  return [...seen.values()];
}

export type Recipient = {
  contactId: string;
  email: string;
  civility: Civility | null;
  firstName: string;
  lastName: string;
  company: string;
};

export type RecipientResolution = { ok: true; recipient: Recipient } | { ok: false; reason: SkipReason };

const emailSchema = z.email();

// Who receives a file's message: its favourite contact, if it has a valid address that never
// unsubscribed (under any file: the person asked to hear no more from us).
export async function resolveRecipients(db: DbClient, prospectIds: string[]): Promise<Map<string, RecipientResolution>> {
  const resolutions = new Map<string, RecipientResolution>();
  if (prospectIds.length === 0) return resolutions;
  const prospects = await db.prospect.findMany({
    where: { id: { in: prospectIds } },
    select: {
      id: true,
      name: true,
      _count: { select: { contacts: true } },
      contacts: {
        where: { isFavorite: true },
        select: { id: true, email: true, civility: true, firstName: true, lastName: true, unsubscribedAt: true },
      },
    },
  });
  const addresses = prospects.flatMap((p) => p.contacts.map((c) => c.email?.trim().toLowerCase() ?? "")).filter(Boolean);
  const unsubscribed = new Set(
    addresses.length === 0
      ? []
      : (
          await db.$queryRaw<{ email: string }[]>`
            SELECT DISTINCT lower(trim("email")) AS "email" FROM "Contact"
            WHERE "unsubscribedAt" IS NOT NULL AND lower(trim("email")) = ANY(${addresses})`
        ).map((r) => r.email),
  );

  for (const prospect of prospects) {
    const favorite = prospect.contacts[0];
    const email = favorite?.email?.trim() ?? "";
    let resolution: RecipientResolution;
    if (prospect._count.contacts === 0) resolution = { ok: false, reason: "NO_CONTACT" };
    else if (!favorite) resolution = { ok: false, reason: "NO_FAVORITE" };
    else if (!email || !emailSchema.safeParse(email).success) resolution = { ok: false, reason: "NO_EMAIL" };
    else if (favorite.unsubscribedAt || unsubscribed.has(email.toLowerCase())) resolution = { ok: false, reason: "UNSUBSCRIBED" };
    else {
      resolution = {
        ok: true,
        recipient: {
          contactId: favorite.id,
          email,
          civility: favorite.civility,
          firstName: favorite.firstName,
          lastName: favorite.lastName,
          company: prospect.name,
        },
      };
    }
    resolutions.set(prospect.id, resolution);
  }
  return resolutions;
}
