import { expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "Demo-CRM-2026";

export const DEMO = {
  admin: { email: "admin@demo.fr", name: "Sophie Bernard" },
  manager: { email: "manager@demo.fr", name: "Marc Lemoine" },
  sales: { email: "commercial@demo.fr", name: "Julie Petit" },
  partnerA: { email: "partenaire@demo.fr", name: "Claire Durand" },
  partnerB: { email: "conseil@demo.fr", name: "Nadia Lefèvre" },
} as const;

export type DemoRole = keyof typeof DEMO;

export async function fillLogin(page: Page, email: string, password: string) {
  await page.getByLabel("Adresse e-mail").fill(email);
  await page.getByLabel("Mot de passe").fill(password);
  await page.getByRole("button", { name: "Se connecter" }).click();
}

// Signs in through the real form and waits for the dashboard.
export async function loginAs(page: Page, role: DemoRole) {
  await page.goto("/login");
  await fillLogin(page, DEMO[role].email, DEMO_PASSWORD);
  await expect(page.getByRole("heading", { name: "Tableau de bord", level: 1 })).toBeVisible();
}
