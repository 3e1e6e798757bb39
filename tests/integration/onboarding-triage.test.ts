// The « Dossiers prêts à démarrer » inbox: its list, and its actions (assign, resend, stage
// moves) both as plain functions and through the server actions' permission check.
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { APP_ERROR_MESSAGES } from "@/lib/errors";
import { markReadyToStart } from "@/lib/onboarding/mark-ready";
import { assignProspect, moveProspectStage } from "@/lib/onboarding/triage";
import { findReadyProspects, listAssignableReps } from "@/lib/onboarding/triage-queries";
import { createOnboardingTeam, createProspectWithFavorite, type OnboardingTeam } from "@/tests/support/onboarding";
import { createProspect } from "@/tests/factories";
import { getTestDb, resetDatabase } from "@/tests/setup/db";

const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/lib/auth/session", () => ({ getActor: async () => session.actor }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const { assignProspectAction, moveProspectStageAction, resendOnboardingLinkAction } = await import("@/lib/onboarding/actions");

const db = getTestDb();
let team: OnboardingTeam;

beforeEach(async () => {
  await resetDatabase();
  team = await createOnboardingTeam(db);
  session.actor = null;
});

async function ready(at: Date) {
  const { prospect } = await createProspectWithFavorite(db, team);
  await db.$transaction((tx) => markReadyToStart(tx, { prospectId: prospect.id, actor: team.actors.partner, now: at }));
  return prospect;
}

const params = { page: 1, perPage: 25, vue: "a-traiter" } as const;

describe("findReadyProspects", () => {
  it("lists « Prêt à démarrer » files newest first with partner, contact, time since ready and link state", async () => {
    const now = new Date();
    const older = await ready(new Date(now.getTime() - 26 * 3_600_000));
    const newer = await ready(new Date(now.getTime() - 2 * 3_600_000));
    await createProspectWithFavorite(db, team); // still in discussion: not listed

    const result = await findReadyProspects(team.actors.sales, params, db, now);
    expect(result.total).toBe(2);
    expect(result.rows.map((r) => r.id)).toEqual([newer.id, older.id]);
    expect(result.rows[0]).toMatchObject({
      name: newer.name,
      partnerName: "Cabinet Durand",
      contact: { name: "Camille Martin" },
      readySince: "il y a 2 h",
      onboarding: "sent",
      stage: "PROSPECT",
      owner: null,
    });
    expect(result.rows[1]?.readySince).toBe("il y a 1 j");
  });

  it("shows the link's state: opened, completed, expired (revoked counts as expired), none", async () => {
    const now = new Date();
    const opened = await ready(new Date(now.getTime() - 4 * 60_000));
    const completed = await ready(new Date(now.getTime() - 3 * 60_000));
    const revoked = await ready(new Date(now.getTime() - 2 * 60_000));
    const noLink = await createProspect(db, { partnerId: team.partner.id, status: "READY_TO_START", readyAt: new Date(now.getTime() - 60_000) });
    await db.onboardingLink.updateMany({ where: { prospectId: opened.id }, data: { openedAt: now } });
    await db.onboardingLink.updateMany({ where: { prospectId: completed.id }, data: { openedAt: now, usedAt: now } });
    await db.onboardingLink.updateMany({ where: { prospectId: revoked.id }, data: { revokedAt: now } });

    const { rows } = await findReadyProspects(team.actors.manager, params, db, now);
    const stateOf = Object.fromEntries(rows.map((r) => [r.id, r.onboarding]));
    expect(stateOf).toEqual({ [opened.id]: "opened", [completed.id]: "completed", [revoked.id]: "expired", [noLink.id]: "none" });
  });

  it("filters by view, clamps a page past the end, and keeps partners to their own files", async () => {
    const mine = await ready(new Date(Date.now() - 60_000));
    const client = await ready(new Date(Date.now() - 120_000));
    await db.prospect.update({ where: { id: client.id }, data: { stage: "CLIENT" } });
    await db.prospect.update({ where: { id: mine.id }, data: { ownerId: team.users.sales.id } });

    expect((await findReadyProspects(team.actors.sales, params, db)).rows.map((r) => r.id)).toEqual([mine.id]);
    expect((await findReadyProspects(team.actors.sales, { ...params, vue: "tous" }, db)).total).toBe(2);
    expect((await findReadyProspects(team.actors.sales2, { ...params, vue: "mes-dossiers" }, db)).total).toBe(0);
    expect((await findReadyProspects(team.actors.sales, { ...params, vue: "mes-dossiers" }, db)).rows[0]?.id).toBe(mine.id);

    const clamped = await findReadyProspects(team.actors.sales, { page: 9, perPage: 10, vue: "tous" }, db);
    expect(clamped).toMatchObject({ page: 1, total: 2 });
    expect(clamped.rows).toHaveLength(2);

    expect((await findReadyProspects(team.actors.otherPartner, { ...params, vue: "tous" }, db)).total).toBe(0);
  });

  it("offers active SALES and MANAGER users as reps", async () => {
    const reps = await listAssignableReps(db);
    expect(reps.map((r) => r.id).sort()).toEqual([team.users.sales.id, team.users.sales2.id, team.users.manager.id].sort());
  });
});

describe("assignProspect", () => {
  it("assigns to me or to a rep, with history, and notifies a rep who did not assign themself", async () => {
    const prospect = await ready(new Date());
    expect(await assignProspect(db, team.actors.sales, { prospectId: prospect.id, ownerId: team.users.sales.id })).toEqual({
      ownerId: team.users.sales.id,
      changed: true,
    });
    expect(await db.notification.count({ where: { kind: "ASSIGNMENT" } })).toBe(0);

    await assignProspect(db, team.actors.sales, { prospectId: prospect.id, ownerId: team.users.manager.id });
    expect((await db.prospect.findUniqueOrThrow({ where: { id: prospect.id } })).ownerId).toBe(team.users.manager.id);
    const notice = await db.notification.findFirstOrThrow({ where: { kind: "ASSIGNMENT" } });
    expect(notice).toMatchObject({ userId: team.users.manager.id, link: `/prospects/${prospect.id}` });

    const history = await db.auditEvent.findMany({ where: { prospectId: prospect.id, actorId: team.users.sales.id } });
    expect(history.map((h) => h.changes)).toEqual([
      { ownerId: { from: null, to: team.users.sales.id } },
      { ownerId: { from: team.users.sales.id, to: team.users.manager.id } },
    ]);

    // Same owner again: nothing to record.
    expect(await assignProspect(db, team.actors.sales, { prospectId: prospect.id, ownerId: team.users.manager.id })).toEqual({
      ownerId: team.users.manager.id,
      changed: false,
    });
  });

  it("lets an admin take a file but refuses partners, inactive users and unknown ids as owners", async () => {
    const prospect = await ready(new Date());
    await expect(assignProspect(db, team.actors.admin, { prospectId: prospect.id, ownerId: team.users.admin.id })).resolves.toMatchObject({
      changed: true,
    });
    for (const ownerId of [team.users.partnerUser.id, team.users.inactiveSales.id, team.users.admin.id, "inconnu"]) {
      await expect(assignProspect(db, team.actors.sales, { prospectId: prospect.id, ownerId })).rejects.toMatchObject({
        code: "VALIDATION",
        fieldErrors: { ownerId: ["Choisissez un commercial actif."] },
      });
    }
    await expect(
      assignProspect(db, team.actors.partner, { prospectId: prospect.id, ownerId: team.users.partnerUser.id }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(assignProspect(db, team.actors.sales, { prospectId: "inconnu", ownerId: team.users.sales.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});

describe("moveProspectStage", () => {
  it("moves PROSPECT → ONBOARDING → CLIENT with history, idempotently, and refuses skipping a stage", async () => {
    const prospect = await ready(new Date());
    await expect(moveProspectStage(db, team.actors.sales, { prospectId: prospect.id, stage: "CLIENT" })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    expect(await moveProspectStage(db, team.actors.sales, { prospectId: prospect.id, stage: "ONBOARDING" })).toEqual({ stage: "ONBOARDING" });
    expect(await moveProspectStage(db, team.actors.sales, { prospectId: prospect.id, stage: "ONBOARDING" })).toEqual({ stage: "ONBOARDING" });
    expect(await moveProspectStage(db, team.actors.manager, { prospectId: prospect.id, stage: "CLIENT" })).toEqual({ stage: "CLIENT" });

    const moves = await db.auditEvent.findMany({
      where: { prospectId: prospect.id, entityType: "Prospect", action: "UPDATE" },
      orderBy: { createdAt: "asc" },
    });
    expect(moves.slice(1).map((m) => m.changes)).toEqual([
      { stage: { from: "PROSPECT", to: "ONBOARDING" } },
      { stage: { from: "ONBOARDING", to: "CLIENT" } },
    ]);
    await expect(
      moveProspectStage(db, team.actors.partner, { prospectId: prospect.id, stage: "CLIENT" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("moves once under two concurrent clicks", async () => {
    const prospect = await ready(new Date());
    await Promise.all([
      moveProspectStage(db, team.actors.sales, { prospectId: prospect.id, stage: "ONBOARDING" }),
      moveProspectStage(db, team.actors.sales2, { prospectId: prospect.id, stage: "ONBOARDING" }),
    ]);
    expect(await db.auditEvent.count({ where: { prospectId: prospect.id, changes: { path: ["stage", "to"], equals: "ONBOARDING" } } })).toBe(1);
  });
});

describe("triage server actions", () => {
  it("refuse a partner, an anonymous user and bad input before touching anything", async () => {
    const prospect = await ready(new Date());
    session.actor = team.actors.partner;
    for (const result of [
      await assignProspectAction({ prospectId: prospect.id, ownerId: team.users.partnerUser.id }),
      await resendOnboardingLinkAction({ prospectId: prospect.id }),
      await moveProspectStageAction({ prospectId: prospect.id, stage: "ONBOARDING" }),
    ]) {
      expect(result).toEqual({ ok: false, error: APP_ERROR_MESSAGES.FORBIDDEN, fieldErrors: {} });
    }
    session.actor = null;
    expect((await resendOnboardingLinkAction({ prospectId: prospect.id })).ok).toBe(false);

    session.actor = team.actors.sales;
    const bad = await moveProspectStageAction({ prospectId: prospect.id, stage: "PROSPECT" as "CLIENT" });
    expect(bad).toMatchObject({ ok: false, fieldErrors: { stage: ["Étape inconnue."] } });

    expect(await db.onboardingLink.count({ where: { prospectId: prospect.id } })).toBe(1);
    expect((await db.prospect.findUniqueOrThrow({ where: { id: prospect.id } })).stage).toBe("PROSPECT");
  });

  it("run for the sales team: assign, resend (new link and e-mail) and move", async () => {
    const prospect = await ready(new Date());
    session.actor = team.actors.sales;
    expect(await assignProspectAction({ prospectId: prospect.id, ownerId: team.users.sales.id })).toEqual({
      ok: true,
      data: { ownerId: team.users.sales.id, changed: true },
    });
    const outboxBefore = await db.outboxEmail.count();
    const resent = await resendOnboardingLinkAction({ prospectId: prospect.id });
    expect(resent.ok).toBe(true);
    expect(await db.outboxEmail.count()).toBe(outboxBefore + 1);
    expect(await db.onboardingLink.count({ where: { prospectId: prospect.id, revokedAt: null } })).toBe(1);

    expect(await moveProspectStageAction({ prospectId: prospect.id, stage: "ONBOARDING" })).toEqual({
      ok: true,
      data: { stage: "ONBOARDING" },
    });
    const skipped = await moveProspectStageAction({ prospectId: prospect.id, stage: "ONBOARDING" });
    expect(skipped.ok).toBe(true);
    expect(await moveProspectStageAction({ prospectId: prospect.id, stage: "CLIENT" })).toEqual({ ok: true, data: { stage: "CLIENT" } });

    // Another partner's or unknown file: the neutral not-found message.
    expect(await moveProspectStageAction({ prospectId: "inconnu", stage: "CLIENT" })).toEqual({
      ok: false,
      error: APP_ERROR_MESSAGES.NOT_FOUND,
      fieldErrors: {},
    });
  });
});
