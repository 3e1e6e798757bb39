// The prospects list export: the list's filters and sort over every page, streamed, and a
// partner's export holds its own organisation's files without the internal columns.
import { beforeEach, describe, expect, it } from "vitest";
import { prospectExportResponse } from "@/lib/prospects/export-prospects";
import { createProspect } from "@/tests/factories";
import { createOnboardingTeam, type OnboardingTeam } from "@/tests/support/onboarding";
import { getTestDb, resetDatabase } from "@/tests/setup/db";

const db = getTestDb();
let team: OnboardingTeam;

beforeEach(async () => {
  await resetDatabase();
  team = await createOnboardingTeam(db);
});

async function lines(response: Response): Promise<string[]> {
  expect(response.status).toBe(200);
  const text = await response.text();
  return text.replace(/^\uFEFF/, "").trim().split("\r\n");
}

describe("prospects export", () => {
  it("streams 10,000 rows with the list's filters and sort, all pages", async () => {
    const rows = Array.from({ length: 10_000 }, (_, i) => ({
      name: `Export ${String(i).padStart(5, "0")}`,
      partnerId: team.partner.id,
      status: i % 2 === 0 ? ("IN_DISCUSSION" as const) : ("NOT_INTERESTED" as const),
      city: "Lyon",
    }));
    await db.prospect.createMany({ data: rows });
    await db.prospect.createMany({ data: Array.from({ length: 10_000 }, (_, i) => ({ name: `Export Bis ${i}`, partnerId: team.partner.id, city: "Nantes" })) });

    const response = await prospectExportResponse(team.actors.sales, "csv", new URLSearchParams({ q: "Lyon", sort: "name", dir: "desc" }), db);
    expect(response.headers.get("content-type")).toContain("text/csv");
    expect(response.body).toBeInstanceOf(ReadableStream);
    const csv = await lines(response);
    expect(csv[0]).toContain("Nom;Nature;Raison sociale;SIREN");
    expect(csv[0]).toContain("Commercial");
    expect(csv).toHaveLength(10_001);
    expect(csv[1]!.startsWith("Export 09999;")).toBe(true);
    expect(csv[10_000]!.startsWith("Export 00000;")).toBe(true);

    const filtered = await lines(await prospectExportResponse(team.actors.sales, "csv", new URLSearchParams({ q: "Lyon", status: "NOT_INTERESTED" }), db));
    expect(filtered).toHaveLength(5_001);
  }, 120_000);

  it("gives a partner its own files only, without internal columns, and neutralises formulas", async () => {
    await createProspect(db, { partnerId: team.partner.id, name: "=HYPERLINK(\"http://x\")" });
    await createProspect(db, { partnerId: team.partner.id, name: "Mon client" });
    await createProspect(db, { partnerId: team.otherPartner.id, name: "Client d'un autre" });

    // A partner filter in the query string cannot widen the scope.
    const csv = await lines(await prospectExportResponse(team.actors.partner, "csv", new URLSearchParams({ partner: team.otherPartner.id }), db));
    expect(csv).toHaveLength(3);
    expect(csv.join("\n")).not.toContain("Client d'un autre");
    expect(csv[0]).not.toContain("Commercial");
    expect(csv[0]).not.toContain("Origine");
    expect(csv.some((l) => l.startsWith("\"'=HYPERLINK(\"\"http://x\"\")\";") || l.startsWith("'=HYPERLINK"))).toBe(true);

    const xlsx = await prospectExportResponse(team.actors.partner, "xlsx", new URLSearchParams(), db);
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get("content-type")).toContain("spreadsheetml");
    expect((await prospectExportResponse(null, "csv", new URLSearchParams(), db)).status).toBe(401);
    expect((await prospectExportResponse(team.actors.partner, "pdf", new URLSearchParams(), db)).status).toBe(404);
  });
});
