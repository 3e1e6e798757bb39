import { describe, expect, it } from "vitest";
import { formatTable, frameworkOverheadMs, netRatio, pagesOverRatio, percentile, type PageResult } from "@/scripts/bench/stats";
import { volumesFor } from "@/scripts/bench/generate";

const result = (key: string, p50: number, floor: number, overheadMs = 0): PageResult => ({
  key,
  label: key,
  path: `/${key}`,
  role: "MANAGER",
  statements: 3,
  htmlBytes: 48_000,
  slowestStatementMs: 1.5,
  c1: { p50, p95: p50 * 2, requests: 20 },
  floorC1: { p50: floor, p95: floor * 2 },
  c10: { reqPerSec: 10, p95: 100, p99: 120, errors: 0 },
  floorC10: { reqPerSec: 100 },
  ratioP50: p50 / floor,
  ratioP95: p50 / floor,
  frameworkMs: overheadMs,
  netRatioP50: netRatio(p50, floor, overheadMs),
});

describe("bench statistics", () => {
  it("takes nearest-rank percentiles", () => {
    const values = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 95)).toBe(95);
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([], 50)).toBeNaN();
  });

  it("names the pages over the allowed ratio to their floor", () => {
    const rows = [result("fast", 20, 10), result("slow", 40, 10)];
    expect(pagesOverRatio(rows, 3).map((r) => r.key)).toEqual(["slow"]);
  });

  it("takes the framework's own cost out of a page before comparing it to its floor", () => {
    // The reference page: 9 ms against a 2 ms floor, so 7 ms of framework per view.
    const overhead = frameworkOverheadMs(9, 2);
    expect(overhead).toBe(7);
    expect(frameworkOverheadMs(1.5, 2)).toBe(0);
    // 13 ms on a 2 ms floor: 6.5× raw, (13 − 7) / 2 = 3× net.
    expect(netRatio(13, 2, overhead)).toBeCloseTo(3);
    expect(netRatio(5, 2, overhead)).toBe(0);
    const rows = [result("light", 13, 2, overhead), result("heavy", 16, 2, overhead)];
    expect(rows.map((r) => r.ratioP50)).toEqual([6.5, 8]);
    // The gate reads the net ratio: 3× passes at a limit of 3, 4.5× does not.
    expect(pagesOverRatio(rows, 3).map((r) => r.key)).toEqual(["heavy"]);
  });

  it("prints one aligned row per page under the header", () => {
    const lines = formatTable([result("prospects", 13, 4)]).split("\n");
    expect(lines).toHaveLength(3);
    expect(lines[0]).toContain("floor p50");
    expect(lines[2]).toContain("13.0");
    expect(lines[2]).toContain("3.25");
    expect(lines[0]).toContain("net p50");
  });

  it("scales the generator's volumes from the issue's 100k", () => {
    expect(volumesFor(100_000)).toMatchObject({ contacts: 200_000, opportunities: 20_000, actions: 1_000_000, invoices: 300_000 });
  });
});
