// The « Relevés de commissions » server actions as the forms call them: authorization, French
// field errors, and the month rule of « Préparer les relevés ».
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { addMonths, parisMonthOf } from "@/lib/commissions/compute";
import { createPartner, createUser } from "@/tests/factories";
import { getTestDb } from "@/tests/setup/db";

const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/lib/auth/session", () => ({ getActor: async () => session.actor }));
const { addAdjustmentAction, generateStatementsAction, validateStatementAction } = await import("@/lib/commissions/actions");

const db = getTestDb();
const passwordHash = "$argon2id$v=19$m=19456,t=2,p=1$dGVzdHNhbHQ$dGVzdGhhc2g";
let admin: Actor;
let partner: Actor;
let statementId: string;

const pick = (u: { id: string; email: string; name: string; role: Actor["role"]; partnerId: string | null }): Actor => ({
  id: u.id,
  email: u.email,
  name: u.name,
  role: u.role,
  partnerId: u.partnerId,
});

beforeAll(async () => {
  admin = pick(await createUser(db, { role: "ADMIN", passwordHash }));
  const org = await createPartner(db);
  partner = pick(await createUser(db, { role: "PARTNER", partnerId: org.id, passwordHash }));
  statementId = (await db.commissionStatement.create({ data: { partnerId: org.id, periodMonth: new Date("2025-01-01T00:00:00Z") } })).id;
});

describe("statement actions", () => {
  it("refuses partners and expired sessions", async () => {
    session.actor = partner;
    const refused = await generateStatementsAction({ month: "2025-01" });
    expect(refused).toMatchObject({ ok: false });
    expect(await validateStatementAction({ statementId, version: 0 })).toMatchObject({ ok: false });
    session.actor = null;
    expect(await generateStatementsAction({ month: "2025-01" })).toMatchObject({ ok: false, error: expect.stringMatching(/session/) });
    expect((await db.commissionStatement.findUniqueOrThrow({ where: { id: statementId } })).status).toBe("DRAFT");
  });

  it("prepares the current or a past month, never one to come", async () => {
    session.actor = admin;
    const next = addMonths(parisMonthOf(new Date()), 1);
    expect(await generateStatementsAction({ month: next })).toMatchObject({ ok: false, fieldErrors: { month: [expect.any(String)] } });
    expect(await generateStatementsAction({ month: "2025-13" })).toMatchObject({ ok: false, fieldErrors: { month: ["Choisissez un mois (AAAA-MM)."] } });
    expect(await generateStatementsAction({ month: parisMonthOf(new Date()) })).toMatchObject({ ok: true });
  });

  it("reads French amounts for adjustments and explains a bad one", async () => {
    session.actor = admin;
    expect(await addAdjustmentAction({ statementId, amount: "12,3x", reason: "Geste commercial" })).toMatchObject({
      ok: false,
      fieldErrors: { amount: [expect.stringMatching(/Montant invalide/)] },
    });
    expect(await addAdjustmentAction({ statementId, amount: "-1 250,50 €", reason: "Avoir fournisseur", visibleToPartner: true })).toMatchObject({
      ok: true,
      data: { totalCents: -125_050 },
    });
  });
});
