import { existsSync } from "node:fs";
import { chromium } from "@playwright/test";

// Debian's chromium first (nothing is downloaded at test time), then CHROMIUM_PATH,
// then a browser Playwright installed; otherwise stop with instructions.
export function findChromium(): string {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"];
  for (const candidate of candidates) {
    if (candidate && existsSync(candidate)) return candidate;
  }
  try {
    const bundled = chromium.executablePath();
    if (bundled && existsSync(bundled)) return bundled;
  } catch {
    // Playwright has no browser of its own installed: fall through to the message.
  }
  throw new Error(
    "Aucun navigateur Chromium trouvé pour les tests de bout en bout.\n" +
      "Installez-le (Debian/Ubuntu : `sudo apt-get install -y chromium`), ou indiquez son chemin avec CHROMIUM_PATH=/chemin/vers/chromium,\n" +
      "ou installez celui de Playwright (`npx playwright install chromium`) sur une machine connectée.",
  );
}
