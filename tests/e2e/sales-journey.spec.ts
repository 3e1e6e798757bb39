import { expect, test } from "@playwright/test";
import { pdfText } from "../support/pdf-text";
import { loginAs } from "./support/auth";
import { waitForMail } from "./support/mail";

// The seed document 003, sections 2 to 6, for a sales user: an opportunity, a call marked « Fait »
// and chained to a meeting, the chain walked with « « » and « » », the parent opportunity, an
// offer with two lines validated and e-mailed as a PDF, and the « Historique » tab.
test("sales user runs an opportunity from the first call to the offer e-mailed as a PDF", async ({ page }) => {
  test.setTimeout(180_000);
  await loginAs(page, "sales");

  // A prospect of the demo portfolio.
  await page.getByRole("banner").getByRole("link", { name: "Prospects", exact: true }).click();
  await page.getByRole("row").nth(1).getByRole("link").first().click();
  await expect(page).toHaveURL(/\/prospects\/[^/?]+/);
  const prospectPath = new URL(page.url()).pathname;
  const prospectName = (await page.getByRole("heading", { level: 1 }).textContent())!.trim();

  // « Actions » tab: a new opportunity.
  await page.getByRole("tab", { name: "Actions" }).click();
  const title = `Programme fournisseurs E2E ${Date.now()}`;
  const newOpportunity = page.getByRole("form", { name: "Nouvelle opportunité" });
  await newOpportunity.getByLabel("Titre").fill(title);
  await newOpportunity.getByLabel("Montant").fill("25 000");
  await newOpportunity.getByLabel("Étape").selectOption({ label: "Qualification" });
  await newOpportunity.getByLabel("Date de clôture prévue").fill("15/01/2027");
  await newOpportunity.getByRole("button", { name: "Créer l'opportunité" }).click();

  // Created, it opens; back on the file, the « lunettes » open it again.
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await page.getByRole("navigation", { name: "Fil d’Ariane" }).getByRole("link", { name: `← ${prospectName}` }).click();
  await page.getByRole("link", { name: `Voir l'opportunité ${title}` }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  const opportunityPath = new URL(page.url()).pathname;

  // A nested call.
  const addNested = page.getByRole("form", { name: "Ajouter une action à l'opportunité" });
  await addNested.getByLabel("Type").selectOption({ label: "Appel téléphonique" });
  await addNested.getByLabel("Date et heure").fill("01/12/2026");
  await addNested.getByLabel("Heure", { exact: true }).fill("10:00");
  await addNested.getByLabel("Objet").fill("Appel de qualification E2E");
  await addNested.getByRole("button", { name: "Ajouter l'action" }).click();
  await page.getByRole("link", { name: "Voir l'action Appel de qualification E2E" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Appel de qualification E2E" })).toBeVisible();
  const callPath = new URL(page.url()).pathname;

  // « Fait »: the outcome, and a meeting chained at once.
  await page.getByRole("checkbox", { name: "Fait", exact: true }).check();
  const finish = page.getByRole("form", { name: "Terminer l'action" });
  await finish.getByLabel("Résultat").fill("Besoin confirmé, rendez-vous pris.");
  await expect(finish.getByRole("checkbox", { name: "Enchaîner une action" })).toBeChecked();
  const next = finish.getByRole("group", { name: "Action suivante" });
  await next.getByLabel("Type").selectOption({ label: "Rendez-vous" });
  await next.getByLabel("Objet").fill("Rendez-vous de présentation E2E");
  await finish.getByRole("button", { name: "Enregistrer", exact: true }).click();
  await expect(page.getByText("Action faite. L'action suivante a été créée.")).toBeVisible();

  // « » » to the meeting, « « » back to the call, then « Montrer action parent ».
  await page.getByRole("link", { name: "Action suivante" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Rendez-vous de présentation E2E" })).toBeVisible();
  // The meeting moves to another day through « Modifier l'action ».
  await page.getByRole("button", { name: "Modifier l'action", exact: true }).click();
  const edit = page.getByRole("form", { name: "Modifier l'action" });
  await edit.getByLabel("Date et heure").fill("08/12/2026");
  await edit.getByLabel("Heure", { exact: true }).fill("14:30");
  await edit.getByRole("button", { name: "Enregistrer les modifications" }).click();
  await expect(edit.getByText("Action modifiée.")).toBeVisible();
  await expect(page.getByText("08/12/2026 14:30").first()).toBeVisible();
  await page.getByRole("link", { name: "Action précédente" }).click();
  await expect(page).toHaveURL(new RegExp(`${callPath}$`));
  await expect(page.getByRole("checkbox", { name: "Fait", exact: true })).toBeChecked();
  await page.getByRole("link", { name: "Montrer action parent" }).click();
  await expect(page).toHaveURL(new RegExp(`${opportunityPath}$`));

  // « Faire une offre », tab « Devis », two lines.
  await addNested.getByLabel("Type").selectOption({ label: "Faire une offre" });
  await addNested.getByLabel("Date et heure").fill("02/12/2026");
  await addNested.getByLabel("Heure", { exact: true }).fill("09:00");
  await addNested.getByLabel("Objet").fill("Proposition commerciale E2E");
  await addNested.getByRole("button", { name: "Ajouter l'action" }).click();
  await expect(page).toHaveURL(/\/actions\/[^/?]+\?onglet=devis/);
  await expect(page.getByRole("link", { name: "Devis", exact: true })).toHaveAttribute("aria-current", "page");
  await expect(page.getByText(`Client : Prospect — ${prospectName}`)).toBeVisible();
  const quote = page.getByRole("form", { name: "Devis (brouillon)" });
  await quote.getByLabel(/^Désignation \(ligne 1\)/).fill("Mise en place du programme");
  await quote.getByLabel(/^Quantité \(ligne 1\)/).fill("1");
  await quote.getByLabel(/^Prix unitaire HT \(ligne 1\)/).fill("1 500,00");
  await quote.getByRole("button", { name: "Ajouter une ligne" }).click();
  await quote.getByLabel(/^Désignation \(ligne 2\)/).fill("Accompagnement <b>fournisseurs</b>");
  await quote.getByLabel(/^Quantité \(ligne 2\)/).fill("2,5");
  await quote.getByLabel(/^Prix unitaire HT \(ligne 2\)/).fill("400");
  // 1 500 + 2,5 × 400 = 2 500 HT; at 20 % VAT, 3 000,00 TTC.
  await expect(quote.getByText(/3\s000,00\s€/).first()).toBeVisible();
  await quote.getByRole("button", { name: "Enregistrer le brouillon" }).click();
  await expect(page.getByText("Le brouillon a été enregistré.")).toBeVisible();
  await quote.getByRole("button", { name: "Valider l'offre" }).click();
  const confirm = page.getByRole("dialog", { name: "Valider l'offre ?" });
  const recipient = (await confirm.textContent())!.match(/[\w.+-]+@[\w.-]+\.[a-z]{2,}/i)![0];
  await confirm.getByRole("button", { name: "Valider l'offre" }).click();
  const numberHeading = page.getByRole("heading", { name: /^Devis DEV-\d{4}-\d{4}/ });
  await expect(numberHeading).toBeVisible();
  const quoteNumber = (await numberHeading.textContent())!.match(/DEV-\d{4}-\d{4}/)![0];
  await expect(page.getByRole("link", { name: `Télécharger le PDF du devis ${quoteNumber}` })).toBeVisible();

  // The client's e-mail, with the PDF of the offer.
  const mail = await waitForMail((m) => m.to.some((to) => to.includes(recipient)) && (m.subject ?? "").includes(quoteNumber));
  const pdf = mail.attachments.find((a) => a.contentType === "application/pdf");
  expect(pdf).toBeDefined();
  const text = await pdfText(pdf!.path);
  expect(text).toContain(quoteNumber);
  expect(text).toMatch(/3\s000,00\s€/);
  expect(text).toContain(prospectName);

  // « Historique » lists the steps.
  await page.goto(`${prospectPath}?onglet=historique`);
  const history = page.getByRole("tabpanel", { name: "Historique" });
  await expect(history).toContainText(title);
  await expect(history).toContainText("Appel de qualification E2E");
  await expect(history).toContainText("Rendez-vous de présentation E2E");
  await expect(history).toContainText(quoteNumber);
});
