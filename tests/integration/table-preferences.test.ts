// Column choices remembered per user on the server: the action merges one list's layout into
// the signed-in user's map (never anyone else's), refuses bad or oversized input with a French
// message, and the per-request session read hands the map back without a query of its own.
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { createSession, loadSessionState } from "@/lib/auth/server-session";
import { TABLE_PREFERENCES_MAX_BYTES, TABLE_PREFERENCES_TOO_LARGE_MESSAGE } from "@/lib/table-preferences/schemas";
import { createPartner, createUser } from "@/tests/factories";
import { getTestDb, resetDatabase } from "@/tests/setup/db";

const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/lib/auth/session", () => ({ getActor: async () => session.actor }));
const { saveTablePreferencesAction } = await import("@/lib/table-preferences/actions");

const db = getTestDb();
const policy = { idleSeconds: 3600, absoluteSeconds: 36_000 };
const toActor = (u: { id: string; email: string; name: string; role: Actor["role"]; partnerId: string | null }): Actor => ({
  id: u.id,
  email: u.email,
  name: u.name,
  role: u.role,
  partnerId: u.partnerId,
});

async function storedMap(userId: string) {
  return (await db.user.findUniqueOrThrow({ where: { id: userId }, select: { tablePreferences: true } })).tablePreferences;
}

beforeEach(async () => {
  await resetDatabase();
  session.actor = null;
});

afterAll(async () => {
  await resetDatabase();
});

describe("table preferences", () => {
  it("saves one list's layout for the signed-in user, keeps their other lists and leaves other users untouched", async () => {
    const lea = await createUser(db, { role: "SALES", name: "Léa Martin" });
    const hugo = await createUser(db, { role: "MANAGER", name: "Hugo Petit" });
    await db.user.update({ where: { id: hugo.id }, data: { tablePreferences: { prospects: { hidden: ["city"], density: "compact" } } } });

    session.actor = toActor(lea);
    expect(await saveTablePreferencesAction({ tableId: "prospects", hidden: ["stage", "createdAt", "stage"], density: "compact" })).toEqual({
      ok: true,
      data: { tableId: "prospects" },
    });
    expect(await saveTablePreferencesAction({ tableId: "taches", hidden: [], density: "comfortable" })).toMatchObject({ ok: true });
    // A later save of the same list replaces its entry only.
    expect(await saveTablePreferencesAction({ tableId: "prospects", hidden: ["stage"], density: "compact" })).toMatchObject({ ok: true });

    expect(await storedMap(lea.id)).toEqual({
      prospects: { hidden: ["stage"], density: "compact" },
      taches: { hidden: [], density: "comfortable" },
    });
    expect(await storedMap(hugo.id)).toEqual({ prospects: { hidden: ["city"], density: "compact" } });
  });

  it("refuses anonymous calls, invalid input and a map past the size limit, with a clear message", async () => {
    // Partners too have lists: any signed-in user may save their own layout.
    const cabinet = await createPartner(db, { name: "Cabinet Essai" });
    const lea = await createUser(db, { role: "PARTNER", name: "Léa Partenaire", partnerId: cabinet.id });
    expect(await saveTablePreferencesAction({ tableId: "prospects", hidden: [], density: "compact" })).toMatchObject({
      ok: false,
      error: "Votre session a expiré. Reconnectez-vous pour continuer.",
    });

    session.actor = toActor(lea);
    const badTable = await saveTablePreferencesAction({ tableId: "../Prospects", hidden: [], density: "compact" });
    expect(badTable).toMatchObject({ ok: false, fieldErrors: { tableId: ["Identifiant de liste invalide."] } });
    const badDensity = await saveTablePreferencesAction({ tableId: "prospects", hidden: [], density: "tiny" as "compact" });
    expect(badDensity).toMatchObject({ ok: false, fieldErrors: { density: ["Densité d'affichage inconnue."] } });
    const badColumn = await saveTablePreferencesAction({ tableId: "prospects", hidden: ["<script>"], density: "compact" });
    expect(badColumn).toMatchObject({ ok: false, fieldErrors: { "hidden.0": ["Identifiant de colonne invalide."] } });
    const extraKey = await saveTablePreferencesAction({ tableId: "prospects", hidden: [], density: "compact", userId: "someone" } as never);
    expect(extraKey.ok).toBe(false);

    // Many lists with many hidden columns: the one that would cross the limit is refused whole.
    const columns = Array.from({ length: 40 }, (_, i) => `colonne-${i}-${"x".repeat(20)}`);
    let refused: Awaited<ReturnType<typeof saveTablePreferencesAction>> | null = null;
    for (let i = 0; i < 20 && !refused; i++) {
      const result = await saveTablePreferencesAction({ tableId: `liste-${i}`, hidden: columns, density: "compact" });
      if (!result.ok) refused = result;
    }
    expect(refused).toEqual({ ok: false, error: TABLE_PREFERENCES_TOO_LARGE_MESSAGE, fieldErrors: {} });
    const stored = await storedMap(lea.id);
    expect(JSON.stringify(stored).length).toBeLessThanOrEqual(TABLE_PREFERENCES_MAX_BYTES);
    expect(Object.keys(stored as object).length).toBeGreaterThan(0);
  });

  it("comes back with the session read, unreadable entries falling back to defaults", async () => {
    const lea = await createUser(db, { role: "SALES", name: "Léa Martin" });
    await db.user.update({
      where: { id: lea.id },
      data: { tablePreferences: { prospects: { hidden: ["city"], density: "compact" }, taches: "abîmé", "Pas Valide": { hidden: [] } } },
    });
    const { id } = await createSession(db, { userId: lea.id, ip: null, userAgent: null }, policy);
    const state = await loadSessionState(db, id, lea.id, policy);
    expect(state?.tablePreferences).toEqual({
      prospects: { hidden: ["city"], density: "compact" },
      taches: { hidden: [], density: "comfortable" },
    });
  });
});
