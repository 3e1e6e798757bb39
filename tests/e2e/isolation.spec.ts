import { expect, test } from "@playwright/test";
import { loginAs } from "./support/auth";

test("a partner gets a 404 on another partner's prospect, and never sees it in lists", async ({ browser }) => {
  // Partner B opens one of its own files and notes its address and name.
  const contextB = await browser.newContext();
  const pageB = await contextB.newPage();
  await loginAs(pageB, "partnerB");
  await pageB.getByRole("link", { name: "Prospects", exact: true }).first().click();
  const firstRow = pageB.getByRole("row").nth(1);
  const link = firstRow.getByRole("link").first();
  const name = (await link.textContent())?.trim() ?? "";
  expect(name).not.toBe("");
  await link.click();
  await expect(pageB.getByRole("heading", { name, level: 1 })).toBeVisible();
  const prospectUrl = new URL(pageB.url()).pathname;
  await contextB.close();

  // Partner A asks for the same address: not found, and the name is nowhere in its list.
  const contextA = await browser.newContext();
  const pageA = await contextA.newPage();
  await loginAs(pageA, "partnerA");
  const response = await pageA.goto(prospectUrl);
  expect(response?.status()).toBe(404);
  await expect(pageA.getByRole("heading", { name: "Page introuvable" })).toBeVisible();
  await expect(pageA.getByText(name)).toHaveCount(0);

  await pageA.goto(`/prospects?q=${encodeURIComponent(name)}`);
  await expect(pageA.getByText("Aucun prospect", { exact: true })).toBeVisible();
  await expect(pageA.getByText("Aucun prospect ne correspond à votre recherche.")).toBeVisible();
  await expect(pageA.getByRole("link", { name })).toHaveCount(0);
  await contextA.close();
});
