// First-load JavaScript per route, gzip, from the build's own diagnostics
// (.next/diagnostics/route-bundle-stats.json lists each route's first-load chunks), checked
// against the budgets of issue 14: ≤ 230 kB on list and dashboard pages, ≤ 260 kB on the
// prospect file. Used by `npm run bench` and tests/unit/js-budgets.test.ts.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";

export const KB = 1000;

// Routes with a budget; every other route is reported but not held to one.
export const JS_BUDGETS: Record<string, number> = {
  "/": 230 * KB,
  "/prospects": 230 * KB,
  "/taches": 230 * KB,
  "/calendrier": 230 * KB,
  "/notifications": 230 * KB,
  "/rapports": 230 * KB,
  "/rapports/actions-faites": 230 * KB,
  "/dossiers-prets": 230 * KB,
  "/campagnes": 230 * KB,
  "/login": 230 * KB,
  "/prospects/[id]": 260 * KB,
};

export type RouteJs = { route: string; gzipBytes: number; budget: number | null; over: boolean };

export function routeBundleStatsFile(root: string): string {
  return path.join(root, ".next", "diagnostics", "route-bundle-stats.json");
}

export function measureFirstLoadJs(root: string): RouteJs[] {
  const file = routeBundleStatsFile(root);
  if (!existsSync(file)) throw new Error(`${file} absent : lancez d'abord next build`);
  const stats = JSON.parse(readFileSync(file, "utf8")) as { route: string; firstLoadChunkPaths: string[] }[];
  const gzipped = new Map<string, number>();
  const sizeOf = (chunk: string) => {
    let size = gzipped.get(chunk);
    if (size === undefined) {
      size = gzipSync(readFileSync(path.join(root, chunk)), { level: 9 }).length;
      gzipped.set(chunk, size);
    }
    return size;
  };
  return stats
    .map(({ route, firstLoadChunkPaths }) => {
      const gzipBytes = [...new Set(firstLoadChunkPaths)].reduce((sum, chunk) => sum + sizeOf(chunk), 0);
      const budget = JS_BUDGETS[route] ?? null;
      return { route, gzipBytes, budget, over: budget !== null && gzipBytes > budget };
    })
    .sort((a, b) => b.gzipBytes - a.gzipBytes);
}
