// Calendar colours must differ for every pair of active appointment types: CIEDE2000 checked
// against published reference pairs, then the clash and suggestion rules.
import { describe, expect, it } from "vitest";
import { closestClash, deltaE2000, hexToLab, MIN_APPOINTMENT_DELTA_E, suggestDistinctColor } from "@/lib/calendar/color-distance";
import { ACTION_TYPES } from "@/tests/factories/reference-data";

describe("deltaE2000", () => {
  it("is 0 for one colour, symmetric, and large for opposite ones", () => {
    expect(deltaE2000("#16a34a", "#16A34A")).toBeCloseTo(0, 6);
    expect(deltaE2000("#16a34a", "#2563eb")).toBeCloseTo(deltaE2000("#2563eb", "#16a34a"), 6);
    expect(deltaE2000("#000000", "#ffffff")).toBeCloseTo(100, 0);
  });

  it("maps sRGB to CIELAB as references do", () => {
    const red = hexToLab("#ff0000");
    expect(red.l).toBeCloseTo(53.24, 1);
    expect(red.a).toBeCloseTo(80.09, 1);
    expect(red.b).toBeCloseTo(67.2, 1);
  });

  it("finds the issue's two greens too close and a green and a violet far apart", () => {
    expect(deltaE2000("#16a34a", "#0d9488")).toBeLessThan(MIN_APPOINTMENT_DELTA_E);
    expect(deltaE2000("#16a34a", "#9333ea")).toBeGreaterThan(MIN_APPOINTMENT_DELTA_E);
  });
});

describe("colour clashes", () => {
  it("names the closest too-close type and suggests a colour far from all of them", () => {
    const others = [
      { name: "Rendez-vous", color: "#16a34a" },
      { name: "Appel", color: "#2563eb" },
    ];
    expect(closestClash("#0d9488", others)).toMatchObject({ name: "Rendez-vous" });
    expect(closestClash("#dc2626", others)).toBeNull();
    const suggestion = suggestDistinctColor(others);
    expect(closestClash(suggestion, others)).toBeNull();
  });

  it("keeps the demo data's appointment types distinct", () => {
    const appointments = ACTION_TYPES.filter((t) => t.isAppointment);
    for (const [i, a] of appointments.entries()) {
      for (const b of appointments.slice(i + 1)) expect(deltaE2000(a.color, b.color), `${a.name} / ${b.name}`).toBeGreaterThanOrEqual(MIN_APPOINTMENT_DELTA_E);
    }
  });
});
