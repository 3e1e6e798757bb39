// What the company lookup gives the wizard, in our own words, whatever the registry's shape.
// Shared by the server client, the route handler and the browser.

export type CompanyMatch = {
  siren: string;
  // Display name (nom_complet): trade name and acronym included.
  name: string;
  legalName: string | null;
  // Head office.
  siret: string | null;
  nafCode: string | null;
  legalFormCode: string | null;
  legalForm: string | null;
  headcountBand: string | null;
  street: string | null;
  postalCode: string | null;
  city: string | null;
  // Latest published revenue, in cents, and its year.
  revenueCents: number | null;
  revenueYear: number | null;
  vatNumber: string | null;
  // False when the company has ceased trading (etat_administratif "C").
  active: boolean;
};

// Whether a result already has an active file: the actor's own (with its id) or another
// partner's (nothing more is said).
export type CompanyRegistration = { kind: "yours"; prospectId: string } | { kind: "elsewhere" };

export type CompanySearchResult = {
  results: (CompanyMatch & { registration?: CompanyRegistration | null })[];
  page: number;
  perPage: number;
  totalResults: number;
  totalPages: number;
};

export type CompanySearchQuery = {
  q: string;
  page: number;
  perPage: number;
};
