// What the page tours check on every screen (accessibility.spec.ts on the demo data,
// tour-journey.spec.ts on long data): axe-core's serious and critical WCAG 2.1 AA findings, a
// page that scrolls sideways, and the full-page screenshot kept as a test artifact.
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, type TestInfo } from "@playwright/test";
import { DEMO, DEMO_PASSWORD, fillLogin, type DemoRole } from "./auth";

export const WIDTHS = [
  { name: "1440", width: 1440, height: 900 },
  { name: "375", width: 375, height: 812 },
] as const;

export const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

export type Finding = string;

// The tours sign in many times on a machine shared with other runs: the first sign-in after the
// server starts can take longer than the default 10 s.
export async function loginForTour(page: Page, role: DemoRole) {
  await page.goto("/login");
  await fillLogin(page, DEMO[role].email, DEMO_PASSWORD);
  await expect(page.getByRole("heading", { name: "Tableau de bord", level: 1 })).toBeVisible({ timeout: 60_000 });
}

export async function sidewaysOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

export async function axeFindings(page: Page, label: string): Promise<Finding[]> {
  // Only violations are collected in full: on pages of a hundred rows, listing every passing
  // node is most of axe's time.
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).options({ resultTypes: ["violations"] }).analyze();
  const findings: Finding[] = [];
  for (const violation of results.violations) {
    if (violation.impact !== "serious" && violation.impact !== "critical") continue;
    const targets = violation.nodes.slice(0, 3).map((node) => node.target.join(" ")).join(" | ");
    findings.push(`${label}: ${violation.id} (${violation.impact}, ${violation.nodes.length}×) ${targets}`);
  }
  return findings;
}

// Overflow and axe, then the screenshot under the test's output folder (test-results/, ignored
// by git).
export async function audit(page: Page, testInfo: TestInfo, label: string): Promise<Finding[]> {
  const findings: Finding[] = [];
  // Fonts and client components settle before measuring.
  await page.waitForLoadState("networkidle");
  const overflow = await sidewaysOverflow(page);
  if (overflow > 1) findings.push(`${label}: la page défile horizontalement de ${overflow} px`);
  findings.push(...(await axeFindings(page, label)));
  await page.screenshot({ path: testInfo.outputPath(`${label}.png`), fullPage: true });
  return findings;
}
