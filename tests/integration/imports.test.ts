// « Importer des prospects »: parsing (encodings, separators), the wizard's rules on every row,
// duplicates (in the file, in the organisation, another partner's), the worker's run (one
// transaction per row, resumable, idempotent), the report and the undo.
import { beforeEach, describe, expect, it } from "vitest";
import { autoMapHeaders, type ImportMapping } from "@/lib/imports/fields";
import { ALREADY_IMPORTED_MESSAGE, ALREADY_OWN_NAME_MESSAGE, ALREADY_OWN_SIREN_MESSAGE } from "@/lib/imports/classify";
import { parseSpreadsheet } from "@/lib/imports/parse-file";
import { analyseImportFile, classifyImportFile, createImportJob, previewOf } from "@/lib/imports/prepare-import";
import { getImportProgress, importReportSource } from "@/lib/imports/queries";
import { claimImportJob, processImportJob, runImportJobs } from "@/lib/imports/run-import";
import { undoImport } from "@/lib/imports/undo-import";
import { ENRICHED_NOTE, REGISTRY_UNAVAILABLE_NOTE } from "@/lib/imports/enrich-row";
import { CompanyRegistryError, type CompanySearchClient } from "@/lib/company-search/client";
import { SIREN_TAKEN_MESSAGE } from "@/lib/prospects/deal-registration";
import { csvStream } from "@/lib/reports/export-writers";
import { createProspect, portfolioCsv, portfolioRow } from "@/tests/factories";
import { createOnboardingTeam, type OnboardingTeam } from "@/tests/support/onboarding";
import { getTestDb, resetDatabase } from "@/tests/setup/db";

const db = getTestDb();
let team: OnboardingTeam;

beforeEach(async () => {
  await resetDatabase();
  team = await createOnboardingTeam(db);
});

const file = (rows: ReturnType<typeof portfolioRow>[], separator = ";") => Buffer.from(portfolioCsv(rows, separator), "utf8");

async function mappingOf(data: Buffer): Promise<ImportMapping> {
  return (await analyseImportFile(data)).mapping;
}

async function importAsPartner(data: Buffer) {
  const job = await createImportJob(db, team.actors.partner, { fileName: "portefeuille.csv", data, mapping: await mappingOf(data), options: { partnerId: null, ownerId: null, typeId: null, originId: null, enrich: false } });
  await runImportJobs(db);
  return job;
}

describe("reading the file", () => {
  it("maps French and English headers to fields, each field once", () => {
    expect(autoMapHeaders(["Raison sociale", "SIREN", "Code postal", "Nom du contact", "Téléphone fixe", "Phone", "E-MAIL", "Colonne perso"])).toEqual([
      "legalName",
      "siren",
      "postalCode",
      "contactLastName",
      "contactLandline",
      null,
      "contactEmail",
      null,
    ]);
    expect(autoMapHeaders(["Company name", "Zip code", "City", "First name", "Last name", "Mobile phone"])).toEqual([
      "name",
      "postalCode",
      "city",
      "contactFirstName",
      "contactLastName",
      "contactMobile",
    ]);
  });

  it("reads UTF-8 with a BOM, Windows-1252 as Excel writes it, and comma-separated files", async () => {
    const text = "Raison sociale;Ville\r\nCafé Étoile;Besançon\r\n";
    const bom = await parseSpreadsheet(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, "utf8")]));
    expect(bom).toEqual({ headers: ["Raison sociale", "Ville"], rows: [["Café Étoile", "Besançon"]] });
    const cp1252 = await parseSpreadsheet(Buffer.from(text, "latin1"));
    expect(cp1252).toEqual(bom);
    const comma = await parseSpreadsheet(Buffer.from('Raison sociale,Ville\n"Dupont, Fils et Cie",Lyon\n'));
    expect(comma.rows).toEqual([["Dupont, Fils et Cie", "Lyon"]]);
  });

  it("refuses an empty or unreadable file with a French message", async () => {
    await expect(parseSpreadsheet(Buffer.from("Raison sociale;SIREN\r\n"))).rejects.toMatchObject({ code: "VALIDATION" });
    await expect(parseSpreadsheet(Buffer.from([0, 1, 2, 0, 0, 5]))).rejects.toMatchObject({ code: "VALIDATION" });
  });
});

describe("preview", () => {
  it("checks every row with the wizard's rules and finds duplicates, without naming another partner", async () => {
    const mine = await createProspect(db, { partnerId: team.partner.id });
    await createProspect(db, { partnerId: team.partner.id, kind: "PERSON", name: "Jeanne Dubois", siren: null, legalName: null, postalCode: "69003" });
    const theirs = await createProspect(db, { partnerId: team.otherPartner.id });
    const first = portfolioRow();
    const rows = [
      first, // 2 valid
      portfolioRow({ SIREN: "123456789" }), // 3 bad SIREN key
      portfolioRow({ "Téléphone fixe": "" }), // 4 contact without landline
      portfolioRow({ "E-mail": "pas-un-mail" }), // 5 bad e-mail
      portfolioRow({ "Téléphone fixe": "12" }), // 6 bad phone
      { ...portfolioRow(), SIREN: first.SIREN! }, // 7 same SIREN as row 2
      portfolioRow({ SIREN: mine.siren! }), // 8 own organisation, by SIREN
      portfolioRow({ Nature: "Particulier", SIREN: "", "Raison sociale": "JEANNE  DUBOIS", "Code postal": "69003" }), // 9 own person, by name + postal code
      portfolioRow({ SIREN: theirs.siren! }), // 10 another partner's
    ];
    const data = file(rows);
    const classified = await classifyImportFile(db, team.actors.partner, { data, mapping: await mappingOf(data), target: { partnerId: team.partner.id } });
    const verdict = (n: number) => classified.find((r) => r.rowNumber === n)!.verdict;
    expect(verdict(2).status).toBe("valid");
    expect(verdict(3)).toMatchObject({ status: "invalid", messages: [expect.stringMatching(/^SIREN : /)] });
    expect(verdict(4)).toMatchObject({ status: "invalid", messages: [expect.stringMatching(/^Téléphone fixe : /)] });
    expect(verdict(5)).toMatchObject({ status: "invalid", messages: [expect.stringMatching(/^E-mail du contact : Adresse e-mail invalide/)] });
    expect(verdict(6)).toMatchObject({ status: "invalid", messages: [expect.stringMatching(/^Téléphone fixe : /)] });
    expect(verdict(7)).toMatchObject({ status: "duplicate", messages: ["Doublon de la ligne 2 du fichier : ligne ignorée."] });
    expect(verdict(8)).toMatchObject({ status: "duplicate", messages: [ALREADY_OWN_SIREN_MESSAGE] });
    expect(verdict(9)).toMatchObject({ status: "duplicate", messages: [ALREADY_OWN_NAME_MESSAGE] });
    expect(verdict(10)).toMatchObject({ status: "duplicate", messages: [SIREN_TAKEN_MESSAGE] });
    expect(JSON.stringify(classified)).not.toContain(team.otherPartner.name);
    expect(previewOf(classified)).toMatchObject({ total: 9, valid: 1, invalid: 4, duplicate: 4 });
  });
});

describe("running an import", () => {
  it("creates the valid rows with their contact and « importé » history, reports the others, and a second run creates nothing", async () => {
    const rows = [portfolioRow(), portfolioRow(), portfolioRow({ SIREN: "123456789" })];
    const data = file(rows);
    const job = await importAsPartner(data);
    const progress = await getImportProgress(team.actors.partner, job.id, db);
    expect(progress).toMatchObject({ status: "DONE", total: 3, created: 2, failed: 1, skipped: 0 });

    const created = await db.prospect.findMany({ where: { siren: { in: [rows[0]!.SIREN!, rows[1]!.SIREN!] } }, include: { contacts: true } });
    expect(created).toHaveLength(2);
    expect(created.every((p) => p.partnerId === team.partner.id && p.contacts.length === 1 && p.contacts[0]!.isFavorite)).toBe(true);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityType: "ImportJob", prospectId: created[0]!.id } });
    expect(audit.changes).toMatchObject({ importId: job.id });

    const chunks: string[] = [];
    const reader = csvStream(importReportSource(job.id, "portefeuille.csv", db)).getReader();
    for (let r = await reader.read(); !r.done; r = await reader.read()) chunks.push(new TextDecoder().decode(r.value));
    const report = chunks.join("");
    expect(report).toContain("4;Refusé;SIREN : ");
    expect(report).toContain("2;Créé;");

    const again = await importAsPartner(data);
    expect(await getImportProgress(team.actors.partner, again.id, db)).toMatchObject({ created: 0, skipped: 2, failed: 1 });
    expect(await db.prospect.count({ where: { partnerId: team.partner.id } })).toBe(2);
    const secondRows = await db.importRow.findMany({ where: { importId: again.id, outcome: "SKIPPED" } });
    expect(secondRows.every((r) => r.message === ALREADY_IMPORTED_MESSAGE)).toBe(true);
  });

  it("resumes an import whose worker died mid-way without creating anything twice", async () => {
    const rows = Array.from({ length: 7 }, () => portfolioRow());
    const data = file(rows);
    const job = await createImportJob(db, team.actors.partner, { fileName: "gros.csv", data, mapping: await mappingOf(data), options: { partnerId: null, ownerId: null, typeId: null, originId: null, enrich: false } });
    expect(await claimImportJob(db)).toBe(job.id);
    // The first worker settles two batches of 2 rows, then dies (its lease stays RUNNING).
    await processImportJob(db, job.id, { batchSize: 2, maxBatches: 2 });
    expect(await claimImportJob(db)).toBeNull();
    await db.importJob.update({ where: { id: job.id }, data: { heartbeatAt: new Date(Date.now() - 5 * 60_000) } });

    expect(await runImportJobs(db)).toBe(1);
    expect(await getImportProgress(team.actors.partner, job.id, db)).toMatchObject({ status: "DONE", created: 7 });
    expect(await db.prospect.count({ where: { partnerId: team.partner.id } })).toBe(7);
  });

  it("keeps another partner's import out of reach", async () => {
    const job = await importAsPartner(file([portfolioRow()]));
    expect(await getImportProgress(team.actors.otherPartner, job.id, db)).toBeNull();
    await expect(undoImport(db, team.actors.otherPartner, job.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("« Compléter avec le registre »", () => {
  it("fills the empty cells of rows with a SIREN from the registry, keeps the file's own values, and survives a registry outage", async () => {
    const known = portfolioRow({ Adresse: "", Ville: "", "Code postal": "" });
    const down = portfolioRow({ Adresse: "" });
    const searched: string[] = [];
    const registry: CompanySearchClient = {
      clearCache: () => undefined,
      async search({ q }) {
        searched.push(q);
        if (q === down.SIREN) throw new CompanyRegistryError("unavailable");
        const match = { siren: q, name: "X", legalName: "NOM AU REGISTRE", siret: null, nafCode: "62.01Z", legalFormCode: null, legalForm: "SAS", headcountBand: null, street: "1 rue du Registre", postalCode: "75002", city: "Paris", revenueCents: null, revenueYear: null, vatNumber: null, active: true };
        return { results: [match], page: 1, perPage: 1, totalResults: 1, totalPages: 1 };
      },
    };
    const data = file([known, down]);
    const job = await createImportJob(db, team.actors.partner, { fileName: "a-completer.csv", data, mapping: await mappingOf(data), options: { partnerId: null, ownerId: null, typeId: null, originId: null, enrich: true } });
    await runImportJobs(db, { registry });
    expect(searched.sort()).toEqual([known.SIREN!, down.SIREN!].sort());

    const enriched = await db.prospect.findFirstOrThrow({ where: { siren: known.SIREN } });
    expect(enriched).toMatchObject({ street: "1 rue du Registre", postalCode: "75002", city: "Paris", nafCode: "62.01Z", legalForm: "SAS", legalName: known["Raison sociale"] });
    expect((await db.prospect.findFirstOrThrow({ where: { siren: down.SIREN } })).street).toBeNull();
    const rows = await db.importRow.findMany({ where: { importId: job.id }, orderBy: { rowNumber: "asc" } });
    expect(rows.map((r) => [r.outcome, r.message])).toEqual([
      ["CREATED", ENRICHED_NOTE],
      ["CREATED", REGISTRY_UNAVAILABLE_NOTE],
    ]);
  });
});

describe("undo", () => {
  it("deletes the imported files within 24 h, and refuses once one of them changed or the day passed", async () => {
    const job = await importAsPartner(file([portfolioRow(), portfolioRow()]));
    const later = new Date(Date.now() + 25 * 60 * 60 * 1000);
    await expect(undoImport(db, team.actors.partner, job.id, later)).rejects.toMatchObject({ code: "VALIDATION" });

    const [one] = await db.importRow.findMany({ where: { importId: job.id, outcome: "CREATED" } });
    await db.prospect.update({ where: { id: one!.prospectId! }, data: { version: { increment: 1 }, comment: "Appelé" } });
    await expect(undoImport(db, team.actors.partner, job.id)).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await db.prospect.count({ where: { partnerId: team.partner.id } })).toBe(2);

    await db.prospect.update({ where: { id: one!.prospectId! }, data: { version: 1 } });
    expect(await undoImport(db, team.actors.partner, job.id)).toEqual({ deleted: 2 });
    expect(await db.prospect.count({ where: { partnerId: team.partner.id } })).toBe(0);
    expect((await db.importJob.findUniqueOrThrow({ where: { id: job.id } })).status).toBe("UNDONE");
  });
});
