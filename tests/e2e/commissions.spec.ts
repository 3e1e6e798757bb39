import { expect, test, type Page } from "@playwright/test";
import { extractPdfText } from "../support/pdf-text";
import { DEMO, DEMO_PASSWORD, fillLogin, type DemoRole } from "./support/auth";

// Issue 10 end to end: the platform finances an invoice of a partner's client through the API,
// the partner sees it on the dashboard, an admin prepares and validates the month's statement
// from the browser, and the partner downloads the PDF of record.
const PARTNER_ORG = "Cabinet Durand Expertise Comptable";

function parisMonth(): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris", year: "numeric", month: "2-digit" }).format(new Date()).slice(0, 7);
}

// loginAs with room for a slow sign-in (password hashing on a loaded machine).
async function loginAs(page: Page, role: DemoRole) {
  await page.goto("/login");
  await fillLogin(page, DEMO[role].email, DEMO_PASSWORD);
  await expect(page.getByRole("heading", { name: "Tableau de bord", level: 1 })).toBeVisible({ timeout: 60_000 });
}

// "1 234,56 €" → 123456 (cents).
function cents(text: string): number {
  const digits = text.replace(/[^\d,-]/g, "").replace(",", ".");
  return Math.round(Number(digits) * 100);
}

async function monthCard(page: Page): Promise<number> {
  const card = page.getByRole("region", { name: "Mes commissions" });
  await expect(card).toBeVisible();
  return cents(await card.getByTestId("commission-month").innerText());
}

test("a financed invoice earns the partner a commission, settled in a validated statement it downloads", async ({ browser, baseURL }) => {
  test.setTimeout(300_000);
  const invoiceNumber = `E2E-${Date.now()}`;
  const month = parisMonth();

  // --- Admin: an API key for the platform, and a client of the partner's organisation --------
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await loginAs(admin, "admin");
  await admin.goto("/admin/api-keys");
  await admin.getByLabel("Nom de la clé").fill("Plateforme (e2e commissions)");
  await admin.getByRole("button", { name: "Créer une clé" }).click();
  const key = (await admin.getByTestId("new-api-key").innerText()).trim();
  await admin.goto("/prospects?stage=CLIENT");
  await admin.getByRole("row").filter({ hasText: PARTNER_ORG }).first().getByRole("link").first().click();
  await expect(admin.getByTestId("prospect-earner")).toContainText(`${PARTNER_ORG} perçoit 1,50`);
  const clientName = (await admin.getByRole("heading", { level: 1 }).innerText()).trim();
  const clientSiren = (await admin.getByText(/^SIREN [\d\s]{9,11}$/).innerText()).replace(/\D/g, "");

  // --- Partner: the dashboard card before -------------------------------------------------------
  const partnerContext = await browser.newContext();
  const partner = await partnerContext.newPage();
  await loginAs(partner, "partnerA");
  const before = await monthCard(partner);

  // --- The platform: invoice, then FINANCED ----------------------------------------------------
  const api = adminContext.request;
  const headers = { authorization: `Bearer ${key}`, "content-type": "application/json" };
  const ref = { clientSiren, supplierSiren: "732829320", number: invoiceNumber };
  const created = await api.post(`${baseURL}/api/v1/invoices`, {
    headers,
    data: { ...ref, supplierName: "Transports Martin", amountCents: 1_000_000, dueDate: "2027-06-30" },
  });
  expect(created.status()).toBe(201);
  const financed = await api.post(`${baseURL}/api/v1/invoices/status`, { headers, data: { ...ref, status: "FINANCED" } });
  expect(financed.status()).toBe(200);
  const spec = await api.get(`${baseURL}/api/v1/openapi.json`);
  expect((await spec.json()).paths).toHaveProperty("/connections");

  // --- Partner: 1,50 % of 10 000 € = 150 € more this month ----------------------------------------
  await partner.reload();
  expect((await monthCard(partner)) - before).toBe(15_000);
  await partner.getByRole("region", { name: "Mes commissions" }).getByRole("link", { name: "Voir le détail" }).click();
  await expect(partner.getByRole("heading", { name: "Mes commissions", level: 1 })).toBeVisible();
  const line = partner.getByRole("row").filter({ hasText: invoiceNumber });
  await expect(line).toContainText(clientName);
  await expect(line).toContainText("150,00");

  // --- Admin: prepare and validate the month's statement -------------------------------------
  await admin.goto("/admin/releves");
  await admin.getByLabel("Mois à préparer").fill(month);
  await admin.getByRole("button", { name: "Préparer les relevés" }).click();
  await expect(admin.getByText(/relevé\(s\) en préparation/)).toBeVisible();
  await admin.goto(`/admin/releves?mois=${month}&statut=DRAFT`);
  await admin.getByRole("link", { name: new RegExp(`: ${PARTNER_ORG}`) }).click();
  await expect(admin.getByRole("row").filter({ hasText: invoiceNumber })).toBeVisible();
  await admin.getByRole("button", { name: "Valider le relevé" }).click();
  const dialog = admin.getByRole("dialog");
  await dialog.getByRole("button", { name: "Valider", exact: true }).click();
  await expect(dialog).toBeHidden();
  const title = admin.getByRole("heading", { level: 1, name: /^Relevé REL-\d{4}-\d{4}/ });
  await expect(title).toBeVisible();
  const number = /REL-\d{4}-\d{4}/.exec(await title.innerText())![0];
  await adminContext.close();

  // --- Partner: the validated statement and its PDF --------------------------------------------
  await partner.goto("/commissions");
  const row = partner.getByRole("row").filter({ hasText: number });
  await expect(row).toContainText("Validé");
  const link = row.getByRole("link", { name: `Télécharger le PDF du relevé ${number}` });
  const href = await link.getAttribute("href");
  const pdf = await partner.request.get(`${baseURL}${href}`);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  const { text } = await extractPdfText(await pdf.body());
  expect(text).toContain(number);
  expect(text).toContain(clientName);
  expect(text).toContain(invoiceNumber);
  expect(text).toContain("150,00 €");
  await partnerContext.close();

  // --- Another organisation: the same address is a 404, and none of it shows on its page -------
  const otherContext = await browser.newContext();
  const other = await otherContext.newPage();
  await loginAs(other, "partnerB");
  expect((await other.request.get(`${baseURL}${href}`)).status()).toBe(404);
  await other.goto("/commissions");
  await expect(other.getByRole("heading", { name: "Mes commissions", level: 1 })).toBeVisible();
  await expect(other.getByText(number)).toHaveCount(0);
  await expect(other.getByText(invoiceNumber)).toHaveCount(0);
  await otherContext.close();
});
