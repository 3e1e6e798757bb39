import { expect, test } from "@playwright/test";
import { loginAs } from "./support/auth";

// A 120-character name does not push « Statut », « Étape » or « Créé le » out of the prospects
// table: it is cut with « … », shown whole on hover, and no page scrolls sideways on a phone.
test("a 120-character name is cut in the list, shown whole on hover, and never widens the page", async ({ page }) => {
  test.setTimeout(120_000);
  const marker = `Longue${Date.now()}`;
  const name = `${marker} ${"Compagnie générale de transports, de logistique et d'entreposage du Grand Est ".repeat(2)}`.slice(0, 120).trim();
  expect(name.length).toBeGreaterThanOrEqual(115);

  await page.setViewportSize({ width: 1440, height: 900 });
  await loginAs(page, "sales");
  await page.goto("/prospects/new");
  await page.getByRole("radio", { name: "Particulier" }).check();
  await page.getByLabel(/^Nom et prénom/).fill(name);
  await page.getByRole("button", { name: "Enregistrer le prospect" }).click();
  await expect(page).toHaveURL(/\/prospects\/(?!new)[^/?]+/);

  await page.goto(`/prospects?q=${encodeURIComponent(marker)}`);
  const table = page.getByRole("table", { name: "Liste des prospects" });
  const link = table.getByRole("link", { name });
  await expect(link).toBeVisible();
  // Cut to its column: the box is narrower than the text, and the other columns stay in view.
  const cut = await link.evaluate((element) => {
    const box = element.closest(".dt-cut") as HTMLElement | null;
    return box ? box.scrollWidth > box.clientWidth : false;
  });
  expect(cut).toBe(true);
  const created = table.getByRole("columnheader", { name: /Créé le/ });
  const region = await page.getByRole("region", { name: "Liste des prospects" }).boundingBox();
  const header = await created.boundingBox();
  expect(header!.x + header!.width).toBeLessThanOrEqual(region!.x + region!.width + 1);
  // The whole name on hover.
  await link.hover();
  await expect(page.getByTestId("texte-complet")).toHaveText(name);

  await page.setViewportSize({ width: 375, height: 800 });
  await page.reload();
  const card = page.getByRole("list", { name: "Liste des prospects" }).getByRole("listitem").first();
  await expect(card.getByRole("link", { name })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(1);
});

// A cut plain-text cell (a long city) is a tab stop of its own that shows its whole text on
// keyboard focus, right after the name's link; a short one (the SIREN's « — ») is no tab stop.
test("a cut plain-text cell is reached with Tab and shows its whole text on focus", async ({ page }) => {
  test.setTimeout(120_000);
  const name = `Ville longue ${Date.now()}`;
  const city = `Saint-Rémy-en-Bouzemont-Saint-Genest-et-Isson, hameau des Grandes Côtes ${Date.now()}`;

  await page.setViewportSize({ width: 1440, height: 900 });
  await loginAs(page, "sales");
  await page.goto("/prospects/new");
  await page.getByRole("radio", { name: "Particulier" }).check();
  await page.getByLabel(/^Nom et prénom/).fill(name);
  await page.getByRole("tab", { name: "Adresse" }).click();
  await page.getByLabel("Ville", { exact: true }).fill(city);
  await page.getByRole("button", { name: "Enregistrer le prospect" }).click();
  await expect(page).toHaveURL(/\/prospects\/(?!new)[^/?]+/);

  await page.goto(`/prospects?q=${encodeURIComponent(name)}`);
  const table = page.getByRole("table", { name: "Liste des prospects" });
  const link = table.getByRole("link", { name });
  await expect(link).toBeVisible();
  await link.focus();
  await page.keyboard.press("Tab");
  await expect(table.getByText(city, { exact: true })).toBeFocused();
  await expect(page.getByTestId("texte-complet")).toHaveText(city);
});
