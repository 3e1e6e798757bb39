// « Particulier » files are deduplicated like companies: same normalised name and e-mail (else
// postal code) in one organisation is refused, and concurrent identical creations give one row.
import { beforeEach, describe, expect, it } from "vitest";
import { prospectFormSchema, type ProspectFormValues } from "@/lib/prospects/prospect-form-schema";
import { PERSON_TAKEN_MESSAGE } from "@/lib/prospects/person-key";
import { saveProspect } from "@/lib/prospects/save-prospect";
import { createOnboardingTeam, type OnboardingTeam } from "@/tests/support/onboarding";
import { getTestDb, resetDatabase } from "@/tests/setup/db";
import { emptyProspectForm } from "@/lib/prospects/prospect-form-schema";

const db = getTestDb();
let team: OnboardingTeam;

beforeEach(async () => {
  await resetDatabase();
  team = await createOnboardingTeam(db);
});

function person(partnerId: string, overrides: Partial<ProspectFormValues> = {}, email = "jeanne.dubois@exemple.test") {
  return prospectFormSchema.parse({
    ...emptyProspectForm(partnerId),
    kind: "PERSON",
    name: "Jeanne Dubois",
    postalCode: "69003",
    city: "Lyon",
    contacts: [{ civility: "MRS", lastName: "Dubois", firstName: "Jeanne", jobTitle: "", mobilePhone: "", landlinePhone: "04 78 00 00 00", email, isFavorite: true }],
    ...overrides,
  });
}

describe("person deduplication", () => {
  it("gives one row for 20 concurrent identical creations", async () => {
    const outcomes = await Promise.allSettled(Array.from({ length: 20 }, () => saveProspect(db, team.actors.partner, person(team.partner.id))));
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    for (const o of outcomes) if (o.status === "rejected") expect(o.reason).toMatchObject({ code: "CONFLICT", message: PERSON_TAKEN_MESSAGE });
    expect(await db.prospect.count({ where: { kind: "PERSON" } })).toBe(1);
  }, 60_000);

  it("refuses the same person whatever the case, accents or word order, but not a namesake or another organisation's", async () => {
    await saveProspect(db, team.actors.partner, person(team.partner.id));
    await expect(saveProspect(db, team.actors.partner, person(team.partner.id, { name: "DUBOIS  Jéanne" }, "JEANNE.DUBOIS@exemple.test"))).rejects.toMatchObject({
      code: "CONFLICT",
    });
    await saveProspect(db, team.actors.partner, person(team.partner.id, {}, "autre.jeanne@exemple.test"));
    await saveProspect(db, team.actors.otherPartner, person(team.otherPartner.id));
    expect(await db.prospect.count({ where: { kind: "PERSON" } })).toBe(3);
  });

  it("frees the identity when the file is closed « Pas intéressé, sans suite »", async () => {
    const first = await saveProspect(db, team.actors.partner, person(team.partner.id));
    const stored = await db.prospect.findUniqueOrThrow({ where: { id: first.id } });
    await db.prospect.update({ where: { id: stored.id }, data: { status: "NOT_INTERESTED" } });
    await expect(saveProspect(db, team.actors.partner, person(team.partner.id))).resolves.toMatchObject({ created: true });
  });
});
