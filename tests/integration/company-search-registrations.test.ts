// The company search says which results already have an active file, before anything is typed:
// « yours » with a link for the actor's own organisation (any file for the internal team),
// « elsewhere » with no name for another partner's; a file closed « Pas intéressé » frees it.
import { beforeEach, describe, expect, it } from "vitest";
import { findRegistrations } from "@/lib/company-search/registrations";
import { createProspect } from "@/tests/factories";
import { createOnboardingTeam, type OnboardingTeam } from "@/tests/support/onboarding";
import { getTestDb, resetDatabase } from "@/tests/setup/db";

const db = getTestDb();
let team: OnboardingTeam;

beforeEach(async () => {
  await resetDatabase();
  team = await createOnboardingTeam(db);
});

describe("findRegistrations", () => {
  it("tells the actor's own files from other partners' and ignores closed ones", async () => {
    const mine = await createProspect(db, { partnerId: team.partner.id, siren: "812345676" });
    await createProspect(db, { partnerId: team.otherPartner.id, siren: "443219878" });
    await createProspect(db, { partnerId: team.otherPartner.id, siren: "529876542", status: "NOT_INTERESTED" });
    const sirens = ["812345676", "443219878", "529876542", "900112236"];

    const forPartner = await findRegistrations(team.actors.partner, sirens, db);
    expect(forPartner.get("812345676")).toEqual({ kind: "yours", prospectId: mine.id });
    expect(forPartner.get("443219878")).toEqual({ kind: "elsewhere" });
    expect(forPartner.has("529876542")).toBe(false);
    expect(forPartner.has("900112236")).toBe(false);

    const forOther = await findRegistrations(team.actors.otherPartner, sirens, db);
    expect(forOther.get("812345676")).toEqual({ kind: "elsewhere" });

    const forSales = await findRegistrations(team.actors.sales, sirens, db);
    expect(forSales.get("443219878")).toMatchObject({ kind: "yours" });
  });

  it("asks nothing for an empty result page", async () => {
    expect((await findRegistrations(team.actors.partner, [], db)).size).toBe(0);
  });
});
