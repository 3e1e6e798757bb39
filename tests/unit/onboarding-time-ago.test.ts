import { describe, expect, it } from "vitest";
import { formatTimeAgo } from "@/lib/onboarding/time-ago";

const now = new Date("2026-11-22T12:00:00Z");
const ago = (ms: number) => new Date(now.getTime() - ms);
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

describe("formatTimeAgo", () => {
  it.each([
    [0, "à l'instant"],
    [59_000, "à l'instant"],
    [MIN, "il y a 1 min"],
    [59 * MIN, "il y a 59 min"],
    [2 * HOUR, "il y a 2 h"],
    [2 * HOUR + 59 * MIN, "il y a 2 h"],
    [DAY, "il y a 1 j"],
    [29 * DAY, "il y a 29 j"],
    [60 * DAY, "il y a 2 mois"],
    [400 * DAY, "il y a 1 an"],
    [800 * DAY, "il y a 2 ans"],
  ])("%d ms → %s", (elapsed, expected) => {
    expect(formatTimeAgo(ago(elapsed), now)).toBe(expected);
  });

  it("treats a date in the future (clock skew) as just now", () => {
    expect(formatTimeAgo(new Date(now.getTime() + 5 * MIN), now)).toBe("à l'instant");
  });
});
