// The private ICS feed: a token created, replaced and revoked (only its hash stored), and the
// route handler's answer for good, replaced, revoked, malformed and deactivated tokens.
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { GET } from "@/app/api/calendar/feed/[token]/route";
import type { Actor } from "@/lib/auth/actor";
import { hashFeedToken } from "@/lib/calendar/feed-token";
import { buildCalendarFeed, createCalendarFeedLink, findFeedOwner, hasCalendarFeedLink, revokeCalendarFeedLink } from "@/lib/calendar/feed";
import { createAction, createPartner, createProspect, createUser, ensureReferenceData } from "@/tests/factories";
import { getTestDb } from "@/tests/setup/db";

const db = getTestDb();
const passwordHash = "$argon2id$v=19$m=19456,t=2,p=1$dGVzdHNhbHQ$dGVzdGhhc2g";
const BASE = "http://localhost:3000/api/calendar/feed/";

type UserRow = { id: string; email: string; name: string; role: Actor["role"]; partnerId: string | null };
const toActor = (u: UserRow): Actor => ({ id: u.id, email: u.email, name: u.name, role: u.role, partnerId: u.partnerId });

let sales: Actor;
let otherSales: Actor;
let partner: Actor;
let meetingTypeId: string;
let callTypeId: string;
let prospect: { id: string };

const tokenOf = (url: string) => url.slice(BASE.length);

async function fetchFeed(token: string): Promise<Response> {
  return GET(new Request(`${BASE}${token}`), { params: Promise.resolve({ token }) });
}

const DAY = 86_400_000;

beforeAll(async () => {
  const ref = await ensureReferenceData(db);
  meetingTypeId = ref.actionTypes.find((t) => t.name === "Rendez-vous")!.id;
  callTypeId = ref.actionTypes.find((t) => t.category === "CALL")!.id;
  const org = await createPartner(db);
  sales = toActor(await createUser(db, { role: "SALES", name: "Alice Vendeuse", passwordHash }));
  otherSales = toActor(await createUser(db, { role: "SALES", passwordHash }));
  partner = toActor(await createUser(db, { role: "PARTNER", partnerId: org.id, passwordHash }));
  prospect = await createProspect(db, { name: "Dupont, Fils & Cie; Lyon" });
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe("feed links", () => {
  it("stores only the SHA-256 of a 32-byte token, replaces it on regeneration and clears it on revocation", async () => {
    expect(await hasCalendarFeedLink(db, sales.id)).toBe(false);
    const first = await createCalendarFeedLink(db, sales);
    expect(first.url.startsWith(BASE)).toBe(true);
    const token = tokenOf(first.url);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const stored = await db.user.findUniqueOrThrow({ where: { id: sales.id }, select: { calendarFeedTokenHash: true } });
    expect(stored.calendarFeedTokenHash).toBe(hashFeedToken(token));
    expect(stored.calendarFeedTokenHash).not.toContain(token);
    expect(await hasCalendarFeedLink(db, sales.id)).toBe(true);
    expect((await findFeedOwner(db, token))?.id).toBe(sales.id);

    const second = await createCalendarFeedLink(db, sales);
    const newToken = tokenOf(second.url);
    expect(newToken).not.toBe(token);
    expect(await findFeedOwner(db, token)).toBeNull();
    expect((await findFeedOwner(db, newToken))?.id).toBe(sales.id);

    await revokeCalendarFeedLink(db, sales);
    expect(await hasCalendarFeedLink(db, sales.id)).toBe(false);
    expect(await findFeedOwner(db, newToken)).toBeNull();
  });

  it("is for the internal team only", async () => {
    await expect(createCalendarFeedLink(db, partner)).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await hasCalendarFeedLink(db, partner.id)).toBe(false);
  });
});

describe("GET /api/calendar/feed/<token>", () => {
  it("serves the owner's appointments from 90 days back to a year ahead as RFC 5545 text", async () => {
    const now = Date.now();
    const soon = await createAction(db, {
      prospectId: prospect.id,
      typeId: meetingTypeId,
      subject: "Revue annuelle, budget; points\\suivants",
      notes: "Ligne 1\nLigne 2",
      startAt: new Date(now + 2 * DAY),
      dueAt: new Date(now + 2 * DAY),
      endAt: new Date(now + 2 * DAY + 45 * 60_000),
      assigneeId: sales.id,
    });
    const recent = await createAction(db, {
      prospectId: prospect.id,
      typeId: meetingTypeId,
      subject: "Il y a 80 jours",
      startAt: new Date(now - 80 * DAY),
      assigneeId: sales.id,
      done: true,
    });
    const tooOld = await createAction(db, { prospectId: prospect.id, typeId: meetingTypeId, subject: "Trop ancien", startAt: new Date(now - 100 * DAY), assigneeId: sales.id });
    const tooFar = await createAction(db, { prospectId: prospect.id, typeId: meetingTypeId, subject: "Trop lointain", startAt: new Date(now + 400 * DAY), assigneeId: sales.id });
    const someoneElse = await createAction(db, { prospectId: prospect.id, typeId: meetingTypeId, subject: "Pas à moi", startAt: new Date(now + DAY), assigneeId: otherSales.id });
    const call = await createAction(db, { prospectId: prospect.id, typeId: callTypeId, subject: "Un appel", startAt: new Date(now + DAY), assigneeId: sales.id });

    const { url } = await createCalendarFeedLink(db, sales);
    const log = vi.spyOn(console, "log");
    const error = vi.spyOn(console, "error");
    const response = await fetchFeed(tokenOf(url));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    const body = await response.text();
    // Nothing of ours logged the request (its path is the secret).
    expect([...log.mock.calls, ...error.mock.calls].flat().join(" ")).not.toContain(tokenOf(url));

    expect(body.startsWith("BEGIN:VCALENDAR\r\n")).toBe(true);
    expect(body.endsWith("END:VCALENDAR\r\n")).toBe(true);
    expect(body.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    expect(body.split("\r\n").every((line) => new TextEncoder().encode(line).length <= 75)).toBe(true);
    const lines = body.replace(/\r\n /g, "").split("\r\n");
    const events = body.match(/BEGIN:VEVENT/g) ?? [];
    expect(events).toHaveLength(2);
    expect(lines).toContain(`UID:${soon.id}@localhost`);
    expect(lines).toContain(`UID:${recent.id}@localhost`);
    for (const other of [tooOld, tooFar, someoneElse, call]) expect(body).not.toContain(other.id);
    const ics = (d: Date) => d.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
    expect(lines).toContain(`DTSTART:${ics(soon.startAt!)}`);
    expect(lines).toContain(`DTEND:${ics(soon.endAt!)}`);
    expect(lines).toContain(`DTEND:${ics(new Date(recent.startAt!.getTime() + 3_600_000))}`);
    expect(lines).toContain(`DTSTAMP:${ics(new Date(Math.floor(soon.updatedAt.getTime() / 1000) * 1000))}`);
    expect(lines).toContain("SUMMARY:Revue annuelle\\, budget\\; points\\\\suivants — Dupont\\, Fils & Cie\\; Lyon");
    expect(lines).toContain(`URL:http://localhost:3000/actions/${soon.id}`);
    expect(lines.filter((l) => l === "STATUS:CONFIRMED")).toHaveLength(2);
    const description = lines.find((l) => l.startsWith("DESCRIPTION:") && l.endsWith(soon.id))!;
    expect(description.startsWith("DESCRIPTION:Type : Rendez-vous\\nProspect : Dupont\\, Fils & Cie\\; Lyon\\n")).toBe(true);
    expect(lines.find((l) => l.startsWith("DESCRIPTION:") && l.endsWith(recent.id))).toContain("Rendez-vous fait.");
    expect(description).toContain("Ligne 1\\nLigne 2");
    expect(description).toContain(`Ouvrir dans le CRM : http://localhost:3000/actions/${soon.id}`);

    // The .ics form of the address works too.
    expect((await fetchFeed(`${tokenOf(url)}.ics`)).status).toBe(200);
  });

  it("answers the same 404 to unknown, replaced, revoked, malformed and deactivated tokens", async () => {
    const { url: oldUrl } = await createCalendarFeedLink(db, otherSales);
    const { url } = await createCalendarFeedLink(db, otherSales);
    const valid = await fetchFeed(tokenOf(url));
    expect(valid.status).toBe(200);

    const replaced = await fetchFeed(tokenOf(oldUrl));
    const unknown = await fetchFeed("A".repeat(43));
    const malformed = await fetchFeed("../../etc/passwd");
    await revokeCalendarFeedLink(db, otherSales);
    const revoked = await fetchFeed(tokenOf(url));

    const { url: salesUrl } = await createCalendarFeedLink(db, sales);
    await db.user.update({ where: { id: sales.id }, data: { active: false } });
    const deactivated = await fetchFeed(tokenOf(salesUrl));
    await db.user.update({ where: { id: sales.id }, data: { active: true } });

    const answers = await Promise.all(
      [replaced, unknown, malformed, revoked, deactivated].map(async (r) => ({
        status: r.status,
        type: r.headers.get("content-type"),
        cache: r.headers.get("cache-control"),
        body: await r.text(),
      })),
    );
    for (const answer of answers) {
      expect(answer).toEqual({ status: 404, type: "text/plain; charset=utf-8", cache: "private, no-store", body: "Calendrier introuvable." });
    }
  });

  it("builds an empty but valid calendar when there is nothing to show", async () => {
    const text = await buildCalendarFeed(db, otherSales, new Date("2040-01-01T00:00:00Z"));
    expect(text).toContain("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n");
    expect(text).not.toContain("BEGIN:VEVENT");
  });
});
