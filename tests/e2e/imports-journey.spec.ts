import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { portfolioCsv, portfolioRow } from "../factories/imports";
import { pdfBytes, pngBytes } from "../support/sample-files";
import { loginAs } from "./support/auth";
import { waitForMail } from "./support/mail";

// Issue 13 end to end: a partner imports its portfolio (50 rows, 3 to fix, 2 duplicates), sets
// one imported file « Prêt à démarrer »; the client corrects its address through the link; the
// sales rep accepts the correction in « Corrections du client » and the file shows it.
test("a partner imports a 50-row CSV, and a client's address correction reaches the file after review", async ({ browser }) => {
  test.setTimeout(240_000);

  const rows = Array.from({ length: 45 }, () => portfolioRow());
  rows.splice(3, 0, portfolioRow({ SIREN: "123456789" })); // row 5: bad SIREN key
  rows.splice(10, 0, portfolioRow({ "E-mail": "pas-un-mail" })); // row 12: bad e-mail
  rows.splice(20, 0, portfolioRow({ "Téléphone fixe": "" })); // row 22: contact without landline
  rows.push({ ...portfolioRow(), SIREN: rows[0]!.SIREN! }); // row 50: same SIREN as row 2
  rows.push({ ...rows[1]! }); // row 51: row 3 again
  expect(rows).toHaveLength(50);

  // --- The partner imports its portfolio -------------------------------------------------------
  const partnerContext = await browser.newContext();
  const partner = await partnerContext.newPage();
  await loginAs(partner, "partnerA");
  await partner.goto("/prospects");
  await partner.getByRole("link", { name: "Importer des prospects" }).click();
  await expect(partner.getByRole("heading", { name: "Importer des prospects", level: 1 })).toBeVisible();
  await partner.getByLabel("Fichier à importer").setInputFiles({ name: "portefeuille.csv", mimeType: "text/csv", buffer: Buffer.from(portfolioCsv(rows), "utf8") });
  await expect(partner.getByText("50 ligne(s) de données")).toBeVisible();
  await expect(partner.getByRole("combobox", { name: "Champ pour la colonne « Raison sociale »" })).toHaveValue("legalName");
  await expect(partner.getByRole("combobox", { name: "Champ pour la colonne « Téléphone fixe »" })).toHaveValue("contactLandline");

  await partner.getByRole("button", { name: "Vérifier les lignes" }).click();
  const preview = partner.getByRole("region", { name: "2. Aperçu et validation" });
  await expect(preview).toContainText("45 ligne(s) valide(s) · 3 à corriger · 2 doublon(s)");
  await expect(preview.getByRole("row", { name: /^5 .*SIREN : / })).toBeVisible();
  await expect(preview.getByRole("row", { name: /^50 .*Doublon de la ligne 2 du fichier/ })).toBeVisible();

  await partner.getByRole("button", { name: "Importer 45 prospect(s)" }).click();
  await expect(partner).toHaveURL(/\/prospects\/importer\/[^/]+$/);
  await expect(partner.getByRole("heading", { name: "Terminé" })).toBeVisible({ timeout: 60_000 });
  // The progress is read from the database: a reload shows the same.
  await partner.reload();
  await expect(partner.getByRole("progressbar", { name: "Progression de l'import" })).toHaveAttribute("aria-valuenow", "50");
  await expect(partner.getByText("Créés", { exact: true }).locator("..")).toContainText("45");

  const downloading = partner.waitForEvent("download");
  await partner.getByRole("link", { name: "Télécharger le rapport (CSV)" }).click();
  const report = readFileSync(await (await downloading).path(), "utf8");
  const notCreated = report.split("\r\n").filter((line) => /;(Ignoré|Refusé);/.test(line));
  expect(notCreated.map((line) => Number(line.split(";")[0]))).toEqual([5, 12, 22, 50, 51]);

  // One imported file goes « Prêt à démarrer »: its contact receives the onboarding link.
  const client = rows[5]!;
  await partner.goto(`/prospects?q=${encodeURIComponent(client["Raison sociale"]!)}`);
  await partner.getByRole("link", { name: client["Raison sociale"]! }).click();
  await expect(partner).toHaveURL(/\/prospects\/(?!importer)[^/?]+$/);
  const prospectPath = new URL(partner.url()).pathname;
  await partner.getByRole("tab", { name: "Suivi du dossier" }).click();
  await partner.getByRole("radio", { name: /^Prêt à démarrer/ }).check();
  await partner.getByRole("button", { name: "Enregistrer les modifications" }).click();
  await partner.getByRole("dialog").getByRole("button", { name: "Oui" }).click();
  await expect(partner.getByText("Toutes les modifications sont enregistrées.")).toBeVisible();
  await partnerContext.close();

  // --- The client corrects its address through the link -------------------------------------
  const invitation = await waitForMail((m) => m.to.some((t) => t.includes(client["E-mail"]!)));
  const link = invitation.links.find((l) => /\/onboarding\/[A-Za-z0-9_-]{20,}/.test(l));
  expect(link).toBeTruthy();
  const clientContext = await browser.newContext();
  const page = await clientContext.newPage();
  await page.goto(link!);
  await page.getByLabel("Adresse du siège").fill("12 quai Saint-Vincent");
  await page.getByRole("button", { name: "Continuer" }).click();
  await page.getByLabel("Pièce d'identité du représentant légal").setInputFiles({ name: "cni.png", mimeType: "image/png", buffer: pngBytes() });
  await page.getByLabel("Extrait Kbis").setInputFiles({ name: "kbis.pdf", mimeType: "application/pdf", buffer: pdfBytes() });
  await page.getByLabel("RIB").setInputFiles({ name: "rib.pdf", mimeType: "application/pdf", buffer: pdfBytes() });
  await page.getByRole("button", { name: "Continuer" }).click();
  await page.getByLabel(/Je certifie l'exactitude/).check();
  await page.getByRole("button", { name: "Envoyer mon dossier" }).click();
  await expect(page).toHaveURL(/\/onboarding\/merci/);
  await clientContext.close();

  // --- The sales rep reviews it ----------------------------------------------------------------
  const salesContext = await browser.newContext();
  const sales = await salesContext.newPage();
  await loginAs(sales, "sales");
  await sales.goto("/dossiers-prets");
  await expect(sales.getByRole("row", { name: new RegExp(client["Raison sociale"]!) })).toContainText("1 correction à valider");
  await sales.goto(prospectPath);
  const block = sales.getByRole("region", { name: "Corrections du client" });
  await expect(block).toContainText("Adresse");
  await expect(block).toContainText("12 quai Saint-Vincent");
  await block.getByRole("button", { name: "Accepter la correction : Adresse" }).click();
  await expect(sales.getByRole("region", { name: "Corrections du client" })).toBeHidden();
  await sales.getByRole("tab", { name: "Adresse" }).click();
  await expect(sales.getByRole("textbox", { name: "Adresse", exact: true })).toHaveValue("12 quai Saint-Vincent");
  await salesContext.close();
});
