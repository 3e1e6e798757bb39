// The wizard's tabs, in the seed's order, and which tab each form field lives on: a tab label
// shows its error count and a failed save opens the first tab that needs fixing.

export const WIZARD_TABS = [
  "entreprise",
  "suivi",
  "contacts",
  "adresse",
  "actions",
  "pieces-jointes",
  "connexions",
  "recommandation",
  // Internal team only, and only once the prospect exists (see visibleWizardTabs).
  "historique",
] as const;
export type WizardTab = (typeof WIZARD_TABS)[number];

const FIELD_TABS: Record<string, WizardTab> = {
  kind: "entreprise",
  name: "entreprise",
  legalName: "entreprise",
  siren: "entreprise",
  siret: "entreprise",
  nafCode: "entreprise",
  legalForm: "entreprise",
  headcountBand: "entreprise",
  website: "entreprise",
  vatNumber: "entreprise",
  partnerId: "suivi",
  status: "suivi",
  revenueCurrentYear: "suivi",
  revenueForecast: "suivi",
  comment: "suivi",
  typeId: "suivi",
  originId: "suivi",
  ownerId: "suivi",
  contacts: "contacts",
  street: "adresse",
  postalCode: "adresse",
  city: "adresse",
  country: "adresse",
  recommendationActivity: "recommandation",
  recommendationNeeds: "recommandation",
  recommendationInvoices: "recommandation",
};

// The tab named by ?onglet=, « Entreprise » for anything else.
export function parseWizardTab(value: unknown): WizardTab {
  const first = Array.isArray(value) ? value[0] : value;
  return (WIZARD_TABS as readonly unknown[]).includes(first) ? (first as WizardTab) : "entreprise";
}

// The tabs a file shows: « Historique » only where the page rendered a history panel.
export function visibleWizardTabs(hasHistory: boolean): readonly WizardTab[] {
  return hasHistory ? WIZARD_TABS : WIZARD_TABS.filter((tab) => tab !== "historique");
}

// "contacts.1.landlinePhone" → "contacts".
export function tabOfField(path: string): WizardTab | null {
  return FIELD_TABS[path.split(".")[0] ?? ""] ?? null;
}
