// One wording: the misspellings and synonyms the team dropped never come back in what users read
// (pages, components, labels, e-mails). Comments quoting the seed are rephrased, not exempted.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { FORBIDDEN_WORDING, GLOSSARY } from "@/lib/labels/glossary";

const ROOT = path.resolve(__dirname, "../..");
const SCANNED = ["app", "components", "lib"];
const SKIPPED = new Set([path.join(ROOT, "lib", "generated"), path.join(ROOT, "lib", "labels")]);

function sourceFiles(dir: string): string[] {
  if (SKIPPED.has(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(name) ? [full] : [];
  });
}

describe("wording", () => {
  const files = SCANNED.flatMap((dir) => sourceFiles(path.join(ROOT, dir)));

  it("scans the app's sources", () => {
    expect(files.length).toBeGreaterThan(100);
  });

  it("has none of the known misspellings or dropped synonyms", () => {
    const found: string[] = [];
    for (const file of files) {
      const lines = readFileSync(file, "utf8").split("\n");
      lines.forEach((line, index) => {
        for (const { pattern, use } of FORBIDDEN_WORDING) {
          if (pattern.test(line)) found.push(`${path.relative(ROOT, file)}:${index + 1}: « ${line.trim()} » → ${use}`);
        }
      });
    }
    expect(found).toEqual([]);
  });

  it("catches each misspelling it lists", () => {
    const samples = [
      "Clés API",
      "Nouveau origine",
      "Le chiffre d'affaire par commercial",
      "Le chiffre d'affaires par représentants",
      "actions Faites",
      "Non-Faites",
      "Assignée à",
      "Attribuée à",
      "l'onglet « Données »",
    ];
    for (const sample of samples) expect(FORBIDDEN_WORDING.some(({ pattern }) => pattern.test(sample)), sample).toBe(true);
    for (const word of Object.values(GLOSSARY)) expect(FORBIDDEN_WORDING.some(({ pattern }) => pattern.test(word)), word).toBe(false);
  });
});
