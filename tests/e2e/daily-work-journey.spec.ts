import { expect, test, type Locator, type Page } from "@playwright/test";
import { loginAs } from "./support/auth";
import { readMails, waitForMail } from "./support/mail";

// The seed document 003, sections 7 to 11: the manager's objectives board, the rep's calendar,
// a task reminder popping up at the bottom of the screen, and a mail-merge campaign.

// "2026-11-22T18:05" in Paris, `minutesAhead` from now, rounded up to the next whole minute.
function parisLocalInput(minutesAhead: number): { date: string; time: string } {
  const at = new Date(Math.ceil((Date.now() + minutesAhead * 60_000) / 60_000) * 60_000);
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-GB", {
      timeZone: "Europe/Paris",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  // As typed in the French date and time fields.
  return { date: `${parts.day}/${parts.month}/${parts.year}`, time: `${parts.hour}:${parts.minute}` };
}

// The column's own <section>: the innermost of those holding its heading (the widget's
// sections hold it too, and come first in document order).
function column(page: Page, label: string): Locator {
  return page.locator("section").filter({ has: page.getByRole("heading", { level: 3, name: label, exact: true }) }).last();
}

async function columnCount(page: Page, label: string): Promise<number> {
  const text = (await column(page, label).textContent()) ?? "";
  return Number(text.match(/(\d+)\s+opportunités?/)?.[1] ?? "0");
}

test("manager renames a column of the objectives board and moves a card with the keyboard", async ({ page }) => {
  await loginAs(page, "manager");
  await expect(page.getByRole("heading", { name: "Objectifs chiffrés", level: 2 })).toBeVisible();
  await page.getByLabel("Période").selectOption({ label: "Cette année" });
  await expect(page).toHaveURL(/periode=annee/);

  // « Le nombre de colonnes et les libellés de chacune d'elles sont éditables. »
  await page.getByRole("button", { name: "Modifier les colonnes" }).click();
  await page.getByLabel("Libellé de la colonne Proposition").fill("Proposition envoyée");
  await page.getByRole("button", { name: "Renommer la colonne Proposition" }).click();
  await expect(page.getByRole("heading", { level: 3, name: "Proposition envoyée", exact: true })).toBeVisible();

  // A card moved through its keyboard menu lands in the chosen column, and stays there.
  const card = page.getByRole("article").first();
  const mover = card.getByRole("button", { name: /^Déplacer « / });
  await mover.focus();
  await page.keyboard.press("Enter");
  const firstChoice = page.getByRole("menuitem").first();
  await expect(firstChoice).toBeFocused();
  const target = (await firstChoice.textContent())!.replace(/^Déplacer vers\s*/, "").trim();
  const before = await columnCount(page, target);
  await page.keyboard.press("Enter");
  await expect(page.getByText(new RegExp(`déplacée vers ${target}`))).toBeVisible();
  await page.reload();
  await expect.poll(() => columnCount(page, target)).toBe(before + 1);
});

test("rep creates an appointment in the calendar, in its type's colour, and a task reminder pops up", async ({ page }) => {
  test.setTimeout(240_000);
  await loginAs(page, "sales");

  // A reminder on the first open task, about a minute ahead (the field takes whole minutes).
  await page.getByRole("banner").getByRole("link", { name: "Tâches" }).click();
  await expect(page.getByRole("heading", { name: "Tâches", level: 1 })).toBeVisible();
  const reminderButton = page.getByRole("button", { name: /^Rappel de « / }).first();
  const subject = (await reminderButton.getAttribute("aria-label"))!.replace(/^Rappel de « (.*) »$/, "$1");
  await reminderButton.click();
  const reminderAt = parisLocalInput(0.5);
  await page.getByLabel("Date et heure du rappel").fill(reminderAt.date);
  await page.getByLabel("Heure", { exact: true }).fill(reminderAt.time);
  await page.getByRole("button", { name: "Enregistrer le rappel" }).click();
  await expect(page.getByText("Rappel enregistré.")).toBeVisible();

  // « Calendrier »: a video call created by clicking a slot of the week.
  await page.getByRole("banner").getByRole("link", { name: "Calendrier" }).click();
  await expect(page.getByRole("heading", { name: "Calendrier", level: 1 })).toBeVisible();
  await page.getByRole("button", { name: /^Nouveau rendez-vous le .* à 10:00$/ }).first().click();
  const dialog = page.getByRole("dialog", { name: "Nouveau rendez-vous" });
  await dialog.getByLabel("Type de rendez-vous").selectOption({ label: "Visioconférence" });
  await dialog.getByRole("combobox", { name: "Prospect" }).fill("a");
  await dialog.getByRole("listbox", { name: "Prospects" }).getByRole("option").first().click();
  await dialog.getByLabel("Objet").fill("Démonstration E2E");
  await dialog.getByRole("button", { name: "Créer le rendez-vous" }).click();
  await expect(page.getByText("Le rendez-vous a été créé.")).toBeVisible();
  const appointment = page.getByRole("link", { name: /Démonstration E2E.*Visioconférence/ });
  await expect(appointment).toBeVisible();
  // The type's colour (#7c3aed) on the appointment, and the type in the legend.
  const chip = page.locator("[data-appointment-id]").filter({ has: appointment });
  await expect(chip).toHaveCSS("background-color", "rgb(124, 58, 237)");
  await expect(page.getByRole("heading", { name: "Légende" })).toBeVisible();

  // The reminder's toast, at the bottom of the screen, without reloading the page.
  const toasts = page.getByRole("status", { name: "Rappels et notifications" });
  const toast = toasts.getByTestId("toast").filter({ hasText: `Rappel : ${subject}` });
  await expect(toast).toBeVisible({ timeout: 180_000 });
  const box = await toast.boundingBox();
  const viewport = page.viewportSize()!;
  expect(box!.y + box!.height).toBeGreaterThan(viewport.height * 0.6);
});

test("a campaign to three prospects arrives as three e-mails with merged names", async ({ page }) => {
  test.setTimeout(120_000);
  await loginAs(page, "sales");
  const marker = `E2E ${Date.now()}`;

  await page.getByRole("banner").getByRole("link", { name: "Campagnes" }).click();
  await page.getByRole("link", { name: "Nouvelle campagne" }).first().click();
  // 1. « Préparer le contenu du mail »
  await page.getByLabel("Nom de la campagne").fill(`Invitation ${marker}`);
  await page.getByLabel("Objet").fill(`Invitation ${marker} pour {{company}}`);
  await page.getByLabel("Message").fill("Bonjour {{civility}} {{lastName}},\n\nNous vous invitons à découvrir notre offre.\n\n{{senderName}}");
  await page.getByRole("button", { name: "Enregistrer et continuer" }).click();

  // 2. « Filtrer par clients/prospects concernés par le mail »: the three files ready to start
  // that are still prospects (one per partner in the demo data).
  await page.getByLabel("Statut", { exact: true }).selectOption({ label: "Prêt à démarrer" });
  await page.getByLabel("Étape", { exact: true }).selectOption({ label: "Prospect" });
  await expect(page.getByText("3 fiches concernées")).toBeVisible();
  await page.getByRole("button", { name: "Enregistrer les filtres" }).click();

  // 3. « Générer un type d'action et y insérer le contenu du mail »
  await page.getByRole("button", { name: "Générer le type d'action" }).click();
  // 4. « Enregistrer : l'ensemble des actions d'envoi pour chaque fiche se crée »
  await page.getByRole("button", { name: "Enregistrer", exact: true }).click();
  await expect(page.getByText("3 actions d'envoi ont été créées.")).toBeVisible();
  await page.getByRole("link", { name: "Visualiser les actions en attente" }).click();

  // 5. Everything pending, sent in one click.
  const table = page.getByRole("table", { name: "Actions d'envoi de la campagne" });
  const rows = table.getByRole("row").filter({ has: page.getByRole("cell") });
  await expect(rows).toHaveCount(3);
  const recipients: { name: string; email: string }[] = [];
  for (const row of await rows.all()) {
    const cell = row.getByRole("cell").nth(1);
    const [name, email] = (await cell.locator("span").allTextContents()).map((t) => t.trim());
    recipients.push({ name: name!, email: email! });
  }
  await page.getByRole("button", { name: "Envoyer tout" }).click();
  await page.getByRole("dialog", { name: "Envoyer la campagne ?" }).getByRole("button", { name: "Oui, envoyer" }).click();

  for (const recipient of recipients) {
    const mail = await waitForMail((m) => m.to.some((to) => to.includes(recipient.email)) && (m.subject ?? "").includes(marker));
    const lastName = recipient.name.split(" ").at(-1)!;
    expect(mail.text).toMatch(new RegExp(`Bonjour (M\\.|Mme) ${lastName},`));
    expect(mail.text).not.toContain("{{");
    expect(mail.links.some((link) => link.includes("/desabonnement/"))).toBe(true);
  }
  expect(readMails().filter((m) => (m.subject ?? "").includes(marker))).toHaveLength(3);
});
