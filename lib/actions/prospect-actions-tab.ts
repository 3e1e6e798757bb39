import "server-only";
import { readProspectActions, type ProspectActionLists } from "@/lib/actions/queries";
import type { Actor } from "@/lib/auth/actor";
import { db as defaultDb } from "@/lib/db";
import { readProspectOpportunities, type OpportunitySummary } from "@/lib/opportunities/queries";
import type { DbClient } from "@/lib/prisma-client";
import { lookupReferenceNames, mergeReferenceIds } from "@/lib/references/lookup-names";

// The internal team's « Actions » tab: the opportunities with their nested actions and the free
// actions, read side by side, then every type, stage, owner and assignee they name in one
// statement shared by both lists.
export async function loadInternalActionsTab(
  actor: Actor,
  prospectId: string,
  now: Date = new Date(),
  db: DbClient = defaultDb,
): Promise<{ opportunities: OpportunitySummary[]; lists: ProspectActionLists }> {
  const [opportunities, lists] = await Promise.all([
    readProspectOpportunities(actor, prospectId, db),
    readProspectActions(actor, prospectId, now, db, { freeOnly: true }),
  ]);
  const names = await lookupReferenceNames(db, mergeReferenceIds(opportunities.ids, lists.ids));
  return { opportunities: opportunities.build(names), lists: lists.build(names) };
}
