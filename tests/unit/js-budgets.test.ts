// First-load JavaScript budgets (issue 14), measured from the production build's own manifests.
// It needs a build of the current sources (`next build`, `npm start` or the e2e suite make one),
// so inside `npm test`, where vitest runs before playwright builds, it skips itself: there the
// same check is made by `npm run bench:ci`, which runs after playwright on the build it made and
// exits 1 when a route is over its budget.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildFingerprint } from "@/scripts/build-fingerprint";
import { JS_BUDGETS, measureFirstLoadJs, routeBundleStatsFile } from "@/scripts/bench/js-budgets";

const root = path.resolve(import.meta.dirname, "..", "..");
// Only a build of the current sources says anything about them (the stamp is written by
// `npm start` and `npm run bench` after building).
const stamp = path.join(root, ".next", "crm-build-fingerprint");
const built =
  existsSync(routeBundleStatsFile(root)) && existsSync(stamp) && readFileSync(stamp, "utf8") === buildFingerprint(root);

describe.skipIf(!built)("first-load JavaScript per route (gzip)", () => {
  it("measures every budgeted route", () => {
    const routes = new Set(measureFirstLoadJs(root).map((r) => r.route));
    for (const route of Object.keys(JS_BUDGETS)) expect(routes).toContain(route);
  });

  it("keeps every list and dashboard page under 230 kB and the prospect file under 260 kB", () => {
    const over = measureFirstLoadJs(root)
      .filter((r) => r.over)
      .map((r) => `${r.route}: ${(r.gzipBytes / 1000).toFixed(1)} kB > ${(r.budget! / 1000).toFixed(0)} kB`);
    expect(over).toEqual([]);
  });
});
