// A cheap identity of everything `next build` reads, so `npm start` rebuilds after a pull
// or an edit and skips the build otherwise.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const INPUT_DIRS = ["app", "components", "lib", "public"];
const INPUT_FILES = [
  "package-lock.json",
  "next.config.ts",
  "tailwind.config.ts",
  "postcss.config.mjs",
  "proxy.ts",
  "tsconfig.json",
  "prisma/schema.prisma",
];

function walk(dir: string, out: string[]) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, out);
    else out.push(full);
  }
}

export function buildFingerprint(root: string): string {
  const files: string[] = [];
  for (const dir of INPUT_DIRS) {
    const full = path.join(root, dir);
    if (existsSync(full)) walk(full, files);
  }
  for (const file of INPUT_FILES) {
    const full = path.join(root, file);
    if (existsSync(full)) files.push(full);
  }
  const hash = createHash("sha256");
  for (const file of files.sort()) {
    const stat = statSync(file);
    hash.update(`${path.relative(root, file)}\0${stat.size}\0${stat.mtimeMs}\n`);
  }
  return hash.digest("hex");
}
