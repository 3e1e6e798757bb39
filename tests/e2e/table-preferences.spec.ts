import { expect, test, type Page } from "@playwright/test";
import pg from "pg";
import { e2eDatabaseUrl } from "./support/app-env";
import { loginAs } from "./support/auth";

// Each test starts from an account with no saved layout, so a retry after a failed attempt does
// not find the layout the first attempt saved.
test.beforeEach(async () => {
  const db = new pg.Client({ connectionString: e2eDatabaseUrl() });
  await db.connect();
  try {
    await db.query(`UPDATE "User" SET "tablePreferences" = '{}' WHERE "email" = 'admin@demo.fr'`);
  } finally {
    await db.end();
  }
});

// The save is debounced: wait for the server action's answer before leaving the page.
function preferencesSaved(page: Page) {
  return page.waitForResponse((response) => response.request().method() === "POST" && Boolean(response.request().headers()["next-action"]));
}

async function chooseColumn(page: Page, name: string, visible: boolean) {
  await page.getByText("Colonnes", { exact: true }).click();
  const box = page.getByRole("group", { name: "Colonnes affichées" }).getByRole("checkbox", { name });
  const saved = preferencesSaved(page);
  if (visible) await box.check();
  else await box.uncheck();
  await saved;
  await page.getByText("Colonnes", { exact: true }).click();
}

// « a column chooser remembered per user and table »: a column hidden in one browser is still
// hidden after signing in again elsewhere, and the admin lists are DataTables (row click opens
// the record, cards on a phone).
test("a hidden column and the density follow the user to a new browser", async ({ browser }) => {
  test.setTimeout(120_000);
  const first = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await first.newPage();
  await loginAs(page, "admin");
  await page.goto("/admin/utilisateurs");
  const table = page.getByRole("table", { name: "Utilisateurs" });
  await expect(table.getByRole("columnheader", { name: "Rôle" })).toBeVisible();

  await chooseColumn(page, "Rôle", false);
  await expect(table.getByRole("columnheader", { name: "Rôle" })).toHaveCount(0);
  const saved = preferencesSaved(page);
  await page.getByRole("button", { name: "Affichage compact" }).click();
  await saved;
  await first.close();

  const second = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const again = await second.newPage();
  await loginAs(again, "admin");
  await again.goto("/admin/utilisateurs");
  const sameTable = again.getByRole("table", { name: "Utilisateurs" });
  await expect(sameTable.getByRole("columnheader", { name: "E-mail" })).toBeVisible();
  await expect(sameTable.getByRole("columnheader", { name: "Rôle" })).toHaveCount(0);
  await expect(again.getByRole("button", { name: "Affichage compact" })).toHaveAttribute("aria-pressed", "true");
  // Another list keeps its own layout.
  await again.goto("/admin/partenaires");
  await expect(again.getByRole("button", { name: "Affichage compact" })).toHaveAttribute("aria-pressed", "false");

  // Row click opens the record.
  await again.goto("/admin/utilisateurs?q=commercial%40demo.fr");
  await sameTable.getByRole("cell", { name: "commercial@demo.fr" }).click();
  await expect(again.getByRole("heading", { name: "Julie Petit", level: 1 })).toBeVisible();

  // Put the demo admin's layout back for the other specs.
  await again.goto("/admin/utilisateurs");
  await chooseColumn(again, "Rôle", true);
  const restored = preferencesSaved(again);
  await again.getByRole("button", { name: "Affichage compact" }).click();
  await restored;
  await expect(sameTable.getByRole("columnheader", { name: "Rôle" })).toBeVisible();

  // On a phone: cards, and the page never scrolls sideways.
  await again.setViewportSize({ width: 375, height: 800 });
  await again.goto("/admin/utilisateurs");
  const cards = again.getByRole("list", { name: "Utilisateurs" }).getByRole("listitem");
  await expect(cards.first()).toBeVisible();
  expect(await again.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  await second.close();
});

// Layouts chosen before the account kept them (this browser's localStorage) move to the account
// once, then leave the browser.
test("a layout kept in the browser by the previous version moves to the account", async ({ browser }) => {
  test.setTimeout(120_000);
  const first = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await first.newPage();
  await loginAs(page, "admin");
  await page.goto("/admin/utilisateurs?q=admin%40demo.fr");
  const href = await page.getByRole("table", { name: "Utilisateurs" }).getByRole("link", { name: "Sophie Bernard" }).getAttribute("href");
  const userId = href!.split("/").pop()!;
  const key = `crm:table:${userId}:admin-partenaires`;
  await page.evaluate((k) => window.localStorage.setItem(k, JSON.stringify({ hidden: ["city"], density: "comfortable" })), key);

  const saved = preferencesSaved(page);
  await page.goto("/admin/partenaires");
  await saved;
  const table = page.getByRole("table", { name: "Organisations partenaires" });
  await expect(table.getByRole("columnheader", { name: "SIREN" })).toBeVisible();
  await expect(table.getByRole("columnheader", { name: "Ville" })).toHaveCount(0);
  expect(await page.evaluate((k) => window.localStorage.getItem(k), key)).toBeNull();
  await first.close();

  const second = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const again = await second.newPage();
  await loginAs(again, "admin");
  await again.goto("/admin/partenaires");
  const sameTable = again.getByRole("table", { name: "Organisations partenaires" });
  await expect(sameTable.getByRole("columnheader", { name: "SIREN" })).toBeVisible();
  await expect(sameTable.getByRole("columnheader", { name: "Ville" })).toHaveCount(0);
  // Put the demo admin's layout back for the other specs.
  await chooseColumn(again, "Ville", true);
  await expect(sameTable.getByRole("columnheader", { name: "Ville" })).toBeVisible();
  await second.close();
});
