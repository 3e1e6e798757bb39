import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { prospectScope } from "@/lib/auth/scope";
import { calendarRange, type CalendarRange, type CalendarView } from "@/lib/calendar/range";
import { MAX_DURATION_MINUTES } from "@/lib/calendar/schemas";
import { db as defaultDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { DbClient } from "@/lib/prisma-client";
import { isEmptyWhere } from "@/lib/prisma-where";

// An appointment without an end lasts an hour.
export const DEFAULT_APPOINTMENT_MS = 60 * 60 * 1000;
// A month for a dozen reps stays far below; past it the page says some are missing.
export const CALENDAR_ROW_LIMIT = 2000;

export type CalendarUserOption = { id: string; name: string };

export type CalendarAudience = {
  // Managers and admins choose whose appointments to show; a sales rep sees his own.
  canPickUsers: boolean;
  options: CalendarUserOption[];
  selectedIds: string[];
};

export type CalendarAppointment = {
  id: string;
  subject: string;
  start: Date;
  end: Date;
  done: boolean;
  type: { id: string; name: string; color: string };
  prospect: { id: string; name: string };
  assignee: { id: string; name: string } | null;
};

export type AppointmentTypeOption = { id: string; name: string; color: string };

// The calendar belongs to the internal team; partners plan on their prospects' « Actions » tab.
export function canUseCalendar(actor: Actor): boolean {
  return can(actor.role, "action:manage:any");
}

export function canPickCalendarUsers(actor: Actor): boolean {
  return canUseCalendar(actor) && can(actor.role, "objective:manage");
}

// Whose appointments the actor may see, from the users asked for in the URL: unknown or
// out-of-reach ids are dropped, and an empty choice means « mine ».
export async function resolveCalendarUsers(
  actor: Actor,
  requestedIds: readonly string[],
  db: DbClient = defaultDb,
): Promise<CalendarAudience> {
  if (!canUseCalendar(actor)) throw new AppError("NOT_FOUND");
  if (!canPickCalendarUsers(actor)) {
    return { canPickUsers: false, options: [{ id: actor.id, name: actor.name }], selectedIds: [actor.id] };
  }
  const options = await db.user.findMany({
    where: { active: true, role: { in: ["SALES", "MANAGER", "ADMIN"] } },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: { id: true, name: true },
  });
  const wanted = new Set(requestedIds);
  const selectedIds = options.filter((o) => wanted.has(o.id)).map((o) => o.id);
  return { canPickUsers: true, options, selectedIds: selectedIds.length > 0 ? selectedIds : [actor.id] };
}

// Placed by its start (the due time when it has none); ends at its end, or an hour later.
// Overlap with [start, end): begins before the end and finishes after the start.
// Bounded on both ends: nothing lasts longer than MAX_DURATION_MINUTES (the appointment form's
// limit, kept by a move), so nothing starting earlier than that before the range can overlap it,
// and the (assigneeId, startAt) index reads only the range instead of every past appointment.
export function appointmentOverlapWhere(start: Date, end: Date): Prisma.ActionWhereInput {
  const lastDefaultStart = new Date(start.getTime() - DEFAULT_APPOINTMENT_MS);
  const earliestStart = new Date(start.getTime() - MAX_DURATION_MINUTES * 60_000);
  return {
    OR: [
      {
        startAt: { not: null, lt: end, gte: earliestStart },
        OR: [{ endAt: { gt: start } }, { endAt: null, startAt: { gt: lastDefaultStart } }],
      },
      {
        startAt: null,
        dueAt: { not: null, lt: end, gte: earliestStart },
        OR: [{ endAt: { gt: start } }, { endAt: null, dueAt: { gt: lastDefaultStart } }],
      },
    ],
  };
}

const appointmentSelect = {
  id: true,
  subject: true,
  startAt: true,
  endAt: true,
  dueAt: true,
  done: true,
  type: { select: { id: true, name: true, color: true } },
  prospect: { select: { id: true, name: true } },
  assignee: { select: { id: true, name: true } },
} satisfies Prisma.ActionSelect;

type AppointmentRow = Prisma.ActionGetPayload<{ select: typeof appointmentSelect }>;

export function toCalendarAppointment(row: AppointmentRow): CalendarAppointment | null {
  const start = row.startAt ?? row.dueAt;
  if (!start) return null;
  const end = row.endAt && row.endAt > start ? row.endAt : new Date(start.getTime() + DEFAULT_APPOINTMENT_MS);
  return {
    id: row.id,
    subject: row.subject,
    start,
    end,
    done: row.done,
    type: row.type,
    prospect: row.prospect,
    assignee: row.assignee,
  };
}

// Appointments of the given users overlapping [start, end), earliest first. `scope` is the
// reader's prospect scope (the feed reads as its owner).
export async function findAppointmentsInRange(
  db: DbClient,
  options: { userIds: readonly string[]; start: Date; end: Date; scope: Prisma.ProspectWhereInput; limit?: number },
): Promise<CalendarAppointment[]> {
  if (options.userIds.length === 0) return [];
  const rows = await db.action.findMany({
    where: {
      AND: [
        { type: { isAppointment: true } },
        { assigneeId: { in: [...options.userIds] } },
        isEmptyWhere(options.scope) ? {} : { prospect: options.scope },
        appointmentOverlapWhere(options.start, options.end),
      ],
    },
    orderBy: [{ startAt: { sort: "asc", nulls: "last" } }, { dueAt: "asc" }, { id: "asc" }],
    take: options.limit ?? CALENDAR_ROW_LIMIT,
    select: appointmentSelect,
  });
  return rows
    .map(toCalendarAppointment)
    .filter((a): a is CalendarAppointment => a !== null)
    .sort((a, b) => a.start.getTime() - b.start.getTime() || a.id.localeCompare(b.id));
}

// The types « Nouveau rendez-vous » offers and the legend lists.
export async function listAppointmentTypes(db: DbClient = defaultDb): Promise<AppointmentTypeOption[]> {
  return db.actionType.findMany({
    where: { active: true, isAppointment: true },
    orderBy: [{ position: "asc" }, { name: "asc" }],
    select: { id: true, name: true, color: true },
  });
}

export type CalendarData = {
  range: CalendarRange;
  audience: CalendarAudience;
  appointments: CalendarAppointment[];
  // Offered types, plus retired ones still on screen, so every colour shown is explained.
  legend: AppointmentTypeOption[];
  types: AppointmentTypeOption[];
  truncated: boolean;
};

// Everything /calendrier shows for a view, an anchor day and the users asked for.
export async function getCalendar(
  actor: Actor,
  params: { view: CalendarView; anchor: string; userIds: readonly string[] },
  db: DbClient = defaultDb,
): Promise<CalendarData> {
  const audience = await resolveCalendarUsers(actor, params.userIds, db);
  const range = calendarRange(params.view, params.anchor);
  const [appointments, types] = await Promise.all([
    findAppointmentsInRange(db, {
      userIds: audience.selectedIds,
      start: range.start,
      end: range.end,
      scope: prospectScope(actor),
    }),
    listAppointmentTypes(db),
  ]);
  const legend = [...types];
  for (const appointment of appointments) {
    if (!legend.some((t) => t.id === appointment.type.id)) legend.push(appointment.type);
  }
  return { range, audience, appointments, legend, types, truncated: appointments.length >= CALENDAR_ROW_LIMIT };
}
