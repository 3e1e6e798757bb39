// The prospects search matches name, city and SIREN without regard to case or accents, through
// the generated searchText column and its trigram index (migration 20261206140000).
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { findProspects } from "@/lib/prospects/queries";
import { parseProspectListParams } from "@/lib/prospects/schemas";
import { createPartner, createProspect, createUser } from "@/tests/factories";
import { getTestDb, getTestDatabaseUrl } from "@/tests/setup/db";

const db = getTestDb();
const passwordHash = "$argon2id$v=19$m=19456,t=2,p=1$dGVzdHNhbHQ$dGVzdGhhc2g";
let sales: Actor;
let client: pg.Client;

beforeAll(async () => {
  const org = await createPartner(db, { name: "Cabinet Gamma" });
  const u = await createUser(db, { role: "SALES", name: "Sam Recherche", passwordHash });
  sales = { id: u.id, email: u.email, name: u.name, role: u.role, partnerId: u.partnerId };
  await createProspect(db, { name: "Boucherie Lefèvre", city: "Évreux", partnerId: org.id, siren: "552100554" });
  await createProspect(db, { name: "Garage Dupont", city: "Nîmes", partnerId: org.id });
  // Renamed after creation: the generated column must follow the row.
  const renamed = await createProspect(db, { name: "Ancien nom", city: "Lyon", partnerId: org.id });
  await db.prospect.update({ where: { id: renamed.id }, data: { name: "Crèmerie Œuvre" } });
  client = new pg.Client({ connectionString: getTestDatabaseUrl() });
  await client.connect();
});

afterAll(async () => {
  await client?.end();
});

const search = async (q: string) =>
  (await findProspects(sales, { ...parseProspectListParams({}), q, perPage: 100 }, db)).rows.map((r) => r.name).sort();

describe("prospect search", () => {
  it("finds « Lefèvre » from « lefevre » and « LEFÈVRE »", async () => {
    expect(await search("lefevre")).toEqual(["Boucherie Lefèvre"]);
    expect(await search("LEFÈVRE")).toEqual(["Boucherie Lefèvre"]);
  });

  it("matches the city without accents and the SIREN by part", async () => {
    expect(await search("evreux")).toEqual(["Boucherie Lefèvre"]);
    expect(await search("nimes")).toEqual(["Garage Dupont"]);
    expect(await search("552 100")).toEqual(["Boucherie Lefèvre"]);
  });

  it("follows a rename and ligatures", async () => {
    expect(await search("cremerie oeuvre")).toEqual(["Crèmerie Œuvre"]);
    expect(await search("ancien")).toEqual([]);
  });

  it("answers from the trigram index rather than a scan", async () => {
    await client.query("BEGIN");
    try {
      await client.query("SET LOCAL enable_seqscan = off");
      const plan = await client.query<{ "QUERY PLAN": string }>(
        `EXPLAIN SELECT id FROM "Prospect" WHERE "searchText" LIKE '%boul%'`,
      );
      expect(plan.rows.map((r) => r["QUERY PLAN"]).join("\n")).toContain("Prospect_searchText_idx");
    } finally {
      await client.query("ROLLBACK");
    }
  });
});
