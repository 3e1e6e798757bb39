// How the « Historique » words entities, fields and values, and reads its page from the URL.
import { describe, expect, it } from "vitest";
import { EMPTY_VALUE, formatHistoryValue, historyEntityLabel, historyFieldLabel } from "@/lib/history/labels";
import { parseHistoryPage } from "@/lib/history/params";
import { changesOf } from "@/lib/history/change-shape";
import { parseWizardTab, visibleWizardTabs } from "@/lib/prospects/wizard-tabs";

describe("history labels", () => {
  it("names entities and fields in French, with a readable fallback", () => {
    expect(historyEntityLabel("Attachment")).toBe("Pièce jointe");
    expect(historyEntityLabel("OnboardingLink")).toBe("Lien d'inscription");
    expect(historyEntityLabel("SomethingNew")).toBe("Something new");
    expect(historyFieldLabel("name")).toBe("Nom");
    expect(historyFieldLabel("status")).toBe("Statut");
    expect(historyFieldLabel("revenueForecastCents")).toBe("Chiffre d'affaires prévisionnel");
    expect(historyFieldLabel("preferredChannel")).toBe("Preferred channel");
  });

  it("formats values: enums, cents, booleans, times in Paris, calendar days, nothing", () => {
    expect(formatHistoryValue("Prospect", "status", "READY_TO_START")).toBe("Prêt à démarrer");
    expect(formatHistoryValue("Invoice", "status", "VALIDATED")).toBe("Validée");
    expect(formatHistoryValue("Prospect", "stage", "ONBOARDING")).toBe("En cours d'inscription");
    expect(formatHistoryValue("Contact", "civility", "MRS")).toBe("Mme");
    expect(formatHistoryValue("Attachment", "category", "BANK_DETAILS")).toBe("RIB");
    expect(formatHistoryValue("Connection", "relation", "SUPPLIER")).toBe("Fournisseur");
    expect(formatHistoryValue("Invoice", "amountCents", 1234567).replace(/\s/g, " ")).toBe("12 345,67 €");
    expect(formatHistoryValue("Prospect", "revenueCurrentYearCents", "9007199254740993")).toMatch(/€$/);
    expect(formatHistoryValue("Contact", "isFavorite", true)).toBe("Oui");
    expect(formatHistoryValue("Contact", "isFavorite", false)).toBe("Non");
    expect(formatHistoryValue("Prospect", "comment", null)).toBe(EMPTY_VALUE);
    expect(formatHistoryValue("Prospect", "comment", "")).toBe(EMPTY_VALUE);
    // 09:30 UTC in December is 10:30 in Paris.
    expect(formatHistoryValue("Action", "dueAt", "2026-12-01T09:30:00.000Z")).toBe("01/12/2026 10:30");
    expect(formatHistoryValue("Invoice", "dueDate", "2026-12-31T00:00:00.000Z")).toBe("31/12/2026");
    expect(formatHistoryValue("Prospect", "siren", "123456789")).toBe("123 456 789");
    expect(formatHistoryValue("Attachment", "sizeBytes", 1536)).toBe("1,5 Ko");
    expect(formatHistoryValue("Prospect", "name", "Boulangerie Martin")).toBe("Boulangerie Martin");
  });
});

describe("changesOf", () => {
  it("reads updates as from → to, creations and deletions as values added or removed", () => {
    expect(changesOf("UPDATE", { name: { from: "A", to: "B" } })).toEqual([{ field: "name", from: "A", to: "B" }]);
    expect(changesOf("CREATE", { name: "A", sizeBytes: 3 })).toEqual([
      { field: "name", from: null, to: "A" },
      { field: "sizeBytes", from: null, to: 3 },
    ]);
    expect(changesOf("DELETE", { name: "A" })).toEqual([{ field: "name", from: "A", to: null }]);
    expect(changesOf("UPDATE", null)).toEqual([]);
    expect(changesOf("CREATE", ["unexpected"])).toEqual([]);
  });
});

describe("history page and tab", () => {
  it("reads ?historique= as a positive page, 1 for anything else", () => {
    expect(parseHistoryPage("3")).toBe(3);
    expect(parseHistoryPage(["2", "5"])).toBe(2);
    expect(parseHistoryPage("0")).toBe(1);
    expect(parseHistoryPage("-2")).toBe(1);
    expect(parseHistoryPage("abc")).toBe(1);
    expect(parseHistoryPage(undefined)).toBe(1);
    expect(parseHistoryPage("99999999999")).toBe(1);
  });

  it("shows « Historique » as the ninth tab only where a history is rendered", () => {
    expect(parseWizardTab("historique")).toBe("historique");
    expect(visibleWizardTabs(true).at(-1)).toBe("historique");
    expect(visibleWizardTabs(true)).toHaveLength(9);
    expect(visibleWizardTabs(false)).not.toContain("historique");
    expect(visibleWizardTabs(false).at(-1)).toBe("recommandation");
  });
});

describe("quotes, reminders and campaigns in the history", () => {
  it("reads quote fields and statuses in French", () => {
    expect(historyFieldLabel("validUntil")).toBe("Valable jusqu'au");
    expect(historyFieldLabel("totalTtcCents")).toBe("Total TTC");
    expect(formatHistoryValue("Quote", "status", "SENT")).toBe("Envoyé");
    expect(formatHistoryValue("Quote", "status", "ACCEPTED")).toBe("Accepté");
    expect(formatHistoryValue("Quote", "validUntil", "2027-01-15")).toBe("15/01/2027");
    expect(formatHistoryValue("Quote", "totalTtcCents", 300000)).toMatch(/^3\s000,00\s€$/);
  });

  it("names the reminder and unsubscription fields", () => {
    expect(historyFieldLabel("reminderAt")).toBe("Rappel");
    expect(historyFieldLabel("reminderByEmail")).toBe("Rappel par e-mail");
    expect(historyFieldLabel("unsubscribedAt")).toBe("Désabonné le");
  });
});
