// The calendar's reads and writes on a real PostgreSQL: range queries across both clock
// changes of 2026, who sees whose appointments, and creating and moving an appointment.
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { createAppointment } from "@/lib/calendar/create-appointment";
import { layoutAppointments } from "@/lib/calendar/layout";
import { moveAppointment } from "@/lib/calendar/move-appointment";
import { getCalendar, resolveCalendarUsers } from "@/lib/calendar/queries";
import { createAppointmentSchema, moveAppointmentSchema } from "@/lib/calendar/schemas";
import { AppError } from "@/lib/errors";
import {
  createAction,
  createPartner,
  createProspect,
  createUser,
  ensureReferenceData,
  type ReferenceData,
} from "@/tests/factories";
import { getTestDb } from "@/tests/setup/db";

const db = getTestDb();
const passwordHash = "$argon2id$v=19$m=19456,t=2,p=1$dGVzdHNhbHQ$dGVzdGhhc2g";

type UserRow = { id: string; email: string; name: string; role: Actor["role"]; partnerId: string | null };
const toActor = (u: UserRow): Actor => ({ id: u.id, email: u.email, name: u.name, role: u.role, partnerId: u.partnerId });

let ref: ReferenceData;
let meetingType: { id: string; name: string };
let videoType: { id: string; name: string };
let callType: { id: string };
let sales: Actor;
let otherSales: Actor;
let manager: Actor;
let partner: Actor;
let inactiveSales: Actor;
let prospect: { id: string; name: string };

const at = (iso: string) => new Date(iso);

async function appointment(
  assignee: Actor,
  startAt: string,
  options: { endAt?: string; subject?: string; typeId?: string; dueOnly?: boolean } = {},
) {
  const start = at(startAt);
  return createAction(db, {
    prospectId: prospect.id,
    typeId: options.typeId ?? meetingType.id,
    subject: options.subject ?? `RDV ${startAt}`,
    dueAt: start,
    startAt: options.dueOnly ? null : start,
    endAt: options.endAt ? at(options.endAt) : null,
    assigneeId: assignee.id,
    createdById: assignee.id,
  });
}

beforeAll(async () => {
  ref = await ensureReferenceData(db);
  meetingType = ref.actionTypes.find((t) => t.name === "Rendez-vous")!;
  videoType = ref.actionTypes.find((t) => t.name === "Visioconférence")!;
  callType = ref.actionTypes.find((t) => t.category === "CALL")!;
  const org = await createPartner(db);
  sales = toActor(await createUser(db, { role: "SALES", name: "Alice Vendeuse", passwordHash }));
  otherSales = toActor(await createUser(db, { role: "SALES", name: "Bruno Vendeur", passwordHash }));
  manager = toActor(await createUser(db, { role: "MANAGER", name: "Claire Manager", passwordHash }));
  partner = toActor(await createUser(db, { role: "PARTNER", partnerId: org.id, passwordHash }));
  inactiveSales = toActor(await createUser(db, { role: "SALES", name: "Ancien Vendeur", active: false, passwordHash }));
  prospect = await createProspect(db, { partnerId: org.id, name: "Boulangerie du Pont" });
});

describe("range queries across the clock changes", () => {
  it("puts 01:30 UTC on 29 March 2026 on that Paris day and keeps neighbours out", async () => {
    const inside = await appointment(sales, "2026-03-29T01:30:00Z", { subject: "Pendant le saut" });
    const lastOfDay = await appointment(sales, "2026-03-29T21:00:00Z", { endAt: "2026-03-29T21:45:00Z", subject: "23:00 le 29" });
    // 22:00 → 22:59 Paris on the 28th, and midnight of the 30th (22:00 UTC, summer time).
    await appointment(sales, "2026-03-28T20:00:00Z", { endAt: "2026-03-28T22:59:00Z", subject: "Veille" });
    await appointment(sales, "2026-03-29T22:00:00Z", { subject: "Lendemain minuit" });
    // Not an appointment type: never on the calendar.
    await appointment(sales, "2026-03-29T09:00:00Z", { typeId: callType.id, subject: "Appel" });

    const day = await getCalendar(sales, { view: "jour", anchor: "2026-03-29", userIds: [] }, db);
    expect(day.range.end.getTime() - day.range.start.getTime()).toBe(23 * 3_600_000);
    expect(day.appointments.map((a) => a.id)).toEqual([inside.id, lastOfDay.id]);
    const laidOut = layoutAppointments(day.appointments, day.range.days, { showAssignee: false });
    expect(laidOut["2026-03-29"]!.map((i) => [i.subject, i.startTime, i.endTime, i.bucket])).toEqual([
      ["Pendant le saut", "03:30", "04:30", "before"],
      ["23:00 le 29", "23:00", "23:45", "after"],
    ]);

    const dayBefore = await getCalendar(sales, { view: "jour", anchor: "2026-03-28", userIds: [] }, db);
    expect(dayBefore.appointments.map((a) => a.subject)).toEqual(["Veille"]);
    const dayAfter = await getCalendar(sales, { view: "jour", anchor: "2026-03-30", userIds: [] }, db);
    expect(dayAfter.appointments.map((a) => a.subject)).toEqual(["Lendemain minuit"]);
    expect(layoutAppointments(dayAfter.appointments, dayAfter.range.days, { showAssignee: false })["2026-03-30"]![0]!.startTime).toBe("00:00");
  });

  it("puts 01:30 UTC on 25 October 2026 (02:30 winter time) on that Paris day, in a 25-hour day", async () => {
    const inside = await appointment(sales, "2026-10-25T01:30:00Z", { subject: "Deuxième 02:30" });
    // 23:59 Paris on the 24th is 21:59 UTC (summer time); midnight of the 26th is 23:00 UTC (winter time).
    await appointment(sales, "2026-10-24T21:00:00Z", { endAt: "2026-10-24T21:59:00Z", subject: "Veille octobre" });
    const late = await appointment(sales, "2026-10-25T22:00:00Z", { endAt: "2026-10-25T22:30:00Z", subject: "23:00 le 25" });
    await appointment(sales, "2026-10-25T23:00:00Z", { subject: "Minuit le 26" });

    const day = await getCalendar(sales, { view: "jour", anchor: "2026-10-25", userIds: [] }, db);
    expect(day.range.end.getTime() - day.range.start.getTime()).toBe(25 * 3_600_000);
    expect(day.appointments.map((a) => a.id)).toEqual([inside.id, late.id]);
    const items = layoutAppointments(day.appointments, day.range.days, { showAssignee: false })["2026-10-25"]!;
    expect(items.map((i) => i.startTime)).toEqual(["02:30", "23:00"]);

    // The week (19–25 October) holds the same two; the next week starts with the 26th's midnight.
    const week = await getCalendar(sales, { view: "semaine", anchor: "2026-10-21", userIds: [] }, db);
    expect(week.appointments.map((a) => a.subject)).toEqual(["Veille octobre", "Deuxième 02:30", "23:00 le 25"]);
    const next = await getCalendar(sales, { view: "semaine", anchor: "2026-10-26", userIds: [] }, db);
    expect(next.appointments.map((a) => a.subject)).toEqual(["Minuit le 26"]);
  });

  it("places by the due time when there is no start, and counts overlap with a default hour", async () => {
    const dueOnly = await appointment(sales, "2026-05-12T08:00:00Z", { dueOnly: true, subject: "Sans début" });
    // Started at 23:30 the day before: its default hour runs into the 13th.
    const overnight = await appointment(sales, "2026-05-12T21:30:00Z", { subject: "Tard le 12" });
    const may13 = await getCalendar(sales, { view: "jour", anchor: "2026-05-13", userIds: [] }, db);
    expect(may13.appointments.map((a) => a.id)).toEqual([overnight.id]);
    const items = layoutAppointments(may13.appointments, may13.range.days, { showAssignee: false })["2026-05-13"]!;
    expect(items[0]).toMatchObject({ day: "2026-05-13", bucket: "before", startTime: "23:30" });
    const may12 = await getCalendar(sales, { view: "jour", anchor: "2026-05-12", userIds: [] }, db);
    expect(may12.appointments.map((a) => a.id)).toEqual([dueOnly.id, overnight.id]);
    expect(may12.appointments[0]!.end.toISOString()).toBe("2026-05-12T09:00:00.000Z");
  });

  it("returns the type's colour, the prospect and the legend; the month view covers whole weeks", async () => {
    await appointment(sales, "2026-03-02T09:00:00Z", { typeId: videoType.id, subject: "Visio de mars" });
    const month = await getCalendar(sales, { view: "mois", anchor: "2026-03-15", userIds: [] }, db);
    expect(month.range.days[0]).toBe("2026-02-23");
    const visio = month.appointments.find((a) => a.subject === "Visio de mars")!;
    expect(visio.type).toMatchObject({ name: "Visioconférence", color: "#7c3aed" });
    expect(visio.prospect.name).toBe("Boulangerie du Pont");
    expect(month.legend.map((t) => t.name)).toEqual(["Rendez-vous", "Visioconférence"]);
    expect(month.types.map((t) => t.id)).not.toContain(callType.id);
    expect(month.appointments.map((a) => a.subject)).toContain("Pendant le saut");
  });
});

describe("whose appointments", () => {
  it("shows a sales rep only his own, whatever the URL asks", async () => {
    const mine = await appointment(sales, "2026-06-10T08:00:00Z", { subject: "Le mien" });
    await appointment(otherSales, "2026-06-10T09:00:00Z", { subject: "Celui de Bruno" });
    const audience = await resolveCalendarUsers(sales, [otherSales.id, manager.id], db);
    expect(audience).toEqual({ canPickUsers: false, options: [{ id: sales.id, name: sales.name }], selectedIds: [sales.id] });
    const view = await getCalendar(sales, { view: "jour", anchor: "2026-06-10", userIds: [otherSales.id] }, db);
    expect(view.appointments.map((a) => a.id)).toEqual([mine.id]);
  });

  it("lets a manager pick internal users, himself by default, never partners or inactive users", async () => {
    const byDefault = await resolveCalendarUsers(manager, [], db);
    expect(byDefault.canPickUsers).toBe(true);
    expect(byDefault.selectedIds).toEqual([manager.id]);
    const names = byDefault.options.map((o) => o.name);
    expect(names).toEqual(["Alice Vendeuse", "Bruno Vendeur", "Claire Manager"]);
    expect(byDefault.options.map((o) => o.id)).not.toContain(partner.id);
    expect(byDefault.options.map((o) => o.id)).not.toContain(inactiveSales.id);

    const picked = await resolveCalendarUsers(manager, [otherSales.id, partner.id, "inconnu", sales.id], db);
    expect(picked.selectedIds).toEqual([sales.id, otherSales.id]);
    const view = await getCalendar(manager, { view: "jour", anchor: "2026-06-10", userIds: [sales.id, otherSales.id] }, db);
    expect(view.appointments.map((a) => a.subject)).toEqual(["Le mien", "Celui de Bruno"]);
    expect(view.appointments.map((a) => a.assignee?.name)).toEqual(["Alice Vendeuse", "Bruno Vendeur"]);
    // Only unknown ids: back to his own calendar, which is empty that day.
    const fallback = await getCalendar(manager, { view: "jour", anchor: "2026-06-10", userIds: [partner.id] }, db);
    expect(fallback.audience.selectedIds).toEqual([manager.id]);
    expect(fallback.appointments).toEqual([]);
  });

  it("refuses partners with a not-found", async () => {
    await expect(resolveCalendarUsers(partner, [], db)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getCalendar(partner, { view: "mois", anchor: "2026-06-10", userIds: [] }, db)).rejects.toBeInstanceOf(AppError);
  });
});

describe("creating and moving", () => {
  const createInput = (values: Record<string, string> = {}) =>
    createAppointmentSchema.parse({
      typeId: meetingType.id,
      prospectId: prospect.id,
      subject: "Présentation de l'offre",
      startAt: "2026-03-28T10:30",
      durationMinutes: "90",
      notes: "Apporter la plaquette",
      ...values,
    });

  it("creates an appointment in UTC for the actor, with its audit event", async () => {
    const created = await createAppointment(db, sales, createInput());
    const row = await db.action.findUniqueOrThrow({ where: { id: created.id } });
    expect(row).toMatchObject({
      typeId: meetingType.id,
      prospectId: prospect.id,
      subject: "Présentation de l'offre",
      notes: "Apporter la plaquette",
      assigneeId: sales.id,
      createdById: sales.id,
      done: false,
    });
    expect(row.startAt?.toISOString()).toBe("2026-03-28T09:30:00.000Z");
    expect(row.dueAt?.toISOString()).toBe("2026-03-28T09:30:00.000Z");
    expect(row.endAt?.toISOString()).toBe("2026-03-28T11:00:00.000Z");
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityType: "Action", entityId: created.id } });
    expect(audit).toMatchObject({ action: "CREATE", prospectId: prospect.id, actorId: sales.id });
    expect(audit.changes).toMatchObject({
      type: "Rendez-vous",
      subject: "Présentation de l'offre",
      startAt: "2026-03-28T09:30:00.000Z",
      endAt: "2026-03-28T11:00:00.000Z",
    });
  });

  it("refuses non-appointment types, unknown prospects and partners", async () => {
    await expect(createAppointment(db, sales, createInput({ typeId: callType.id }))).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { typeId: ["Choisissez un type de rendez-vous."] },
    });
    await expect(createAppointment(db, sales, createInput({ prospectId: "inconnu" }))).rejects.toMatchObject({
      code: "NOT_FOUND",
      fieldErrors: { prospectId: ["Choisissez un prospect de la liste."] },
    });
    await expect(createAppointment(db, partner, createInput())).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("moves across the spring change keeping the duration, and audits the move", async () => {
    const created = await createAppointment(db, sales, createInput({ startAt: "2026-03-28T10:30", durationMinutes: "90" }));
    const pendingReminder = new Date("2026-03-28T09:00:00Z");
    await db.action.update({ where: { id: created.id }, data: { reminderAt: pendingReminder } });
    // Saturday 10:30 winter time → Monday 14:30 summer time.
    const moved = await moveAppointment(db, sales, moveAppointmentSchema.parse({ actionId: created.id, startAt: "2026-03-30T14:30" }));
    expect(moved.startAt.toISOString()).toBe("2026-03-30T12:30:00.000Z");
    expect(moved.endAt.toISOString()).toBe("2026-03-30T14:00:00.000Z");
    const row = await db.action.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.startAt?.toISOString()).toBe("2026-03-30T12:30:00.000Z");
    expect(row.endAt!.getTime() - row.startAt!.getTime()).toBe(90 * 60_000);
    expect(row.dueAt?.toISOString()).toBe("2026-03-30T12:30:00.000Z");
    // The pending reminder keeps its 30 minutes ahead of the start.
    expect(row.reminderAt?.toISOString()).toBe("2026-03-30T12:00:00.000Z");
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityType: "Action", entityId: created.id, action: "UPDATE" } });
    expect(audit).toMatchObject({ actorId: sales.id, prospectId: prospect.id });
    expect(audit.changes).toMatchObject({
      startAt: { from: "2026-03-28T09:30:00.000Z", to: "2026-03-30T12:30:00.000Z" },
      endAt: { from: "2026-03-28T11:00:00.000Z", to: "2026-03-30T14:00:00.000Z" },
    });
  });

  it("gives an appointment without an end its default hour when moved", async () => {
    const legacy = await appointment(sales, "2026-11-23T09:00:00Z", { subject: "Sans fin" });
    const moved = await moveAppointment(db, sales, moveAppointmentSchema.parse({ actionId: legacy.id, startAt: "2026-11-24T16:15" }));
    expect(moved.startAt.toISOString()).toBe("2026-11-24T15:15:00.000Z");
    expect(moved.endAt.toISOString()).toBe("2026-11-24T16:15:00.000Z");
  });

  it("lets a sales rep move only his own appointments, a manager anyone's", async () => {
    const bruno = await appointment(otherSales, "2026-07-01T08:00:00Z", { endAt: "2026-07-01T08:45:00Z", subject: "RDV de Bruno" });
    const input = moveAppointmentSchema.parse({ actionId: bruno.id, startAt: "2026-07-02T09:00" });
    await expect(moveAppointment(db, sales, input)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(moveAppointment(db, partner, input)).rejects.toMatchObject({ code: "NOT_FOUND" });
    const moved = await moveAppointment(db, manager, input);
    expect(moved.endAt.getTime() - moved.startAt.getTime()).toBe(45 * 60_000);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: bruno.id, action: "UPDATE" } });
    expect(audit.actorId).toBe(manager.id);
    // A call is not an appointment: the calendar cannot move it.
    const call = await appointment(sales, "2026-07-01T10:00:00Z", { typeId: callType.id });
    await expect(moveAppointment(db, sales, moveAppointmentSchema.parse({ actionId: call.id, startAt: "2026-07-02T09:00" }))).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});
