import { expect, test, type BrowserContext, type Page } from "@playwright/test";
import { Secret, TOTP } from "otpauth";
import { DEMO, fillLogin, loginAs } from "./support/auth";
import { waitForMail } from "./support/mail";

// Every page of the tour must carry the CSP, and the browser must report no violation of it.
const cspViolations: string[] = [];
const pagesWithoutCsp: string[] = [];

function watchCsp(page: Page) {
  page.on("console", (message) => {
    if (/Content Security Policy|Content-Security-Policy/i.test(message.text())) cspViolations.push(`${page.url()}: ${message.text()}`);
  });
  page.on("response", (response) => {
    if (response.request().resourceType() !== "document" || response.status() >= 300) return;
    const csp = response.headers()["content-security-policy"] ?? "";
    if (!/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/.test(csp) || !csp.includes("frame-ancestors 'none'")) pagesWithoutCsp.push(response.url());
  });
}

async function newWatchedPage(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  watchCsp(page);
  return page;
}

const STRONG_PASSWORD = "girafe lampadaire orchestre tiède";
const run = Date.now().toString(36);

// Invites a user from the admin pages and returns the link of the invitation e-mail.
async function invite(admin: Page, user: { email: string; name: string; role: string; organisation?: string }) {
  await admin.goto("/admin/utilisateurs/nouveau");
  await admin.getByLabel("Adresse e-mail").fill(user.email);
  await admin.getByLabel("Nom", { exact: true }).fill(user.name);
  await admin.getByLabel("Rôle").selectOption({ label: user.role });
  if (user.organisation) await admin.getByLabel("Organisation").selectOption({ label: user.organisation });
  await admin.getByRole("button", { name: "Envoyer l'invitation" }).click();
  await expect(admin.getByRole("status").filter({ hasText: `Invitation envoyée à ${user.email}` })).toBeVisible();
  const mail = await waitForMail((m) => m.to.some((t) => t.includes(user.email)));
  const link = mail.links.find((l) => /\/acces\/[A-Za-z0-9_-]{43}$/.test(l));
  expect(link, "the invitation carries its single-use link").toBeTruthy();
  return link!;
}

async function choosePassword(page: Page, link: string) {
  await page.goto(link);
  await expect(page).toHaveURL(/\/acces$/);
  await page.getByLabel("Nouveau mot de passe").fill(STRONG_PASSWORD);
  await expect(page.getByText(/ce mot de passe convient/)).toBeVisible();
  await page.getByLabel("Confirmez le mot de passe").fill(STRONG_PASSWORD);
  await page.getByRole("button", { name: "Enregistrer mon mot de passe" }).click();
  await expect(page.getByRole("status")).toContainText("Votre mot de passe est enregistré");
  // Single use: the same link now lands on the « no longer valid » page.
  await page.goto(link);
  await expect(page.getByRole("heading", { name: "Lien non valable" })).toBeVisible();
}

test("an admin brings in an organisation and a partner user, who sees its terms, until deactivated", async ({ browser }) => {
  test.setTimeout(180_000);
  const adminContext = await browser.newContext();
  const admin = await newWatchedPage(adminContext);
  await loginAs(admin, "admin");

  const orgName = `Cabinet Essai ${run}`;
  await admin.goto("/admin/partenaires");
  await admin.getByRole("link", { name: "Nouvelle organisation" }).click();
  await admin.getByLabel("Nom de l'organisation").fill(orgName);
  await admin.getByLabel("Ville").fill("Lyon");
  await admin.getByLabel("Taux de commission (%)").fill("1,25");
  await admin.getByLabel("Date de début").fill("01/01/2026");
  await admin.getByLabel("Notes").fill("Convention signée en décembre.");
  await admin.getByRole("button", { name: "Créer l'organisation" }).click();
  await expect(admin.getByRole("heading", { name: orgName, level: 1 })).toBeVisible();
  await expect(admin.getByRole("region", { name: "Convention partenaire" }).getByRole("cell", { name: "1,25 %" })).toBeVisible();
  await expect(admin.getByRole("region", { name: "Historique" })).toContainText("Création de l'organisation");

  const partnerEmail = `nina.${run}@cabinet-essai.test`;
  const link = await invite(admin, { email: partnerEmail, name: "Nina Essai", role: "Partenaire", organisation: orgName });

  const partnerContext = await browser.newContext();
  const partner = await newWatchedPage(partnerContext);
  await choosePassword(partner, link);
  await partner.goto("/login");
  await fillLogin(partner, partnerEmail, STRONG_PASSWORD);
  await expect(partner.getByRole("heading", { name: "Tableau de bord", level: 1 })).toBeVisible();
  await partner.getByRole("banner").getByRole("button", { name: /Nina Essai/ }).click();
  await partner.getByRole("link", { name: "Mon organisation" }).click();
  await expect(partner.getByRole("heading", { name: "Mon organisation", level: 1 })).toBeVisible();
  await expect(partner.getByRole("region", { name: "Convention partenaire" })).toContainText("1,25 %");

  // The admin deactivates the user: the partner's open page is signed out at its next click.
  await admin.getByRole("link", { name: "← Utilisateurs" }).click();
  await admin.getByRole("searchbox", { name: "Recherche" }).fill(partnerEmail);
  await admin.getByRole("button", { name: "Filtrer" }).click();
  await admin.getByRole("link", { name: "Nina Essai" }).click();
  await admin.getByRole("button", { name: "Désactiver" }).click();
  await admin.getByRole("dialog").getByRole("button", { name: "Désactiver" }).click();
  await expect(admin.getByText("Désactivé", { exact: true })).toBeVisible();

  await partner.getByRole("navigation", { name: "Menu principal" }).getByRole("link", { name: "Prospects" }).click();
  await expect(partner).toHaveURL(/\/login/);

  await adminContext.close();
  await partnerContext.close();
});

test("a manager enrols a second factor and signs in with a code", async ({ browser }) => {
  test.setTimeout(180_000);
  const adminContext = await browser.newContext();
  const admin = await newWatchedPage(adminContext);
  await loginAs(admin, "admin");
  const email = `marc.${run}@exemple.test`;
  const link = await invite(admin, { email, name: "Marc Double", role: "Manager" });
  await adminContext.close();

  const context = await browser.newContext();
  const page = await newWatchedPage(context);
  await choosePassword(page, link);
  await page.goto("/login");
  await fillLogin(page, email, STRONG_PASSWORD);
  await expect(page.getByRole("heading", { name: "Tableau de bord", level: 1 })).toBeVisible();

  await page.goto("/compte");
  await page.getByRole("link", { name: "Activer la double authentification" }).click();
  await page.getByRole("button", { name: "Commencer" }).click();
  await expect(page.getByRole("img", { name: /Code QR/ })).toBeVisible();
  const secret = (await page.getByTestId("totp-secret").textContent())!.trim();
  const totp = new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30, algorithm: "SHA1" });
  await page.getByLabel("Code de vérification").fill(totp.generate());
  await page.getByRole("button", { name: "Activer la double authentification" }).click();
  await expect(page.getByRole("list", { name: "Codes de secours" }).getByRole("listitem")).toHaveCount(10);
  await page.getByRole("link", { name: /J'ai noté mes codes/ }).click();

  await page.getByRole("banner").getByRole("button", { name: /Marc Double/ }).click();
  await page.getByRole("button", { name: "Se déconnecter" }).click();
  await expect(page).toHaveURL(/\/login/);

  await fillLogin(page, email, STRONG_PASSWORD);
  await expect(page.getByRole("main").getByRole("alert")).toContainText("Saisissez le code à 6 chiffres");
  // The next time step: the enrolment code's own step may not be used twice.
  await page.getByLabel("Code de vérification").fill(totp.generate({ timestamp: Date.now() + 30_000 }));
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page.getByRole("heading", { name: "Tableau de bord", level: 1 })).toBeVisible();
  await context.close();
});

test("a session cookie copied before « Se déconnecter » is dead afterwards", async ({ browser }) => {
  const context = await browser.newContext();
  const page = await newWatchedPage(context);
  await loginAs(page, "sales");
  const copied = await context.cookies();
  expect(copied.some((c) => c.name.includes("next-auth.session-token") && c.httpOnly && c.sameSite === "Lax")).toBe(true);

  await page.getByRole("banner").getByRole("button", { name: new RegExp(DEMO.sales.name) }).click();
  await page.getByRole("button", { name: "Se déconnecter" }).click();
  await expect(page).toHaveURL(/\/login/);

  const thief = await browser.newContext();
  await thief.addCookies(copied);
  const stolen = await newWatchedPage(thief);
  await stolen.goto("/prospects");
  await expect(stolen).toHaveURL(/\/login/);
  await expect(stolen.getByRole("heading", { name: "Connexion" })).toBeVisible();
  await thief.close();
  await context.close();
});

test("the pages send the security headers and the state-changing GETs are gone", async ({ page, request }) => {
  watchCsp(page);
  await loginAs(page, "manager");
  const response = await page.goto("/prospects");
  const headers = response!.headers();
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["permissions-policy"]).toContain("camera=()");
  expect(headers["content-security-policy"]).toContain("object-src 'none'");
  expect(headers["content-security-policy"]).toContain("base-uri 'none'");
  await page.goto("/mot-de-passe-oublie");
  await page.getByLabel("Adresse e-mail").fill("personne@exemple.test");
  await page.getByRole("button", { name: "Recevoir un lien" }).click();
  await expect(page.getByRole("status")).toContainText("Si un compte actif correspond à cette adresse");

  // GET no longer marks anything: the toasts and the notification links only answer POST.
  expect((await request.get("/api/notifications/toasts")).status()).toBe(405);

  expect(pagesWithoutCsp, "every page of the tour carries the nonce-based CSP").toEqual([]);
  expect(cspViolations, "no CSP violation in the browser console").toEqual([]);
});

test.afterAll(() => {
  expect(cspViolations, "no CSP violation in the browser console").toEqual([]);
  expect(pagesWithoutCsp).toEqual([]);
});

test.describe.configure({ mode: "serial" });
