// « Prêt à démarrer »: everything in one transaction, nothing when it fails, once only.
import { beforeEach, describe, expect, it } from "vitest";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { markReadyToStart } from "@/lib/onboarding/mark-ready";
import { MISSING_FAVORITE_MESSAGE } from "@/lib/onboarding/send-link";
import { hashOnboardingToken } from "@/lib/onboarding/token";
import { createOnboardingTeam, createProspectWithFavorite, tokenFromEmail, type OnboardingTeam } from "@/tests/support/onboarding";
import { getTestDb, resetDatabase } from "@/tests/setup/db";

const db = getTestDb();
let team: OnboardingTeam;

beforeEach(async () => {
  await resetDatabase();
  team = await createOnboardingTeam(db);
});

async function counts(prospectId: string) {
  const [links, outbox, notifications, audits] = await Promise.all([
    db.onboardingLink.count({ where: { prospectId } }),
    db.outboxEmail.count(),
    db.notification.count(),
    db.auditEvent.count({ where: { prospectId } }),
  ]);
  return { links, outbox, notifications, audits };
}


describe("markReadyToStart", () => {
  it("writes status, history, alerts, the link and both e-mails in the caller's transaction", async () => {
    const { prospect, contact } = await createProspectWithFavorite(db, team);
    const now = new Date("2026-11-22T09:30:00.000Z");

    const result = await db.$transaction((tx) => markReadyToStart(tx, { prospectId: prospect.id, actor: team.actors.partner, now }));
    expect(result.alreadyReady).toBe(false);

    const stored = await db.prospect.findUniqueOrThrow({ where: { id: prospect.id } });
    expect(stored.status).toBe("READY_TO_START");
    expect(stored.readyAt?.toISOString()).toBe(now.toISOString());
    expect(stored.version).toBe(prospect.version);

    const audits = await db.auditEvent.findMany({ where: { prospectId: prospect.id }, orderBy: { createdAt: "asc" } });
    expect(audits.map((a) => [a.entityType, a.action])).toEqual([
      ["Prospect", "UPDATE"],
      ["OnboardingLink", "CREATE"],
    ]);
    expect(audits[0]?.actorId).toBe(team.users.partnerUser.id);
    expect(audits[0]?.changes).toEqual({
      status: { from: "IN_DISCUSSION", to: "READY_TO_START" },
      readyAt: { from: null, to: now.toISOString() },
    });

    // One alert per active SALES and MANAGER user; not the admin, the partner or a deactivated rep.
    const notifications = await db.notification.findMany({ select: { userId: true, kind: true, link: true, title: true } });
    expect(notifications.map((n) => n.userId).sort()).toEqual(
      [team.users.sales.id, team.users.sales2.id, team.users.manager.id].sort(),
    );
    expect(notifications.every((n) => n.kind === "PROSPECT_READY" && n.link === "/dossiers-prets")).toBe(true);
    expect(notifications[0]?.title).toBe(`Dossier prêt à démarrer : ${prospect.name}`);

    const links = await db.onboardingLink.findMany({ where: { prospectId: prospect.id } });
    expect(links).toHaveLength(1);
    const link = links[0]!;
    expect(link).toMatchObject({ contactId: contact.id, sentToEmail: contact.email, createdById: team.users.partnerUser.id });
    expect(link.expiresAt.getTime() - now.getTime()).toBe(getEnv().ONBOARDING_LINK_TTL_HOURS * 3_600_000);
    expect(link.id).toBe(result.alreadyReady ? undefined : result.onboardingLinkId);

    const outbox = await db.outboxEmail.findMany({ orderBy: { dedupeKey: "asc" } });
    expect(outbox.map((m) => m.dedupeKey)).toEqual([`onboarding-link:${link.id}`, `ready-alert:${prospect.id}:${now.toISOString()}`]);
    const [clientMail, alertMail] = outbox;
    expect(alertMail!.toAddresses).toEqual([getEnv().SALES_INBOX_EMAIL]);
    expect(alertMail!.subject).toBe(`Dossier prêt à démarrer : ${prospect.name}`);
    expect(clientMail!.toAddresses).toEqual([`"Camille Martin" <${contact.email}>`]);

    // The e-mail carries the only copy of the token; the database keeps its hash alone.
    const token = tokenFromEmail(clientMail!.text);
    expect(clientMail!.text).toContain(`http://localhost:3000/onboarding/${token}`);
    expect(clientMail!.html).toContain(`http://localhost:3000/onboarding/${token}`);
    expect(hashOnboardingToken(token)).toBe(link.tokenHash);
    expect(JSON.stringify(audits)).not.toContain(token);
    expect(JSON.stringify(links)).not.toContain(token);
  });

  it("writes nothing at all when the favourite contact is missing, even after the caller's own update", async () => {
    const { prospect } = await createProspectWithFavorite(db, team, { favorite: false });
    const before = await counts(prospect.id);

    const attempt = db.$transaction(async (tx) => {
      await tx.prospect.update({ where: { id: prospect.id }, data: { status: "READY_TO_START", version: { increment: 1 } } });
      return markReadyToStart(tx, { prospectId: prospect.id, actor: team.actors.partner });
    });
    await expect(attempt).rejects.toThrow(AppError);
    await expect(attempt).rejects.toMatchObject({
      code: "VALIDATION",
      message: MISSING_FAVORITE_MESSAGE,
      fieldErrors: { status: [MISSING_FAVORITE_MESSAGE] },
    });

    expect(await counts(prospect.id)).toEqual(before);
    const stored = await db.prospect.findUniqueOrThrow({ where: { id: prospect.id } });
    expect(stored).toMatchObject({ status: "IN_DISCUSSION", readyAt: null, version: prospect.version });
  });

  it("names the favourite contact whose e-mail is missing", async () => {
    const { prospect } = await createProspectWithFavorite(db, team, { email: null });
    await expect(
      db.$transaction((tx) => markReadyToStart(tx, { prospectId: prospect.id, actor: team.actors.sales })),
    ).rejects.toMatchObject({
      code: "VALIDATION",
      message: "Le contact favori Camille Martin n'a pas d'adresse e-mail : ajoutez-la avant de passer le dossier en « Prêt à démarrer ».",
    });
    expect(await counts(prospect.id)).toEqual({ links: 0, outbox: 0, notifications: 0, audits: 0 });
  });

  it("answers NOT_FOUND for another partner's prospect", async () => {
    const { prospect } = await createProspectWithFavorite(db, team);
    await expect(
      db.$transaction((tx) => markReadyToStart(tx, { prospectId: prospect.id, actor: team.actors.otherPartner })),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await counts(prospect.id)).toEqual({ links: 0, outbox: 0, notifications: 0, audits: 0 });
  });

  it("sends nothing twice when the request is retried", async () => {
    const { prospect } = await createProspectWithFavorite(db, team);
    const first = await db.$transaction((tx) => markReadyToStart(tx, { prospectId: prospect.id, actor: team.actors.partner }));
    const after = await counts(prospect.id);
    const second = await db.$transaction((tx) => markReadyToStart(tx, { prospectId: prospect.id, actor: team.actors.partner }));

    expect(first.alreadyReady).toBe(false);
    expect(second).toEqual({ alreadyReady: true, readyAt: first.readyAt });
    expect(await counts(prospect.id)).toEqual(after);
    expect(after).toEqual({ links: 1, outbox: 2, notifications: 3, audits: 2 });
  });

  it("runs once under two concurrent attempts: the second waits for the first and finds it done", async () => {
    const { prospect } = await createProspectWithFavorite(db, team);
    const slowFirst = db.$transaction(async (tx) => {
      const result = await markReadyToStart(tx, { prospectId: prospect.id, actor: team.actors.partner });
      // Holds the row lock a while, so the second attempt really overlaps.
      await tx.$executeRaw`SELECT pg_sleep(0.3)`;
      return result;
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const second = db.$transaction((tx) => markReadyToStart(tx, { prospectId: prospect.id, actor: team.actors.partner }));

    const results = await Promise.all([slowFirst, second]);
    expect(results.map((r) => r.alreadyReady)).toEqual([false, true]);
    expect(await counts(prospect.id)).toEqual({ links: 1, outbox: 2, notifications: 3, audits: 2 });
  });

  it("runs once when two tabs save at the same time with the wizard's version check", async () => {
    const { prospect } = await createProspectWithFavorite(db, team);
    // What the save action does: an optimistic-lock update of the row, then markReadyToStart.
    const save = () =>
      db.$transaction(async (tx) => {
        const { count } = await tx.prospect.updateMany({
          where: { id: prospect.id, version: prospect.version },
          data: { status: "READY_TO_START", version: { increment: 1 } },
        });
        if (count === 0) throw new AppError("CONFLICT");
        return markReadyToStart(tx, { prospectId: prospect.id, actor: team.actors.partner });
      });

    const outcomes = await Promise.allSettled([save(), save(), save()]);
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    expect(outcomes.filter((o) => o.status === "rejected").map((o) => (o as PromiseRejectedResult).reason.code)).toEqual([
      "CONFLICT",
      "CONFLICT",
    ]);
    expect(await counts(prospect.id)).toEqual({ links: 1, outbox: 2, notifications: 3, audits: 2 });
  });

  it("works for a prospect created « Prêt à démarrer » in the same transaction", async () => {
    const result = await db.$transaction(async (tx) => {
      const created = await tx.prospect.create({
        data: { name: "Nouvelle SAS", partnerId: team.partner.id, createdById: team.users.partnerUser.id, status: "READY_TO_START" },
      });
      await tx.contact.create({
        data: { prospectId: created.id, firstName: "Léa", lastName: "Roy", landlinePhone: "+33123456789", email: "lea@nouvelle.test", isFavorite: true },
      });
      return { id: created.id, ready: await markReadyToStart(tx, { prospectId: created.id, actor: team.actors.partner }) };
    });
    expect(result.ready.alreadyReady).toBe(false);
    expect(await counts(result.id)).toEqual({ links: 1, outbox: 2, notifications: 3, audits: 2 });
  });

  it("starts a new period when the caller moves the status back to « Prêt à démarrer » itself", async () => {
    // Ready once, then back in discussion with the old readyAt left behind.
    const { prospect } = await createProspectWithFavorite(db, team);
    const first = await db.$transaction((tx) => markReadyToStart(tx, { prospectId: prospect.id, actor: team.actors.partner }));
    await db.prospect.update({ where: { id: prospect.id }, data: { status: "IN_DISCUSSION" } });

    const second = await db.$transaction(async (tx) => {
      await tx.prospect.update({ where: { id: prospect.id }, data: { status: "READY_TO_START", version: { increment: 1 } } });
      return markReadyToStart(tx, { prospectId: prospect.id, actor: team.actors.partner });
    });
    expect(second.alreadyReady).toBe(false);
    expect(second.readyAt.getTime()).toBeGreaterThan(first.readyAt.getTime());

    const links = await db.onboardingLink.findMany({ where: { prospectId: prospect.id }, orderBy: { createdAt: "asc" } });
    expect(links).toHaveLength(2);
    expect(links[0]?.revokedAt).not.toBeNull();
    expect(links[1]?.revokedAt).toBeNull();
    expect(await db.outboxEmail.count({ where: { dedupeKey: { startsWith: `ready-alert:${prospect.id}:` } } })).toBe(2);
    // The caller audits the status it wrote; this event only records the new readyAt.
    const last = await db.auditEvent.findFirst({
      where: { prospectId: prospect.id, entityType: "Prospect" },
      orderBy: { createdAt: "desc" },
    });
    expect(Object.keys(last?.changes as object)).toEqual(["readyAt"]);
  });
});
