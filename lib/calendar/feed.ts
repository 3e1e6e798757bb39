import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { actorSelect, toActiveActor } from "@/lib/auth/load-actor";
import { prospectScope } from "@/lib/auth/scope";
import { generateFeedToken, hashFeedToken, isWellFormedFeedToken } from "@/lib/calendar/feed-token";
import { buildIcsCalendar, type IcsEvent } from "@/lib/calendar/ics";
import { appointmentOverlapWhere, canUseCalendar, DEFAULT_APPOINTMENT_MS } from "@/lib/calendar/queries";
import { appUrl } from "@/lib/env";
import { AppError } from "@/lib/errors";
import type { Db, DbClient } from "@/lib/prisma-client";

export const FEED_PATH = "/api/calendar/feed";
const DAY_MS = 86_400_000;
export const FEED_PAST_DAYS = 90;
export const FEED_FUTURE_DAYS = 365;
const FEED_ROW_LIMIT = 5000;

// Nothing about a feed may be kept by a shared cache or sent on as a Referer.
const PRIVATE_HEADERS = { "Cache-Control": "private, no-store", "Referrer-Policy": "no-referrer" } as const;

export function calendarFeedUrl(token: string): string {
  return `${appUrl()}${FEED_PATH}/${token}`;
}

export async function hasCalendarFeedLink(db: DbClient, userId: string): Promise<boolean> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { calendarFeedTokenHash: true } });
  return Boolean(user?.calendarFeedTokenHash);
}

// « Créer mon lien d'abonnement » and « Générer un nouveau lien »: a new token replaces any
// previous one (which stops working at once). The URL is returned to be shown once.
export async function createCalendarFeedLink(db: DbClient, actor: Actor): Promise<{ url: string }> {
  if (!canUseCalendar(actor)) throw new AppError("FORBIDDEN");
  const { token, tokenHash } = generateFeedToken();
  await db.user.update({ where: { id: actor.id }, data: { calendarFeedTokenHash: tokenHash }, select: { id: true } });
  return { url: calendarFeedUrl(token) };
}

// « Révoquer le lien ».
export async function revokeCalendarFeedLink(db: DbClient, actor: Actor): Promise<void> {
  await db.user.update({ where: { id: actor.id }, data: { calendarFeedTokenHash: null }, select: { id: true } });
}

// The user a token opens the feed of, or null: unknown, revoked, deactivated, or no longer
// on the internal team all read the same.
export async function findFeedOwner(db: DbClient, token: string): Promise<Actor | null> {
  if (!isWellFormedFeedToken(token)) return null;
  const row = await db.user.findUnique({ where: { calendarFeedTokenHash: hashFeedToken(token) }, select: actorSelect });
  const actor = toActiveActor(row);
  return actor && canUseCalendar(actor) ? actor : null;
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname || "crm.localhost";
  } catch {
    return "crm.localhost";
  }
}

// The owner's appointments from 90 days ago to a year ahead, as an iCalendar document.
export async function buildCalendarFeed(db: DbClient, owner: Actor, now: Date = new Date()): Promise<string> {
  const start = new Date(now.getTime() - FEED_PAST_DAYS * DAY_MS);
  const end = new Date(now.getTime() + FEED_FUTURE_DAYS * DAY_MS);
  const rows = await db.action.findMany({
    where: {
      AND: [
        { type: { isAppointment: true } },
        { assigneeId: owner.id },
        { prospect: prospectScope(owner) },
        appointmentOverlapWhere(start, end),
      ],
    },
    orderBy: [{ startAt: { sort: "asc", nulls: "last" } }, { dueAt: "asc" }, { id: "asc" }],
    take: FEED_ROW_LIMIT,
    select: {
      id: true,
      subject: true,
      notes: true,
      startAt: true,
      endAt: true,
      dueAt: true,
      done: true,
      createdAt: true,
      updatedAt: true,
      type: { select: { name: true } },
      prospect: { select: { name: true } },
    },
  });
  const base = appUrl();
  const host = hostOf(base);
  const events: IcsEvent[] = [];
  for (const row of rows) {
    const eventStart = row.startAt ?? row.dueAt;
    if (!eventStart) continue;
    const eventEnd = row.endAt && row.endAt > eventStart ? row.endAt : new Date(eventStart.getTime() + DEFAULT_APPOINTMENT_MS);
    const url = `${base}/actions/${row.id}`;
    const description = [
      `Type : ${row.type.name}`,
      `Prospect : ${row.prospect.name}`,
      ...(row.done ? ["Rendez-vous fait."] : []),
      ...(row.notes ? ["", row.notes] : []),
      "",
      `Ouvrir dans le CRM : ${url}`,
    ].join("\n");
    events.push({
      uid: `${row.id}@${host}`,
      start: eventStart,
      end: eventEnd,
      stamp: row.updatedAt,
      created: row.createdAt,
      summary: `${row.subject} — ${row.prospect.name}`,
      description,
      url,
      categories: [row.type.name],
      status: "CONFIRMED",
    });
  }
  return buildIcsCalendar({
    prodId: "-//CRM Partenaires//Calendrier//FR",
    name: `Rendez-vous CRM — ${owner.name}`,
    events,
  });
}

function notFoundResponse(): Response {
  return new Response("Calendrier introuvable.", {
    status: 404,
    headers: { ...PRIVATE_HEADERS, "Content-Type": "text/plain; charset=utf-8" },
  });
}

// GET /api/calendar/feed/<token>: no session, the token is the credential. Any token that
// opens nothing gets the same 404. Never logs the request: its path is the secret.
export async function calendarFeedResponse(db: Db, rawToken: string, now: Date = new Date()): Promise<Response> {
  // Some calendar apps want the address to end in .ics; both forms work.
  const token = rawToken.endsWith(".ics") ? rawToken.slice(0, -4) : rawToken;
  try {
    const owner = await findFeedOwner(db, token);
    if (!owner) return notFoundResponse();
    const body = await buildCalendarFeed(db, owner, now);
    return new Response(body, {
      status: 200,
      headers: {
        ...PRIVATE_HEADERS,
        "Content-Type": "text/calendar; charset=utf-8",
        "Content-Disposition": 'inline; filename="rendez-vous.ics"',
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (error) {
    console.error("Calendar feed failed:", error instanceof Error ? error.name : "unknown error");
    return new Response("Le calendrier est momentanément indisponible. Réessayez dans quelques minutes.", {
      status: 503,
      headers: { ...PRIVATE_HEADERS, "Content-Type": "text/plain; charset=utf-8", "Retry-After": "60" },
    });
  }
}
