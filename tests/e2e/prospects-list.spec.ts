import { expect, test, type Page } from "@playwright/test";
import { loginAs } from "./support/auth";

async function columnTexts(page: Page, column: number): Promise<string[]> {
  const cells = page.getByRole("row").locator(`td:nth-child(${column})`);
  return (await cells.allTextContents()).map((t) => t.trim());
}

test("the sales team pages, sorts and searches the prospects list through the UI", async ({ page }) => {
  await loginAs(page, "sales");
  await page.getByRole("banner").getByRole("link", { name: "Prospects" }).click();
  await expect(page.getByRole("heading", { name: "Prospects", level: 1 })).toBeVisible();

  // 60 demo files, 25 per page, paged by keyset: « Suivant », « Dernière page », « Précédent ».
  await expect(page.getByText("60 prospects")).toBeVisible();
  await expect(page.getByRole("row")).toHaveCount(26);
  const firstPage = await columnTexts(page, 1);
  await page.getByRole("link", { name: "Suivant" }).click();
  await expect(page).toHaveURL(/after=/);
  await expect.poll(async () => (await columnTexts(page, 1)).filter((name) => firstPage.includes(name))).toEqual([]);
  const secondPage = await columnTexts(page, 1);
  expect(secondPage).toHaveLength(25);
  await page.getByRole("link", { name: "Dernière page" }).click();
  await expect(page).toHaveURL(/last=1/);
  await expect(page.getByRole("row")).toHaveCount(26);
  await expect(page.getByRole("navigation", { name: "Pagination" }).getByText("Suivant")).toHaveAttribute("aria-disabled", "true");
  await page.getByRole("link", { name: "Précédent" }).click();
  await expect(page).toHaveURL(/before=/);
  // 60 rows: the last page holds rows 36–60, so « Précédent » shows rows 11–35.
  await expect.poll(() => columnTexts(page, 1)).toEqual([...firstPage.slice(10), ...secondPage.slice(0, 10)]);
  await page.getByRole("link", { name: "Première page" }).click();
  await expect(page).not.toHaveURL(/after=|before=|last=/);
  await expect.poll(() => columnTexts(page, 1)).toEqual(firstPage);

  // Sorting by name, ascending then descending, starts from the first row again.
  await page.getByRole("columnheader", { name: /Nom/ }).getByRole("link").click();
  await expect(page).toHaveURL(/sort=name/);
  await expect(page).not.toHaveURL(/after=|before=|last=/);
  const ascending = await columnTexts(page, 1);
  expect(ascending).toEqual([...ascending].sort((a, b) => a.localeCompare(b, "fr")));
  await page.getByRole("columnheader", { name: /Nom/ }).getByRole("link").click();
  await expect(page).toHaveURL(/dir=desc/);
  const descending = await columnTexts(page, 1);
  expect(descending).toEqual([...descending].sort((a, b) => b.localeCompare(a, "fr")));

  // Search by city: every row is in that city, and the query is kept in the URL and the box.
  await page.getByLabel("Rechercher").fill("Lyon");
  await page.getByRole("button", { name: "Filtrer" }).click();
  await expect(page).toHaveURL(/q=Lyon/);
  await expect(page.getByLabel("Rechercher")).toHaveValue("Lyon");
  const cities = await columnTexts(page, 3);
  expect(cities.length).toBeGreaterThan(0);
  for (const city of cities) expect(city).toBe("Lyon");

  // Status filter.
  await page.getByLabel("Rechercher").fill("");
  await page.getByLabel("Statut").selectOption({ label: "Prêt à démarrer" });
  await page.getByRole("button", { name: "Filtrer" }).click();
  await expect(page).toHaveURL(/status=READY_TO_START/);
  for (const status of await columnTexts(page, 4)) expect(status).toBe("Prêt à démarrer");
});

test("a malformed query string falls back to defaults instead of failing", async ({ page }) => {
  await loginAs(page, "manager");
  const response = await page.goto("/prospects?page=-4&perPage=9999&sort=%27%3BDROP&dir=sideways&status=NOPE");
  expect(response?.status()).toBe(200);
  await expect(page.getByText("60 prospects")).toBeVisible();
  await expect(page.getByRole("row")).toHaveCount(26);

  const forged = await page.goto("/prospects?after=not-a-cursor&before=%7B%7D");
  expect(forged?.status()).toBe(200);
  await expect(page.getByRole("row")).toHaveCount(26);
});

test("a partner's list only holds its own organisation's files", async ({ page }) => {
  await loginAs(page, "partnerA");
  await page.goto("/prospects");
  await expect(page.getByText("18 prospects")).toBeVisible();
  await expect(page.getByRole("columnheader", { name: /Partenaire/ })).toHaveCount(0);
});
