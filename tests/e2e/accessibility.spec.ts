// With tour-journey.spec.ts, the tour of every page per role, at 1440 px and at 375 px: axe-core
// (WCAG 2.1 AA) finds no serious or critical violation, no page scrolls sideways, and each screen is kept as a
// screenshot under test-results (an artifact, never committed). Read-only on the demo data, so
// the specs that count the seed's rows are not disturbed.
import { expect, test, type Page } from "@playwright/test";
import { audit, loginForTour as loginAs, WIDTHS, type Finding } from "./support/audit";
import type { DemoRole } from "./support/auth";

type Stop = { name: string; path: string | ((page: Page) => Promise<string>) };

// The first file the role can open, from its own list (no id is hard-coded).
async function firstProspectPath(page: Page): Promise<string> {
  await page.goto("/prospects");
  // Rows are in the page at every width (a hidden table on phones): read the first one's link.
  const href = await page.locator("tbody a[href^='/prospects/']").first().getAttribute("href");
  expect(href).toMatch(/^\/prospects\/[^/]+$/);
  return href!;
}

const INTERNAL: Stop[] = [
  { name: "tableau-de-bord", path: "/" },
  { name: "prospects", path: "/prospects" },
  { name: "prospect-nouveau", path: "/prospects/new" },
  { name: "prospect-fiche", path: firstProspectPath },
  { name: "taches", path: "/taches" },
  { name: "calendrier-mois", path: "/calendrier" },
  { name: "calendrier-semaine", path: "/calendrier?vue=semaine" },
  { name: "dossiers-prets", path: "/dossiers-prets?vue=tous" },
  { name: "campagnes", path: "/campagnes" },
  { name: "campagne-nouvelle", path: "/campagnes/nouvelle" },
  { name: "rapports", path: "/rapports" },
  { name: "rapport-actions-faites", path: "/rapports/actions-faites" },
  { name: "rapport-actions-non-faites", path: "/rapports/actions-non-faites" },
  { name: "rapport-chiffre-affaires", path: "/rapports/chiffre-affaires" },
  { name: "listes-sur-mesure", path: "/rapports/listes" },
  { name: "notifications", path: "/notifications" },
];

// tour-journey.spec.ts audits the main screens of every role the same way, on 200-row data with
// 120-character names (and keeps their screenshots). This tour covers, on the demo data, the pages
// that one does not visit for the role, so no page is audited twice.
const only = (...names: string[]) => INTERNAL.filter((stop) => names.includes(stop.name));
const TOUR: Record<"sales" | "manager" | "partnerA", Stop[]> = {
  sales: only("prospect-nouveau", "campagne-nouvelle"),
  manager: only(
    "prospect-nouveau",
    "prospect-fiche",
    "campagnes",
    "campagne-nouvelle",
    "rapports",
    "rapport-actions-faites",
    "rapport-actions-non-faites",
    "listes-sur-mesure",
    "notifications",
  ),
  partnerA: [{ name: "prospect-nouveau", path: "/prospects/new" }],
};

for (const [role, stops] of Object.entries(TOUR) as [DemoRole, Stop[]][]) {
  for (const viewport of WIDTHS) {
    test(`${role} at ${viewport.name} px: no serious accessibility finding, no sideways page`, async ({ page }, testInfo) => {
      test.setTimeout(240_000);
      await page.setViewportSize({ width: viewport.width, height: viewport.height });
      await loginAs(page, role);
      const findings: Finding[] = [];
      for (const stop of stops) {
        const path = typeof stop.path === "string" ? stop.path : await stop.path(page);
        const response = await page.goto(path);
        expect(response?.status(), path).toBe(200);
        findings.push(...(await audit(page, testInfo, `${role}-${viewport.name}-${stop.name}`)));
      }
      expect(findings).toEqual([]);
    });
  }
}

test("public pages at both widths: no serious accessibility finding, no sideways page", async ({ page }, testInfo) => {
  const findings: Finding[] = [];
  for (const viewport of WIDTHS) {
    await page.setViewportSize({ width: viewport.width, height: viewport.height });
    for (const [name, path, status] of [
      ["connexion", "/login", 200],
      ["desabonnement-invalide", "/desabonnement/lien-invalide", 404],
      ["inscription-invalide", "/onboarding/lien-invalide-0000000000000000000000", 404],
    ] as const) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(status);
      findings.push(...(await audit(page, testInfo, `public-${viewport.name}-${name}`)));
    }
  }
  // The invalid unsubscribe link answers in the public layout, never with the staff app's links.
  await page.goto("/desabonnement/lien-invalide");
  await expect(page.getByRole("heading", { name: "Lien de désabonnement non valide" })).toBeVisible();
  await expect(page.getByRole("link", { name: /tableau de bord/i })).toHaveCount(0);
  expect(findings).toEqual([]);
});

test("a manager opening « Tâches » sees the team's work, a sales rep only theirs", async ({ page }) => {
  await loginAs(page, "manager");
  await page.goto("/taches");
  await expect(page.getByText("Tâches non faites de toute l'équipe")).toBeVisible();
  const teamCount = await page.getByRole("table", { name: /Tâches non faites/ }).getByRole("row").count();
  expect(teamCount).toBeGreaterThan(1);
  await page.getByRole("link", { name: "Mes tâches" }).click();
  await expect(page.getByText("Vos tâches non faites")).toBeVisible();
  await page.getByRole("link", { name: "Toute l'équipe" }).click();
  await expect(page.getByText("Tâches non faites de toute l'équipe")).toBeVisible();
});

test("on a phone, lists are cards and the table's columns never push the page sideways", async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await loginAs(page, "sales");
  await page.goto("/prospects");
  const cards = page.getByRole("list", { name: "Liste des prospects" }).getByRole("listitem");
  await expect(cards.first()).toBeVisible();
  await expect(page.getByRole("table", { name: "Liste des prospects" })).toBeHidden();
  // Each card: its title links to the file, and its status badge is on it.
  await expect(cards.first().getByRole("link").first()).toHaveAttribute("href", /^\/prospects\//);
  await expect(cards.first()).toContainText(/En discussion|Prêt à démarrer|Pas intéressé, sans suite/);
  await page.goto("/taches");
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(1);
});

test("the prospects table keeps its header in view and a row click opens the record", async ({ page }) => {
  await loginAs(page, "sales");
  await page.goto("/prospects");
  const table = page.getByRole("table", { name: "Liste des prospects" });
  // The table's own box scrolls; its header stays at the top of it.
  const header = table.getByRole("columnheader", { name: /Créé le/ });
  await expect(header).toBeVisible();
  await expect(table.locator("thead")).toHaveCSS("position", "sticky");
  const firstLink = table.getByRole("row").nth(1).getByRole("link").first();
  await expect(firstLink).toBeVisible();
  // Row click opens the record.
  await table.getByRole("row").nth(1).getByRole("cell").nth(2).click();
  await expect(page).toHaveURL(/\/prospects\/[^/?]+$/);
});
