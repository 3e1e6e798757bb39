// The export routes, called like Next calls them: authentication (401) and authorization (404),
// CSV streamed in batches (BOM, `;`, CRLF, formula injection neutralised, filters applied, each
// row once across batches), XLSX as a real workbook with typed cells, and the XLSX row cap.
import { strFromU8, unzipSync } from "fflate";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { EXPORT_BATCH_SIZE } from "@/lib/reports/export-source";
import { XLSX_MAX_ROWS } from "@/lib/reports/export-writers";
import { EMPTY_SAVED_LIST_FILTERS } from "@/lib/reports/saved-list-schemas";
import { createProspect, createUser } from "@/tests/factories";
import { getTestDb } from "@/tests/setup/db";
import { createReportsFixture, passwordHash, toActor } from "./reports-fixture";

const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/lib/auth/session", () => ({ getActor: async () => session.actor }));
const reportRoute = await import("@/app/api/reports/[report]/[format]/route");
const listRoute = await import("@/app/api/reports/listes/[id]/[format]/route");

const db = getTestDb();
let fx: Awaited<ReturnType<typeof createReportsFixture>>;

function getReport(report: string, format: string, query = "") {
  const request = new Request(`http://localhost/api/reports/${report}/${format}${query}`);
  return reportRoute.GET(request, { params: Promise.resolve({ report, format }) });
}

function getList(id: string, format: string) {
  return listRoute.GET(new Request(`http://localhost/api/reports/listes/${id}/${format}`), { params: Promise.resolve({ id, format }) });
}

// The body as the client receives it: the chunks in order.
async function readChunks(response: Response): Promise<Uint8Array[]> {
  const reader = response.body!.getReader();
  const chunks: Uint8Array[] = [];
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return chunks;
    chunks.push(value);
  }
}

function concat(chunks: Uint8Array[]): Uint8Array {
  const all = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let offset = 0;
  for (const c of chunks) {
    all.set(c, offset);
    offset += c.length;
  }
  return all;
}

function workbook(bytes: Uint8Array): { sheet: string; strings: string } {
  const files = unzipSync(bytes);
  const sheetName = Object.keys(files).find((name) => /^xl\/worksheets\/sheet1\.xml$/.test(name));
  expect(sheetName).toBeDefined();
  return { sheet: strFromU8(files[sheetName!]!), strings: files["xl/sharedStrings.xml"] ? strFromU8(files["xl/sharedStrings.xml"]) : "" };
}

beforeAll(async () => {
  fx = await createReportsFixture(db);
});

beforeEach(() => {
  session.actor = fx.manager;
});

describe("access", () => {
  it("answers 401 without a session, 404 to partners and for unknown reports or formats", async () => {
    session.actor = null;
    expect((await getReport("actions-faites", "csv")).status).toBe(401);
    session.actor = fx.partner;
    expect((await getReport("actions-faites", "csv")).status).toBe(404);
    expect((await getReport("chiffre-affaires", "xlsx")).status).toBe(404);
    session.actor = fx.manager;
    expect((await getReport("utilisateurs", "csv")).status).toBe(404);
    expect((await getReport("actions-faites", "pdf")).status).toBe(404);
  });

  it("ignores malformed filters instead of failing", async () => {
    const response = await getReport("actions-faites", "csv", "?from=2026-02-31&owner=%27%3B--&page=-1");
    expect(response.status).toBe(200);
    const text = new TextDecoder().decode(concat(await readChunks(response)));
    expect(text.trim().split("\r\n")).toHaveLength(1 + 4);
  });
});

describe("CSV", () => {
  it("starts with a BOM, uses ; and CRLF, neutralises formulas and applies the filters", async () => {
    const response = await getReport("actions-faites", "csv", "?from=2026-03-01&to=2026-03-31");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="actions-faites-\d{4}-\d{2}-\d{2}\.csv"/);
    const bytes = concat(await readChunks(response));
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes).slice(1);
    const lines = text.split("\r\n");
    expect(lines.at(-1)).toBe("");
    expect(lines[0]).toBe("Faite le;Type;Objet;Prospect;Responsable;Résultat");
    expect(lines).toHaveLength(1 + 3 + 1);
    // 23:30 UTC on 28 February is 00:30 on 1 March in Paris; the subject is a formula.
    expect(lines).toContain(`01/03/2026 00:30;${fx.call.name};"'=HYPERLINK(""http://evil"")";Alpha Lyon;Bruno Rep;Client intéressé`);
    expect(text).not.toContain(";=HYPERLINK");
    expect(text).not.toContain("Rendez-vous d'avril");
  });

  it("exports revenue per rep and month with euros as numbers", async () => {
    const response = await getReport("chiffre-affaires", "csv", "?from=2026-01-01&to=2026-04-30");
    const lines = new TextDecoder().decode(concat(await readChunks(response))).replace(/^\uFEFF/, "").split("\r\n");
    expect(lines[0]).toBe("Commercial;janvier 2026;février 2026;mars 2026;avril 2026;Total");
    expect(lines[1]).toBe("Bruno Rep;0;0;2000;300;2300");
    expect(lines[2]).toBe("Alice Rep;0;1500;700;0;2200");
    expect(lines[3]).toBe("Sans commercial;0;0;100;0;100");
    expect(lines[4]).toBe("Total;0;1500;2800;300;4600");
  });

  it("streams large exports in batches read with a cursor, every row exactly once", async () => {
    const prospect = await createProspect(db, { name: "Gamma Volume", partnerId: fx.partners.p1.id });
    const sameDue = new Date("2027-01-15T09:00:00Z");
    const count = EXPORT_BATCH_SIZE * 2 + 150;
    // Many ties on the due date and undated actions: the cursor must still be exact.
    await db.action.createMany({
      data: Array.from({ length: count }, (_, i) => ({
        prospectId: prospect.id,
        typeId: fx.call.id,
        subject: `Volume ${String(i).padStart(4, "0")}`,
        dueAt: i % 3 === 0 ? null : i % 3 === 1 ? sameDue : new Date(sameDue.getTime() + i * 60_000),
      })),
    });
    const response = await getReport("actions-non-faites", "csv", `?partner=${fx.partners.p1.id}`);
    const chunks = await readChunks(response);
    // Header, then one chunk per batch of at most EXPORT_BATCH_SIZE rows.
    expect(chunks.length).toBeGreaterThanOrEqual(1 + Math.ceil((count + 2) / EXPORT_BATCH_SIZE));
    const lines = new TextDecoder().decode(concat(chunks)).split("\r\n").filter(Boolean);
    const volume = lines.filter((line) => line.includes(";Volume "));
    expect(volume).toHaveLength(count);
    expect(new Set(volume).size).toBe(count);
    // p1's own pending actions come too (partner filter), undated ones last.
    expect(lines.length).toBe(1 + count + 2);
    expect(lines.at(-1)!.startsWith(";")).toBe(true);
    for (const chunk of chunks.slice(1)) {
      const rows = new TextDecoder().decode(chunk).split("\r\n").filter(Boolean);
      expect(rows.length).toBeLessThanOrEqual(EXPORT_BATCH_SIZE);
    }
    await db.action.deleteMany({ where: { prospectId: prospect.id } });
  });
});

describe("XLSX", () => {
  it("produces a real workbook with typed numbers and neutralised text", async () => {
    const response = await getReport("chiffre-affaires", "xlsx", "?from=2026-01-01&to=2026-04-30");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="chiffre-affaires-\d{4}-\d{2}-\d{2}\.xlsx"/);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
    const { sheet, strings } = workbook(bytes);
    expect(strings + sheet).toContain("Bruno Rep");
    // Amounts are numeric cells (<v>2300</v>), not text.
    expect(sheet).toMatch(/<c [^>]*><v>2300<\/v><\/c>/);
    expect(sheet).toMatch(/<c [^>]*><v>4600<\/v><\/c>/);

    const actions = await getReport("actions-faites", "xlsx");
    const done = workbook(new Uint8Array(await actions.arrayBuffer()));
    expect(done.strings + done.sheet).toContain(`<t>'=HYPERLINK("http://evil")</t>`);
    expect(done.strings + done.sheet).not.toContain("<t>=HYPERLINK");
    // Dates are date cells (serial numbers in Paris wall-clock time): 1 March 2026 00:30.
    expect(done.sheet).toMatch(/<c r="A\d+" s="\d+"><v>46082\.0208333/);
  });

  it("refuses, with a clear message, a selection over the row cap", async () => {
    const prospect = await createProspect(db, { name: "Delta Masse" });
    // One INSERT … SELECT: fifty thousand rows through createMany would take minutes.
    await db.$executeRaw`
      INSERT INTO "Action" ("id", "prospectId", "typeId", "subject", "updatedAt")
      SELECT 'masse-' || g, ${prospect.id}, ${fx.call.id}, 'Masse ' || g, now()
      FROM generate_series(1, ${XLSX_MAX_ROWS + 1}::int) AS g`;
    const response = await getReport("actions-non-faites", "xlsx");
    expect(response.status).toBe(422);
    expect(await response.text()).toMatch(/limité à 50\s000 lignes.*exportez en CSV/);
    await db.$executeRaw`DELETE FROM "Action" WHERE "prospectId" = ${prospect.id}`;
  });
});

describe("custom list exports", () => {
  it("exports one's own list in CSV and XLSX; another user's list is not found", async () => {
    const list = await db.savedList.create({
      data: {
        ownerId: fx.manager.id,
        name: "Opportunités gagnées",
        entity: "OPPORTUNITY",
        columns: ["title", "owner", "amount", "expectedCloseDate"],
        filters: { ...EMPTY_SAVED_LIST_FILTERS, opportunityStatus: "WON", owner: fx.repB.id },
      },
    });
    const csv = await getList(list.id, "csv");
    expect(csv.headers.get("content-disposition")).toMatch(/^attachment; filename="opportunites-gagnees-\d{4}-\d{2}-\d{2}\.csv"/);
    const lines = new TextDecoder().decode(concat(await readChunks(csv))).replace(/^\uFEFF/, "").split("\r\n").filter(Boolean);
    expect(lines[0]).toBe("Titre;Commercial;Montant (€);Conclusion prévue");
    expect(lines.slice(1).map((l) => l.split(";").slice(1, 3)).sort()).toEqual([
      ["Bruno Rep", "2000"],
      ["Bruno Rep", "300"],
    ]);

    const xlsx = await getList(list.id, "xlsx");
    expect(xlsx.status).toBe(200);
    expect(workbook(new Uint8Array(await xlsx.arrayBuffer())).sheet).toMatch(/<v>2000<\/v>/);

    session.actor = toActor(await createUser(db, { role: "SALES", passwordHash }));
    expect((await getList(list.id, "csv")).status).toBe(404);
    expect((await getList("inexistante", "xlsx")).status).toBe(404);
    session.actor = null;
    expect((await getList(list.id, "csv")).status).toBe(401);
  });
});
