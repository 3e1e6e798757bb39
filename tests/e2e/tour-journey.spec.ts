// Issue 12's « Done when », on long data: 220 files (half of them with 120-character company
// names), their contacts, tasks of the whole team, appointments this week, opportunities on every
// column, a 220-recipient campaign, a custom list, 210 notifications per account and 30 partner
// organisations (tests/e2e/support/tour-data.ts). Each role tours its main screens at 1440 and
// 375 px: no page scrolls sideways, the identifying and the status/action columns stay reachable,
// lists are cards on a phone, axe-core finds nothing serious or critical, and a full-page
// screenshot of each screen is attached to the result. A journey spec: it adds rows that the
// specs counting the demo data must not see.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { expect, test, type Page, type TestInfo } from "@playwright/test";
import { e2eDatabaseUrl } from "./support/app-env";
import { axeFindings, loginForTour, sidewaysOverflow, WIDTHS, type Finding } from "./support/audit";
import { DEMO, type DemoRole } from "./support/auth";
import { TOUR_MARKER, TOUR_NAME_LENGTH, tourCompanyName } from "./support/tour-names";

type Stop = {
  name: string;
  path: string | ((page: Page) => Promise<string>);
  // The list that must be cards on a phone (its accessible name).
  phoneList?: string | RegExp;
};

// Calendars are grids of days and hours: they scroll inside their own region on a phone.
const GRID_REGIONS = ["Mois", "Semaine", "Journée"];

// The first file of the role's list matching `q` (no id is hard-coded).
function fileFromList(q: string) {
  return async (page: Page): Promise<string> => {
    await page.goto(`/prospects?q=${encodeURIComponent(q)}`);
    // Rows are in the page at every width (a hidden table on phones): read the first one's link.
    const href = await page.locator("tbody a[href^='/prospects/']").first().getAttribute("href");
    expect(href).toMatch(/^\/prospects\/[^/]+$/);
    return href!;
  };
}

async function firstHref(page: Page, from: string, selector: string): Promise<string> {
  await page.goto(from);
  const href = await page.locator(selector).first().getAttribute("href");
  expect(href, `${from} → ${selector}`).toBeTruthy();
  return href!;
}

const tourList = (page: Page) => firstHref(page, "/rapports/listes", `a[href^='/rapports/listes/']:has-text("${TOUR_MARKER}")`);
const tourCampaign = (page: Page) => firstHref(page, "/campagnes", `a[href^='/campagnes/']:has-text("${TOUR_MARKER}")`);

const INTERNAL: Stop[] = [
  { name: "tableau-de-bord", path: "/" },
  { name: "prospects", path: "/prospects", phoneList: "Liste des prospects" },
  { name: "prospects-100", path: "/prospects?perPage=100", phoneList: "Liste des prospects" },
  { name: "prospect-fiche", path: fileFromList(`${TOUR_MARKER} 000`) },
  { name: "taches", path: "/taches", phoneList: /^Tâches non faites/ },
  { name: "calendrier-mois", path: "/calendrier" },
  { name: "calendrier-semaine", path: "/calendrier?vue=semaine" },
  { name: "dossiers-prets", path: "/dossiers-prets?vue=tous", phoneList: /^Dossiers prêts à démarrer/ },
  { name: "campagnes", path: "/campagnes", phoneList: "Liste des campagnes" },
  { name: "campagne-destinataires", path: tourCampaign, phoneList: "Actions d'envoi de la campagne" },
  { name: "rapports", path: "/rapports" },
  { name: "rapport-actions-faites", path: "/rapports/actions-faites?perPage=100", phoneList: "Liste des actions faites" },
  { name: "rapport-actions-non-faites", path: "/rapports/actions-non-faites", phoneList: "Liste des actions non faites" },
  { name: "rapport-chiffre-affaires", path: "/rapports/chiffre-affaires" },
  { name: "listes-sur-mesure", path: "/rapports/listes" },
  { name: "liste-sur-mesure", path: tourList, phoneList: /^Liste « / },
  { name: "notifications", path: "/notifications" },
];

// The manager's own screens: the team views and the reports across reps (the others are the
// sales rep's, already toured).
const MANAGER_STOPS = ["tableau-de-bord", "prospects", "taches", "calendrier-mois", "calendrier-semaine", "dossiers-prets", "rapport-chiffre-affaires", "liste-sur-mesure"];

const TOUR: Record<"sales" | "manager" | "admin" | "partnerA", Stop[]> = {
  sales: INTERNAL,
  manager: INTERNAL.filter((stop) => MANAGER_STOPS.includes(stop.name)),
  admin: [
    { name: "tableau-de-bord", path: "/" },
    { name: "prospects", path: "/prospects", phoneList: "Liste des prospects" },
    { name: "notifications", path: "/notifications" },
    { name: "administration", path: "/admin" },
    { name: "utilisateurs", path: "/admin/utilisateurs", phoneList: "Utilisateurs" },
    { name: "partenaires", path: "/admin/partenaires", phoneList: "Organisations partenaires" },
    { name: "journal-securite", path: "/admin/journal-securite", phoneList: "Journal de sécurité" },
    { name: "releves", path: "/admin/releves", phoneList: "Relevés de commissions" },
    { name: "listes-de-reference", path: "/admin/reference" },
    { name: "boite-envoi", path: "/admin/outbox", phoneList: "Messages de la boîte d'envoi" },
    { name: "cles-api", path: "/admin/api-keys" },
  ],
  partnerA: [
    { name: "tableau-de-bord", path: "/" },
    { name: "prospects", path: "/prospects", phoneList: "Liste des prospects" },
    { name: "clients", path: "/prospects?stage=CLIENT", phoneList: "Liste des prospects" },
    { name: "prospect-fiche", path: fileFromList(`${TOUR_MARKER} 000`) },
    // A client of the partner: its invoices.
    { name: "client-fiche-factures", path: fileFromList(`${TOUR_MARKER} 002`) },
    { name: "commissions", path: "/commissions" },
    { name: "notifications", path: "/notifications" },
    { name: "mon-organisation", path: "/mon-organisation" },
  ],
};

// Every visible table: its first (identifying) column and its last (status or action) column
// are on screen, or reachable by scrolling the table's own box while the first one stays put.
async function columnFindings(page: Page, label: string): Promise<Finding[]> {
  const problems = await page.evaluate((gridRegions) => {
    const out: string[] = [];
    const visible = (el: Element) => {
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== "hidden";
    };
    const scroller = (el: HTMLElement): HTMLElement | null => {
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
        const o = getComputedStyle(p).overflowX;
        if (o === "auto" || o === "scroll") return p;
      }
      return null;
    };
    const name = (table: HTMLTableElement) =>
      table.caption?.textContent?.trim() ||
      table.getAttribute("aria-label") ||
      table.closest("[aria-label]")?.getAttribute("aria-label") ||
      "tableau";
    for (const table of Array.from(document.querySelectorAll("table"))) {
      if (!visible(table)) continue;
      const region = table.closest("[role=region]");
      if (region && gridRegions.includes(region.getAttribute("aria-label") ?? "")) continue;
      const headers = Array.from(table.querySelectorAll<HTMLElement>("thead tr:first-child > th")).filter(visible);
      if (headers.length < 2) continue;
      const first = headers[0]!;
      const last = headers[headers.length - 1]!;
      const box = scroller(table);
      const limit = Math.min(window.innerWidth, box ? box.getBoundingClientRect().right : window.innerWidth);
      if (first.getBoundingClientRect().right > window.innerWidth + 1) {
        out.push(`« ${name(table)} » : première colonne hors de l'écran`);
        continue;
      }
      if (last.getBoundingClientRect().right <= limit + 1) continue;
      if (!box) {
        out.push(`« ${name(table)} » : colonne « ${last.textContent?.trim()} » coupée, sans défilement du tableau`);
        continue;
      }
      // Reachable in the table's own scroller, with the identifying column kept in view.
      const before = box.scrollLeft;
      box.scrollLeft = box.scrollWidth;
      const boxRect = box.getBoundingClientRect();
      const lastRect = last.getBoundingClientRect();
      const firstRect = first.getBoundingClientRect();
      box.scrollLeft = before;
      if (lastRect.right > Math.min(window.innerWidth, boxRect.right) + 1) {
        out.push(`« ${name(table)} » : colonne « ${last.textContent?.trim()} » inatteignable`);
      } else if (firstRect.left < boxRect.left - 1) {
        out.push(`« ${name(table)} » : la première colonne disparaît quand le tableau défile`);
      }
    }
    return out;
  }, GRID_REGIONS);
  return problems.map((p) => `${label}: ${p}`);
}

// On a phone, a list is cards: no table wider than its box is shown, outside the calendars and
// matrices whose first column stays put while the rest scrolls (months of the revenue report).
async function phoneFindings(page: Page, label: string, stop: Stop): Promise<Finding[]> {
  const findings: Finding[] = [];
  const shrunk = await page.evaluate((gridRegions) => {
    const out: string[] = [];
    for (const table of Array.from(document.querySelectorAll("table"))) {
      const r = table.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      const region = table.closest("[role=region]");
      if (region && gridRegions.includes(region.getAttribute("aria-label") ?? "")) continue;
      const box = table.parentElement!;
      const wider = r.right > window.innerWidth + 1 || table.scrollWidth > box.clientWidth + 1;
      if (!wider) continue;
      const first = table.querySelector("thead tr:first-child > th");
      if (first && getComputedStyle(first).position === "sticky") continue;
      out.push(table.caption?.textContent?.trim() || table.closest("[aria-label]")?.getAttribute("aria-label") || "tableau");
    }
    return out;
  }, GRID_REGIONS);
  for (const name of shrunk) findings.push(`${label}: tableau « ${name} » plus large que l'écran au lieu de cartes`);
  if (stop.phoneList) {
    const cards = page.getByRole("list", { name: stop.phoneList }).getByRole("listitem");
    if (!(await cards.first().isVisible())) findings.push(`${label}: pas de cartes « ${String(stop.phoneList)} »`);
  }
  return findings;
}

async function visit(page: Page, testInfo: TestInfo, label: string, stop: Stop, phone: boolean): Promise<Finding[]> {
  const target = typeof stop.path === "string" ? stop.path : await stop.path(page);
  const response = await page.goto(target);
  expect(response?.status(), target).toBe(200);
  await page.waitForLoadState("networkidle");
  const findings: Finding[] = [];
  const overflow = await sidewaysOverflow(page);
  if (overflow > 1) findings.push(`${label}: la page défile horizontalement de ${overflow} px`);
  findings.push(...(phone ? await phoneFindings(page, label, stop) : await columnFindings(page, label)));
  findings.push(...(await axeFindings(page, label)));
  // Kept under test-results/ (git-ignored) and attached to the result for the HTML report.
  const shot = testInfo.outputPath(`${label}.png`);
  await page.screenshot({ path: shot, fullPage: true });
  await testInfo.attach(label, { path: shot, contentType: "image/png" });
  return findings;
}

test.beforeAll(() => {
  // In its own process, with the factories and the Prisma client the seed uses.
  const result = spawnSync(process.execPath, ["--import", "tsx", path.join("tests", "e2e", "support", "tour-data.ts")], {
    cwd: process.cwd(),
    env: { ...process.env, NODE_OPTIONS: "", DATABASE_URL: e2eDatabaseUrl() },
    encoding: "utf8",
    timeout: 120_000,
  });
  expect(result.status, `${result.stdout}\n${result.stderr}`).toBe(0);
});

test("the tour data holds 120-character names in every main list", async ({ page }) => {
  expect(tourCompanyName(0)).toHaveLength(TOUR_NAME_LENGTH);
  await loginForTour(page, "sales");
  await page.goto(`/prospects?q=${encodeURIComponent(TOUR_MARKER)}`);
  // 220 files of the tour are found (the count line of the list).
  await expect(page.getByText(/\b220 prospects?\b/).first()).toBeVisible();
});

for (const [role, stops] of Object.entries(TOUR) as [DemoRole, Stop[]][]) {
  for (const viewport of WIDTHS) {
    test(`${role} at ${viewport.name} px on long data: no sideways page, no column pushed out, cards on a phone, no serious axe finding`, async ({ page }, testInfo) => {
      test.setTimeout(300_000);
      await page.setViewportSize({ width: viewport.width, height: viewport.height });
      await loginForTour(page, role);
      const findings: Finding[] = [];
      for (const stop of stops) {
        findings.push(...(await visit(page, testInfo, `${role}-${viewport.name}-${stop.name}`, stop, viewport.width < 768)));
      }
      expect(findings).toEqual([]);
    });
  }
}

test("a manager opening « Tâches » sees the team's work among the long rows", async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await loginForTour(page, "manager");
  await page.goto("/taches");
  const table = page.getByRole("table", { name: /^Tâches non faites/ });
  await expect(table).toBeVisible();
  // Rows assigned to the two sales reps, not only the manager's own.
  for (const colleague of [DEMO.sales.name, "Thomas Roux"]) {
    await expect(table.getByRole("cell", { name: colleague }).first()).toBeVisible();
  }
  expect(await table.getByRole("row").count()).toBeGreaterThan(40);
});
