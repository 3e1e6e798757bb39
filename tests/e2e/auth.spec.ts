import { expect, test } from "@playwright/test";
import { DEMO, DEMO_PASSWORD, fillLogin, loginAs, type DemoRole } from "./support/auth";

const ROLE_LABEL: Record<DemoRole, string> = {
  admin: "Administrateur",
  manager: "Manager",
  sales: "Commercial",
  partnerA: "Partenaire",
  partnerB: "Partenaire",
};

for (const role of ["partnerA", "sales", "manager", "admin"] as const) {
  test(`signs in and out as ${role}`, async ({ page }) => {
    await loginAs(page, role);
    const header = page.getByRole("banner");
    const userMenu = header.getByRole("button", { name: new RegExp(`${DEMO[role].name}.*${ROLE_LABEL[role]}`) });
    await expect(userMenu).toBeVisible();
    await expect(page.getByRole("heading", { name: "Derniers clients" })).toBeVisible();

    await userMenu.click();
    await page.getByRole("button", { name: "Se déconnecter" }).click();
    await expect(page).toHaveURL(/\/login/);
    await page.goto("/prospects");
    await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fprospects/);
  });
}

test("a wrong password is refused with the generic message and keeps the e-mail", async ({ page }) => {
  await page.goto("/login");
  await fillLogin(page, DEMO.sales.email, "pas-le-bon-mot-de-passe");
  await expect(page.getByRole("main").getByRole("alert")).toContainText("E-mail ou mot de passe incorrect.");
  await expect(page.getByLabel("Adresse e-mail")).toHaveValue(DEMO.sales.email);
  await expect(page).toHaveURL(/\/login/);
});

test("an anonymous visitor is sent to sign in, then back to the page asked for", async ({ page }) => {
  await page.goto("/prospects?status=READY_TO_START");
  await expect(page).toHaveURL(/\/login\?callbackUrl=/);
  await fillLogin(page, DEMO.manager.email, DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/prospects\?status=READY_TO_START$/);
  await expect(page.getByRole("heading", { name: "Prospects", level: 1 })).toBeVisible();
});

test("an external callback URL is ignored after sign-in", async ({ page }) => {
  await page.goto("/login?callbackUrl=https%3A%2F%2Fevil.example%2F");
  await fillLogin(page, DEMO.sales.email, DEMO_PASSWORD);
  await expect(page.getByRole("heading", { name: "Tableau de bord", level: 1 })).toBeVisible();
  expect(new URL(page.url()).host).toBe(new URL(test.info().project.use.baseURL!).host);
});
