// The admin lists' URL state on the DataTable: sort and page size parsed from the query string
// (a bad value falls back to the default) and applied by the queries.
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { partnerListParamsSchema, userListParamsSchema } from "@/lib/accounts/list-params";
import { findPartners, findUsers } from "@/lib/accounts/queries";
import { createPartner, createUser } from "@/tests/factories";
import { getTestDb, resetDatabase } from "@/tests/setup/db";

const db = getTestDb();

beforeEach(async () => {
  await resetDatabase();
});

afterAll(async () => {
  await resetDatabase();
});

describe("admin lists", () => {
  it("sorts users by last sign-in, never-signed-in last in both directions, and pages by the chosen size", async () => {
    const admin = await createUser(db, { role: "ADMIN", name: "Zoé Admin" });
    const old = await createUser(db, { role: "SALES", name: "Anne Ancienne" });
    const recent = await createUser(db, { role: "SALES", name: "Bruno Récent" });
    const never = await createUser(db, { role: "SALES", name: "Claire Jamais" });
    await db.user.update({ where: { id: old.id }, data: { lastLoginAt: new Date("2026-01-01T10:00:00Z") } });
    await db.user.update({ where: { id: recent.id }, data: { lastLoginAt: new Date("2026-11-01T10:00:00Z") } });
    await db.user.update({ where: { id: admin.id }, data: { lastLoginAt: new Date("2026-06-01T10:00:00Z") } });
    const actor = { id: admin.id, email: admin.email, name: admin.name, role: admin.role, partnerId: null };

    const desc = await findUsers(db, actor, userListParamsSchema.parse({ sort: "lastLoginAt", dir: "desc" }));
    expect(desc.rows.map((r) => r.id)).toEqual([recent.id, admin.id, old.id, never.id]);
    const asc = await findUsers(db, actor, userListParamsSchema.parse({ sort: "lastLoginAt", dir: "asc" }));
    expect(asc.rows.map((r) => r.id)).toEqual([old.id, admin.id, recent.id, never.id]);

    const byName = await findUsers(db, actor, userListParamsSchema.parse({ sort: "name", dir: "desc", perPage: "50" }));
    expect(byName.rows.map((r) => r.name)).toEqual(["Zoé Admin", "Claire Jamais", "Bruno Récent", "Anne Ancienne"]);
    expect(byName.perPage).toBe(50);
  });

  it("falls back to the defaults on a hand-edited query string", () => {
    const params = userListParamsSchema.parse({ sort: "passwordHash", dir: "sideways", perPage: "1000000" });
    expect(params).toMatchObject({ sort: "name", dir: "asc", perPage: 25 });
  });

  it("sorts organisations by city, without a city last", async () => {
    const paris = await createPartner(db, { name: "Cabinet A" });
    const lyon = await createPartner(db, { name: "Cabinet B" });
    const none = await createPartner(db, { name: "Cabinet C" });
    await db.partner.update({ where: { id: paris.id }, data: { city: "Paris" } });
    await db.partner.update({ where: { id: lyon.id }, data: { city: "Lyon" } });
    await db.partner.update({ where: { id: none.id }, data: { city: null } });
    const { rows } = await findPartners(db, partnerListParamsSchema.parse({ sort: "city", dir: "asc" }));
    expect(rows.map((r) => r.id)).toEqual([lyon.id, paris.id, none.id]);
  });
});
