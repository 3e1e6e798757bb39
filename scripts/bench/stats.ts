// Percentiles and the ratio verdict of the benchmark: pure, unit-tested.
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  // Nearest-rank: the smallest value with at least p % of the samples at or below it.
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1]!;
}

export type PageResult = {
  key: string;
  label: string;
  path: string;
  role: string;
  statements: number;
  // The page's HTML as sent (uncompressed), RSC payload included.
  htmlBytes: number;
  slowestStatementMs: number;
  c1: { p50: number; p95: number; requests: number };
  floorC1: { p50: number; p95: number };
  c10: { reqPerSec: number; p95: number; p99: number; errors: number };
  floorC10: { reqPerSec: number };
  ratioP50: number;
  ratioP95: number;
  // The framework's cost per view measured beside this page (see frameworkOverheadMs).
  frameworkMs: number;
  // The median less the framework's own cost, over the floor's median.
  netRatioP50: number;
  // Measured a second time after a first pass over the limit (quick mode).
  remeasured?: boolean;
};

// What the framework costs per authenticated view beyond its SQL: the lightest real page's
// median less its own floor's median (scripts/bench/pages.ts, FRAMEWORK_PAGE).
export function frameworkOverheadMs(pageP50: number, floorP50: number): number {
  return Math.max(0, pageP50 - floorP50);
}

// The ratio of a page to its floor once the framework's fixed cost is taken out: what the page's
// own work (its queries, its rendering) costs against the same SQL run bare.
export function netRatio(pageP50: number, floorP50: number, overheadMs: number): number {
  return Math.max(0, pageP50 - overheadMs) / Math.max(0.1, floorP50);
}

// Pages whose c=1 median, net of the framework's cost, is over `maxRatio` times the floor's
// median. The median, not the p95, because a 20-request smoke run on a shared machine has a
// noisy tail.
export function pagesOverRatio(results: PageResult[], maxRatio: number): PageResult[] {
  return results.filter((r) => r.netRatioP50 > maxRatio);
}

export function formatTable(results: PageResult[]): string {
  const header = ["page", "p50 ms", "p95 ms", "floor p50", "floor p95", "ratio p50", "ratio p95", "net p50", "req/s c=10", "floor req/s", "p99 c=10", "err", "SQL", "max SQL ms", "HTML kB"];
  const rows = results.map((r) => [
    r.label,
    r.c1.p50.toFixed(1),
    r.c1.p95.toFixed(1),
    r.floorC1.p50.toFixed(1),
    r.floorC1.p95.toFixed(1),
    r.ratioP50.toFixed(2),
    r.ratioP95.toFixed(2),
    `${r.netRatioP50.toFixed(2)}${r.remeasured ? "*" : ""}`,
    r.c10.reqPerSec.toFixed(1),
    r.floorC10.reqPerSec.toFixed(1),
    r.c10.p99.toFixed(0),
    String(r.c10.errors),
    String(r.statements),
    r.slowestStatementMs.toFixed(1),
    (r.htmlBytes / 1000).toFixed(0),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(" | ");
  return [line(header), widths.map((w) => "-".repeat(w)).join("-|-"), ...rows.map(line)].join("\n");
}
