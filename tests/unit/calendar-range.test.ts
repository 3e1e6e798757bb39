import { describe, expect, it } from "vitest";
import {
  addMonths,
  calendarRange,
  parisTimeOf,
  shiftAnchor,
  startOfWeek,
  weekdayIndex,
} from "@/lib/calendar/range";
import { isCalendarDay, parisDayOf, parisDayStart } from "@/lib/dates";
import { formatLongDay, formatPeriodTitle, moreLabel, slotLabel } from "@/lib/calendar/labels";
import { appointmentColors, contrastRatio, readableTextColor, safeColor } from "@/lib/calendar/colors";
import { createAppointmentSchema, moveAppointmentSchema, parseCalendarParams } from "@/lib/calendar/schemas";

const HOUR = 3_600_000;
const iso = (d: Date) => d.toISOString();

describe("calendar days", () => {
  it("recognises real days only", () => {
    expect(isCalendarDay("2026-11-23")).toBe(true);
    expect(isCalendarDay("2026-02-29")).toBe(false);
    expect(isCalendarDay("2028-02-29")).toBe(true);
    expect(isCalendarDay("2026-13-01")).toBe(false);
    expect(isCalendarDay("23/11/2026")).toBe(false);
    expect(isCalendarDay(undefined)).toBe(false);
  });

  it("starts weeks on Monday", () => {
    expect(weekdayIndex("2026-11-23")).toBe(0); // lundi
    expect(weekdayIndex("2026-11-29")).toBe(6); // dimanche
    expect(startOfWeek("2026-11-29")).toBe("2026-11-23");
    expect(startOfWeek("2026-11-23")).toBe("2026-11-23");
    expect(startOfWeek("2027-01-01")).toBe("2026-12-28");
  });

  it("clamps month arithmetic to the month's length", () => {
    expect(addMonths("2026-03-31", -1)).toBe("2026-02-28");
    expect(addMonths("2026-01-31", 1)).toBe("2026-02-28");
    expect(addMonths("2026-12-15", 1)).toBe("2027-01-15");
    expect(addMonths("2026-01-15", -1)).toBe("2025-12-15");
  });
});

describe("calendarRange", () => {
  it("covers one ordinary day in winter (UTC+1) and summer (UTC+2)", () => {
    const winter = calendarRange("jour", "2026-11-23");
    expect(winter.days).toEqual(["2026-11-23"]);
    expect(iso(winter.start)).toBe("2026-11-22T23:00:00.000Z");
    expect(iso(winter.end)).toBe("2026-11-23T23:00:00.000Z");
    const summer = calendarRange("jour", "2026-07-14");
    expect(iso(summer.start)).toBe("2026-07-13T22:00:00.000Z");
    expect(iso(summer.end)).toBe("2026-07-14T22:00:00.000Z");
  });

  it("gives 29 March 2026 23 hours and 25 October 2026 25 hours", () => {
    const spring = calendarRange("jour", "2026-03-29");
    expect(iso(spring.start)).toBe("2026-03-28T23:00:00.000Z");
    expect(iso(spring.end)).toBe("2026-03-29T22:00:00.000Z");
    expect(spring.end.getTime() - spring.start.getTime()).toBe(23 * HOUR);
    const autumn = calendarRange("jour", "2026-10-25");
    expect(iso(autumn.start)).toBe("2026-10-24T22:00:00.000Z");
    expect(iso(autumn.end)).toBe("2026-10-25T23:00:00.000Z");
    expect(autumn.end.getTime() - autumn.start.getTime()).toBe(25 * HOUR);
  });

  it("bounds the week of the spring change (Monday 23 to Sunday 29 March 2026)", () => {
    const week = calendarRange("semaine", "2026-03-26");
    expect(week.days).toEqual([
      "2026-03-23",
      "2026-03-24",
      "2026-03-25",
      "2026-03-26",
      "2026-03-27",
      "2026-03-28",
      "2026-03-29",
    ]);
    expect(iso(week.start)).toBe("2026-03-22T23:00:00.000Z");
    expect(iso(week.end)).toBe("2026-03-29T22:00:00.000Z");
    expect(week.end.getTime() - week.start.getTime()).toBe(167 * HOUR);
  });

  it("bounds the week of the autumn change (Monday 19 to Sunday 25 October 2026)", () => {
    const week = calendarRange("semaine", "2026-10-25");
    expect(week.days[0]).toBe("2026-10-19");
    expect(week.days[6]).toBe("2026-10-25");
    expect(iso(week.start)).toBe("2026-10-18T22:00:00.000Z");
    expect(iso(week.end)).toBe("2026-10-25T23:00:00.000Z");
    expect(week.end.getTime() - week.start.getTime()).toBe(169 * HOUR);
    // The next week starts exactly where this one ends: no gap, no overlap.
    expect(iso(calendarRange("semaine", shiftAnchor("semaine", "2026-10-25", 1)).start)).toBe(iso(week.end));
  });

  it("shows whole weeks around a month, across its clock change", () => {
    // March 2026: Sunday 1st to Tuesday 31st → Monday 23 February to Sunday 5 April.
    const march = calendarRange("mois", "2026-03-15");
    expect(march.days[0]).toBe("2026-02-23");
    expect(march.days.at(-1)).toBe("2026-04-05");
    expect(march.days).toHaveLength(42);
    expect(iso(march.start)).toBe("2026-02-22T23:00:00.000Z");
    expect(iso(march.end)).toBe("2026-04-05T22:00:00.000Z");
    // October 2026: Thursday 1st to Saturday 31st → 28 September to 1 November.
    const october = calendarRange("mois", "2026-10-01");
    expect(october.days[0]).toBe("2026-09-28");
    expect(october.days.at(-1)).toBe("2026-11-01");
    expect(october.days).toHaveLength(35);
    expect(iso(october.start)).toBe("2026-09-27T22:00:00.000Z");
    expect(iso(october.end)).toBe("2026-11-01T23:00:00.000Z");
    // A month that starts on Monday and ends on Sunday needs no neighbours (February 2027).
    const february = calendarRange("mois", "2027-02-10");
    expect(february.days[0]).toBe("2027-02-01");
    expect(february.days.at(-1)).toBe("2027-02-28");
  });

  it("refuses a malformed anchor", () => {
    expect(() => calendarRange("jour", "2026-02-30")).toThrow(RangeError);
  });
});

describe("navigation and Paris days", () => {
  it("moves by a day, a week or a month", () => {
    expect(shiftAnchor("jour", "2026-03-29", 1)).toBe("2026-03-30");
    expect(shiftAnchor("jour", "2026-03-01", -1)).toBe("2026-02-28");
    expect(shiftAnchor("semaine", "2026-10-25", -1)).toBe("2026-10-18");
    expect(shiftAnchor("mois", "2026-03-31", -1)).toBe("2026-02-28");
    expect(shiftAnchor("mois", "2026-12-05", 1)).toBe("2027-01-05");
  });

  it("reads the Paris day and time of an instant, around both changes", () => {
    expect(parisDayOf(new Date("2026-03-29T01:30:00Z"))).toBe("2026-03-29");
    expect(parisTimeOf(new Date("2026-03-29T01:30:00Z"))).toBe("03:30");
    expect(parisDayOf(new Date("2026-10-25T01:30:00Z"))).toBe("2026-10-25");
    expect(parisTimeOf(new Date("2026-10-25T01:30:00Z"))).toBe("02:30");
    expect(parisDayOf(new Date("2026-11-22T23:30:00Z"))).toBe("2026-11-23");
    expect(parisDayOf(new Date("2026-06-30T22:30:00Z"))).toBe("2026-07-01");
    expect(iso(parisDayStart("2026-03-30"))).toBe("2026-03-29T22:00:00.000Z");
  });
});

describe("labels", () => {
  it("words days, periods, slots and overflow in French", () => {
    expect(formatLongDay("2026-11-23")).toBe("lundi 23 novembre 2026");
    expect(slotLabel("2026-11-23", "10:00")).toBe("Nouveau rendez-vous le lundi 23 novembre 2026 à 10:00");
    expect(formatPeriodTitle(calendarRange("mois", "2026-11-23"))).toBe("Novembre 2026");
    expect(formatPeriodTitle(calendarRange("jour", "2026-11-23"))).toBe("Lundi 23 novembre 2026");
    expect(formatPeriodTitle(calendarRange("semaine", "2026-11-23"))).toBe("Semaine du 23 au 29 novembre 2026");
    expect(formatPeriodTitle(calendarRange("semaine", "2026-12-01"))).toBe("Semaine du 30 novembre au 6 décembre 2026");
    expect(formatPeriodTitle(calendarRange("semaine", "2026-12-31"))).toBe("Semaine du 28 décembre 2026 au 3 janvier 2027");
    expect(moreLabel(1)).toBe("+1 autre");
    expect(moreLabel(4)).toBe("+4 autres");
  });
});

describe("appointment colours", () => {
  it("keeps at least 4.5:1 contrast whatever the type's colour", () => {
    for (const color of ["#16a34a", "#2563eb", "#0d9488", "#ffff00", "#000000", "#ffffff", "#777777", "#5c5c5c", "#ea580c"]) {
      const text = readableTextColor(color);
      expect(contrastRatio(color, text), color).toBeGreaterThanOrEqual(4.5);
    }
    expect(readableTextColor("#1e3a8a")).toBe("#ffffff");
    expect(readableTextColor("#fde047")).toBe("#000000");
  });

  it("paints background and border in the type's colour and survives bad data", () => {
    expect(appointmentColors("#16A34A")).toEqual({ backgroundColor: "#16a34a", borderColor: "#16a34a", color: "#000000" });
    expect(safeColor("red; background:url(x)")).toBe("#64748b");
  });
});

describe("calendar schemas", () => {
  it("reads the URL state and falls back on bad values", () => {
    expect(parseCalendarParams({ vue: "mois", date: "2026-03-29", utilisateurs: "a1,b2" })).toEqual({
      view: "mois",
      date: "2026-03-29",
      userIds: ["a1", "b2"],
    });
    expect(parseCalendarParams({ vue: "annee", date: "2026-02-30", utilisateurs: ["a1", "a1", "<script>"] })).toEqual({
      view: "semaine",
      date: null,
      userIds: ["a1"],
    });
  });

  it("validates « Nouveau rendez-vous » in French and defaults nothing silently", () => {
    const ok = createAppointmentSchema.parse({
      typeId: "t",
      prospectId: "p",
      subject: " Découverte ",
      startAt: "2026-11-23T10:00",
      durationMinutes: "90",
    });
    expect(ok).toEqual({ typeId: "t", prospectId: "p", subject: "Découverte", startAt: "2026-11-23T10:00", durationMinutes: 90, notes: "" });
    const bad = createAppointmentSchema.safeParse({
      typeId: "",
      prospectId: "",
      subject: "",
      startAt: "2026-02-30T10:00",
      durationMinutes: "1,5",
    });
    expect(bad.success).toBe(false);
    const messages = Object.fromEntries(bad.error!.issues.map((i) => [i.path[0], i.message]));
    expect(messages).toEqual({
      typeId: "Choisissez un type de rendez-vous.",
      prospectId: "Choisissez le prospect concerné.",
      subject: "L'objet est obligatoire.",
      startAt: "Date ou heure invalide.",
      durationMinutes: "La durée est un nombre entier de minutes.",
    });
    const tooLong = createAppointmentSchema.safeParse({ typeId: "t", prospectId: "p", subject: "x", startAt: "2026-11-23T10:00", durationMinutes: "1441" });
    expect(tooLong.error?.issues[0]?.message).toBe("La durée ne peut pas dépasser 24 heures (1440 minutes).");
    expect(moveAppointmentSchema.safeParse({ actionId: "a", startAt: "" }).error?.issues[0]?.message).toBe(
      "Indiquez la nouvelle date et heure de début.",
    );
  });
});
