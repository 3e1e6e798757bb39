import { describe, expect, it } from "vitest";
import { formatTable, pagesOverRatio, percentile, type PageResult } from "@/scripts/bench/stats";
import { volumesFor } from "@/scripts/bench/generate";

const result = (key: string, p50: number, floor: number): PageResult => ({
  key,
  label: key,
  path: `/${key}`,
  role: "MANAGER",
  statements: 3,
  slowestStatementMs: 1.5,
  c1: { p50, p95: p50 * 2, requests: 20 },
  floorC1: { p50: floor, p95: floor * 2 },
  c10: { reqPerSec: 10, p95: 100, p99: 120, errors: 0 },
  floorC10: { reqPerSec: 100 },
  ratioP50: p50 / floor,
  ratioP95: p50 / floor,
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

  it("prints one aligned row per page under the header", () => {
    const lines = formatTable([result("prospects", 13, 4)]).split("\n");
    expect(lines).toHaveLength(3);
    expect(lines[0]).toContain("floor p50");
    expect(lines[2]).toContain("13.0");
    expect(lines[2]).toContain("3.25");
  });

  it("scales the generator's volumes from the issue's 100k", () => {
    expect(volumesFor(100_000)).toMatchObject({ contacts: 200_000, opportunities: 20_000, actions: 1_000_000, invoices: 300_000 });
  });
});
