// The import's HTTP side: the wizard's steps on an uploaded file (CSV and XLSX), the template,
// and the report, which another user's session cannot read.
import { beforeEach, describe, expect, it } from "vitest";
import writeXlsxFile from "write-excel-file/node";
import { importReportResponse, importTemplateResponse } from "@/lib/imports/downloads";
import { handleImportRequest } from "@/lib/imports/http";
import { runImportJobs } from "@/lib/imports/run-import";
import { portfolioCsv, portfolioRow, sirenFrom } from "@/tests/factories";
import { createOnboardingTeam, type OnboardingTeam } from "@/tests/support/onboarding";
import { getTestDb, resetDatabase } from "@/tests/setup/db";

const db = getTestDb();
let team: OnboardingTeam;

beforeEach(async () => {
  await resetDatabase();
  team = await createOnboardingTeam(db);
});

function request(fields: Record<string, string | Blob>, fileName = "portefeuille.csv") {
  const body = new FormData();
  for (const [key, value] of Object.entries(fields)) {
    if (value instanceof Blob) body.set(key, value, fileName);
    else body.set(key, value);
  }
  return new Request("http://localhost/api/imports", { method: "POST", body });
}

describe("POST /api/imports", () => {
  it("analyses, previews and launches an import from a CSV upload", async () => {
    const file = new Blob([portfolioCsv([portfolioRow(), portfolioRow({ SIREN: "123456789" })])], { type: "text/csv" });
    const analysed = await (await handleImportRequest(team.actors.partner, request({ step: "analyse", file }), { db })).json();
    expect(analysed).toMatchObject({ ok: true, data: { rowCount: 2, headers: expect.arrayContaining(["SIREN"]) } });
    const mapping = JSON.stringify(analysed.data.mapping.map((m: string | null) => m ?? ""));

    const preview = await (await handleImportRequest(team.actors.partner, request({ step: "apercu", file, mapping }), { db })).json();
    expect(preview).toMatchObject({ ok: true, data: { total: 2, valid: 1, invalid: 1 } });

    const launched = await handleImportRequest(team.actors.partner, request({ step: "lancer", file, mapping }), { db });
    expect(launched.status).toBe(201);
    const { data } = await launched.json();
    await runImportJobs(db);
    const report = await importReportResponse(team.actors.partner, data.id, db);
    expect(report.status).toBe(200);
    expect(await report.text()).toContain(";Refusé;SIREN : ");
    expect((await importReportResponse(team.actors.otherPartner, data.id, db)).status).toBe(404);
    expect((await importReportResponse(null, data.id, db)).status).toBe(401);
  });

  it("reads an XLSX file whose numbers lost their leading zeros", async () => {
    const siren = sirenFrom(1_234_567);
    const xlsx = await writeXlsxFile(
      [
        [{ value: "Raison sociale" }, { value: "SIREN" }, { value: "Code postal" }, { value: "Ville" }],
        [{ value: "Boulangerie de l'Ain" }, { value: Number(siren) }, { value: 1000 }, { value: "Bourg-en-Bresse" }],
      ],
      {},
    ).toBuffer();
    const file = new Blob([new Uint8Array(xlsx)]);
    const analysed = await (await handleImportRequest(team.actors.partner, request({ step: "analyse", file }, "clients.xlsx"), { db })).json();
    expect(analysed.data.headers).toEqual(["Raison sociale", "SIREN", "Code postal", "Ville"]);
    const mapping = JSON.stringify(analysed.data.mapping);
    const preview = await (await handleImportRequest(team.actors.partner, request({ step: "apercu", file, mapping }, "clients.xlsx"), { db })).json();
    expect(preview).toMatchObject({ ok: true, data: { valid: 1 } });
  });

  it("answers French refusals, never a 500, for bad input", async () => {
    const file = new Blob(["Raison sociale;SIREN\r\nA;1\r\n"]);
    expect((await handleImportRequest(null, request({ step: "analyse", file }), { db })).status).toBe(401);
    const noFile = await handleImportRequest(team.actors.partner, request({ step: "analyse" }), { db });
    expect(noFile.status).toBe(422);
    const badMapping = await handleImportRequest(team.actors.partner, request({ step: "apercu", file, mapping: "[\"siren\",\"siren\"]" }), { db });
    expect(badMapping.status).toBe(422);
    expect((await badMapping.json()).error).toMatch(/Chaque champ/);
    const otherPartner = await handleImportRequest(
      team.actors.sales,
      request({ step: "apercu", file, mapping: "[\"legalName\",\"siren\"]", partnerId: "inconnu" }),
      { db },
    );
    expect(otherPartner.status).toBe(422);
  });

  it("offers the template with every field's header", async () => {
    const response = importTemplateResponse(team.actors.partner);
    const text = await response.text();
    expect(text).toContain("Raison sociale;SIREN;SIRET");
    expect(text).toContain("Téléphone fixe");
  });
});
