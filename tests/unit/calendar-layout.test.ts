import { describe, expect, it } from "vitest";
import { dropTarget, hiddenKey, keepShownItems, layoutAppointments, type LayoutInput } from "@/lib/calendar/layout";
import { calendarRange } from "@/lib/calendar/range";

const appointment = (id: string, start: string, end: string, extra: Partial<LayoutInput> = {}): LayoutInput => ({
  id,
  subject: `Objet ${id}`,
  start: new Date(start),
  end: new Date(end),
  done: false,
  type: { name: "Rendez-vous", color: "#16a34a" },
  prospect: { name: "Boulangerie du Pont" },
  assignee: { name: "Julie Petit" },
  ...extra,
});

describe("layoutAppointments", () => {
  it("puts each appointment on its Paris day and hour row, earlier and later ones apart", () => {
    const week = calendarRange("semaine", "2026-03-26");
    const byDay = layoutAppointments(
      [
        appointment("a", "2026-03-29T01:30:00Z", "2026-03-29T02:30:00Z"), // 03:30 summer time
        appointment("b", "2026-03-27T09:15:00Z", "2026-03-27T10:00:00Z"), // 10:15 winter time
        appointment("c", "2026-03-27T20:00:00Z", "2026-03-27T21:00:00Z"), // 21:00
        appointment("d", "2026-03-22T22:30:00Z", "2026-03-23T00:30:00Z"), // Sunday 23:30, before the week
      ],
      week.days,
      { showAssignee: false },
    );
    expect(byDay["2026-03-29"]!.map((i) => [i.id, i.bucket, i.startTime, i.endTime])).toEqual([["a", "before", "03:30", "04:30"]]);
    expect(byDay["2026-03-27"]!.map((i) => [i.id, i.bucket, i.startLocal])).toEqual([
      ["b", 10, "2026-03-27T10:15"],
      ["c", "after", "2026-03-27T21:00"],
    ]);
    // Began before the first day shown: listed at the top of that day.
    expect(byDay["2026-03-23"]!.map((i) => [i.id, i.bucket, i.durationMinutes])).toEqual([["d", "before", 120]]);
  });

  it("names each appointment fully for assistive technologies", () => {
    const [item] = layoutAppointments(
      [appointment("a", "2026-11-23T09:00:00Z", "2026-11-23T10:30:00Z", { done: true })],
      ["2026-11-23"],
      { showAssignee: true },
    )["2026-11-23"]!;
    expect(item!.accessibleName).toBe(
      "Rendez-vous : Objet a, Boulangerie du Pont, lundi 23 novembre 2026 de 10:00 à 11:30, fait, Julie Petit",
    );
    const [overnight] = layoutAppointments([appointment("b", "2026-11-23T22:00:00Z", "2026-11-24T00:00:00Z")], ["2026-11-23"], {
      showAssignee: false,
    })["2026-11-23"]!;
    expect(overnight!.accessibleName).toBe(
      "Rendez-vous : Objet b, Boulangerie du Pont, lundi 23 novembre 2026 de 23:00 à mardi 24 novembre 2026 01:00",
    );
    expect(overnight!.assigneeName).toBeNull();
  });
});

describe("keepShownItems", () => {
  // Five appointments at 10:xx and one at 14:00 on Friday 27 March 2026 (Paris, winter time).
  const busy = [
    ...["10:00", "10:10", "10:20", "10:30", "10:40"].map((t, i) => appointment(`m${i}`, `2026-03-27T${String(Number(t.slice(0, 2)) - 1).padStart(2, "0")}:${t.slice(3)}:00Z`, "2026-03-27T11:00:00Z")),
    appointment("p", "2026-03-27T13:00:00Z", "2026-03-27T14:00:00Z"),
  ];

  it("sends three appointments per hour row of the week, counting the rest for « +N autres »", () => {
    const week = calendarRange("semaine", "2026-03-26");
    const { itemsByDay, hidden } = keepShownItems(layoutAppointments(busy, week.days, { showAssignee: false }), "semaine");
    expect(itemsByDay["2026-03-27"]!.map((i) => i.id)).toEqual(["m0", "m1", "m2", "p"]);
    expect(hidden).toEqual({ [hiddenKey("2026-03-27", 10)]: 2 });
  });

  it("sends three per day of the month, and everything in the day view", () => {
    const month = calendarRange("mois", "2026-03-26");
    const byMonth = keepShownItems(layoutAppointments(busy, month.days, { showAssignee: false }), "mois");
    expect(byMonth.itemsByDay["2026-03-27"]!.map((i) => i.id)).toEqual(["m0", "m1", "m2"]);
    expect(byMonth.hidden).toEqual({ [hiddenKey("2026-03-27")]: 3 });
    const day = calendarRange("jour", "2026-03-27");
    const byDay = keepShownItems(layoutAppointments(busy, day.days, { showAssignee: false }), "jour");
    expect(byDay.itemsByDay["2026-03-27"]).toHaveLength(6);
    expect(byDay.hidden).toEqual({});
  });
});

describe("dropTarget", () => {
  it("keeps the time of day on a day, and the minutes on an hour row", () => {
    expect(dropTarget("2026-11-23T10:45", "2026-11-27")).toBe("2026-11-27T10:45");
    expect(dropTarget("2026-11-23T10:45", "2026-11-25", 8)).toBe("2026-11-25T08:45");
    expect(dropTarget("2026-11-23T10:00", "2026-03-29", 14)).toBe("2026-03-29T14:00");
  });
});
