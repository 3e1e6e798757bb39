// « Visible par l'apporteur »: actions of an internal-only type (a campaign's e-mails) never
// reach a partner, in the file's « Actions » tab or by their address.
import { beforeEach, describe, expect, it } from "vitest";
import { listActionTypeOptions, listProspectActions } from "@/lib/actions/queries";
import { manageableActionWhere } from "@/lib/actions/access";
import { createAction, createProspect, createActionType } from "@/tests/factories";
import { createOnboardingTeam, type OnboardingTeam } from "@/tests/support/onboarding";
import { getTestDb, resetDatabase } from "@/tests/setup/db";

const db = getTestDb();
let team: OnboardingTeam;

beforeEach(async () => {
  await resetDatabase();
  team = await createOnboardingTeam(db);
});

describe("internal-only action types", () => {
  it("hides a campaign e-mail from the partner, shows it to the sales team, and never offers the type to partners", async () => {
    const prospect = await createProspect(db, { partnerId: team.partner.id });
    const call = await createActionType(db, { name: "Appel", visibleToPartner: true });
    const campaign = await createActionType(db, { name: "Campagne — Relance", category: "EMAIL", visibleToPartner: false });
    const visible = await createAction(db, { prospectId: prospect.id, typeId: call.id, subject: "Appel de suivi" });
    const hidden = await createAction(db, { prospectId: prospect.id, typeId: campaign.id, subject: "Notre offre de printemps", notes: "Texte complet" });

    const forPartner = await listProspectActions(team.actors.partner, prospect.id, new Date(), db);
    expect([...forPartner.upcoming, ...forPartner.past].map((a) => a.id)).toEqual([visible.id]);
    const forSales = await listProspectActions(team.actors.sales, prospect.id, new Date(), db);
    expect([...forSales.upcoming, ...forSales.past].map((a) => a.id).sort()).toEqual([visible.id, hidden.id].sort());

    expect(await db.action.count({ where: manageableActionWhere(team.actors.partner, hidden.id) })).toBe(0);
    const offered = await listActionTypeOptions(db, { forPartner: true });
    expect(offered.map((t) => t.id)).toContain(call.id);
    expect(offered.map((t) => t.id)).not.toContain(campaign.id);
  });
});
