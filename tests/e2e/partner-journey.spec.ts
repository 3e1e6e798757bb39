import { expect, test } from "@playwright/test";
import { pdfBytes, pngBytes } from "../support/sample-files";
import { loginAs } from "./support/auth";
import { waitForMail } from "./support/mail";

// The seed document 000 end to end: the partner registers a client through the wizard, sets it
// « Prêt à démarrer », the sales team is alerted, and the client completes the onboarding link.
test("partner registers a prospect, sets it ready, sales are alerted, the client onboards once", async ({ browser }) => {
  test.setTimeout(180_000);

  // --- The partner -------------------------------------------------------------------------
  const partnerContext = await browser.newContext();
  const partner = await partnerContext.newPage();
  await loginAs(partner, "partnerA");
  await partner.getByRole("link", { name: "Ajouter un nouveau prospect" }).first().click();
  await expect(partner).toHaveURL(/\/prospects\/new/);

  // « Chercher une entreprise en ligne » against the local fake registry.
  await partner.getByRole("combobox", { name: /Nom de l'entreprise, SIREN/ }).fill("Transports Leroy");
  const result = partner.getByRole("option", { name: /TRANSPORTS LEROY/ });
  await expect(result).toBeVisible();
  await result.click();
  await expect(partner.getByRole("textbox", { name: /^SIREN/ })).toHaveValue(/529\s?876\s?542/);
  await expect(partner.getByLabel("N° de TVA intracommunautaire (facultatif)")).not.toHaveValue("");

  await partner.getByRole("tab", { name: "Adresse" }).click();
  await expect(partner.getByLabel("Ville")).not.toHaveValue("");

  // Two contacts; the first becomes favourite, then the favourite moves to the second.
  await partner.getByRole("tab", { name: "Contacts" }).click();
  await partner.getByRole("button", { name: "Ajouter un contact" }).click();
  const contactsPanel = partner.getByRole("tabpanel", { name: "Contacts" });
  const first = contactsPanel.getByRole("listitem").nth(0);
  await first.getByLabel(/^Nom/).fill("Leroy");
  await first.getByLabel("Prénom").fill("Martine");
  await first.getByLabel("Téléphone fixe").fill("01 42 68 53 00");
  await first.getByLabel("Adresse e-mail").fill("martine.leroy@transports-leroy.test");
  await partner.getByRole("button", { name: "Ajouter un contact" }).click();
  const second = contactsPanel.getByRole("listitem").nth(1);
  await second.getByLabel(/^Nom/).fill("Dubois");
  await second.getByLabel("Prénom").fill("Karim");
  await second.getByLabel("Téléphone fixe").fill("+33 4 78 00 00 01");
  await second.getByLabel("Adresse e-mail").fill("karim.dubois@transports-leroy.test");
  await expect(first.getByLabel("Contact favori")).toBeChecked();
  await second.getByLabel("Contact favori").check();
  await expect(first.getByLabel("Contact favori")).not.toBeChecked();

  await partner.getByRole("button", { name: "Enregistrer le prospect" }).click();
  await expect(partner).toHaveURL(/\/prospects\/(?!new)[^/?]+/);
  const prospectPath = new URL(partner.url()).pathname;

  // « Pièces jointes »: the last balance sheet as a PDF.
  await partner.getByRole("tab", { name: "Pièces jointes" }).click();
  await partner.getByLabel("Fichier").setInputFiles({ name: "bilan-2025.pdf", mimeType: "application/pdf", buffer: pdfBytes() });
  await partner.getByRole("button", { name: "Joindre le fichier" }).click();
  await expect(partner.getByRole("link", { name: "bilan-2025.pdf" })).toBeVisible();

  // « Prêt à démarrer », save, confirm with « Oui ».
  await partner.getByRole("tab", { name: "Suivi du dossier" }).click();
  await partner.getByRole("radio", { name: /^Prêt à démarrer/ }).check();
  await partner.getByRole("button", { name: "Enregistrer les modifications" }).click();
  const dialog = partner.getByRole("dialog");
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Oui" }).click();
  await expect(dialog).toBeHidden();
  await expect(partner.getByText("Toutes les modifications sont enregistrées.")).toBeVisible();
  await partnerContext.close();

  // --- The internal sales team ---------------------------------------------------------------
  const salesContext = await browser.newContext();
  const sales = await salesContext.newPage();
  await loginAs(sales, "sales");
  await expect(sales.getByRole("link", { name: /Notifications, \d+ non lues?/ })).toBeVisible();
  await sales.getByRole("banner").getByRole("link", { name: "Dossiers prêts à démarrer" }).click();
  await expect(sales.getByRole("heading", { name: "Dossiers prêts à démarrer", level: 1 })).toBeVisible();
  const row = sales.getByRole("row", { name: /Transports Leroy|TRANSPORTS LEROY/ });
  await expect(row).toBeVisible();
  await expect(row).toContainText("Cabinet Durand Expertise Comptable");
  await salesContext.close();

  const alert = await waitForMail((m) => m.to.some((t) => t.includes("equipe-commerciale@exemple.test")));
  expect(alert.subject ?? "").toMatch(/Prêt à démarrer/i);

  // --- The client, from the link in its e-mail -----------------------------------------------
  const invitation = await waitForMail((m) => m.to.some((t) => t.includes("karim.dubois@transports-leroy.test")));
  const link = invitation.links.find((l) => /\/onboarding\/[A-Za-z0-9_-]{20,}/.test(l));
  expect(link, "the e-mail carries the single-use link").toBeTruthy();

  const clientContext = await browser.newContext({ viewport: { width: 375, height: 800 } });
  const client = await clientContext.newPage();
  await client.goto(link!);
  await expect(client).toHaveURL(/\/onboarding$/);
  await expect(client.getByRole("heading", { name: "Finalisez votre inscription" })).toBeVisible();
  await client.getByLabel("Prénom du représentant légal").fill("Karim");
  await client.getByLabel("Nom du représentant légal", { exact: true }).fill("Dubois");
  await client.getByRole("button", { name: "Continuer" }).click();
  await client.getByLabel("Pièce d'identité du représentant légal").setInputFiles({ name: "cni.png", mimeType: "image/png", buffer: pngBytes() });
  await client.getByLabel("Extrait Kbis").setInputFiles({ name: "kbis.pdf", mimeType: "application/pdf", buffer: pdfBytes() });
  await client.getByLabel("RIB").setInputFiles({ name: "rib.pdf", mimeType: "application/pdf", buffer: pdfBytes() });
  await client.getByRole("button", { name: "Continuer" }).click();
  await client.getByLabel(/Je certifie l'exactitude/).check();
  await client.getByRole("button", { name: "Envoyer mon dossier" }).click();
  await expect(client).toHaveURL(/\/onboarding\/merci/);

  // The link is single-use.
  await client.goto(link!);
  await expect(client.getByText("Ce lien n'est plus valide.", { exact: false })).toBeVisible();
  await clientContext.close();

  // --- Another partner sees none of it --------------------------------------------------------
  const otherContext = await browser.newContext();
  const other = await otherContext.newPage();
  await loginAs(other, "partnerB");
  const response = await other.goto(prospectPath);
  expect(response?.status()).toBe(404);
  await other.goto("/prospects?q=Leroy");
  await expect(other.getByText("Aucun prospect", { exact: true })).toBeVisible();
  await otherContext.close();
});
