// French labels for the registry's codes (INSEE nomenclatures). Codes without a label here are
// shown as the code itself, so an uncommon legal form never disappears.

// Catégories juridiques (niveau III) partners meet most, in the short form people use.
export const LEGAL_FORM_LABELS: Readonly<Record<string, string>> = {
  "1000": "Entrepreneur individuel",
  "5202": "SNC",
  "5306": "SCS",
  "5308": "SCA",
  "5485": "SELARL",
  "5498": "EURL",
  "5499": "SARL",
  "5505": "SA à participation ouvrière",
  "5515": "SA d'économie mixte",
  "5585": "SELAFA",
  "5599": "SA",
  "5699": "SA à directoire",
  "5710": "SAS",
  "5720": "SASU",
  "5785": "SELAS",
  "5800": "Société européenne",
  "6220": "GIE",
  "6540": "SCI",
  "6541": "SCI de construction-vente",
  "6585": "SCP",
  "6588": "Société civile laitière",
  "6599": "Société civile",
  "7210": "Commune",
  "9210": "Association non déclarée",
  "9220": "Association",
  "9221": "Association d'insertion",
  "9230": "Association reconnue d'utilité publique",
  "9260": "Association de droit local",
  "9300": "Fondation",
};

// Tranches d'effectif salarié.
export const HEADCOUNT_BAND_LABELS: Readonly<Record<string, string>> = {
  NN: "Non employeuse",
  "00": "0 salarié",
  "01": "1 ou 2 salariés",
  "02": "3 à 5 salariés",
  "03": "6 à 9 salariés",
  "11": "10 à 19 salariés",
  "12": "20 à 49 salariés",
  "21": "50 à 99 salariés",
  "22": "100 à 199 salariés",
  "31": "200 à 249 salariés",
  "32": "250 à 499 salariés",
  "41": "500 à 999 salariés",
  "42": "1 000 à 1 999 salariés",
  "51": "2 000 à 4 999 salariés",
  "52": "5 000 à 9 999 salariés",
  "53": "10 000 salariés et plus",
};

// Sirene abbreviates the kind of street ("AV", "BD"); the address reads better spelled out.
export const STREET_TYPE_LABELS: Readonly<Record<string, string>> = {
  ALL: "ALLÉE",
  AV: "AVENUE",
  BD: "BOULEVARD",
  CAR: "CARREFOUR",
  CHE: "CHEMIN",
  CHS: "CHAUSSÉE",
  COR: "CORNICHE",
  CRS: "COURS",
  DOM: "DOMAINE",
  DSC: "DESCENTE",
  ECA: "ÉCART",
  ESP: "ESPLANADE",
  FG: "FAUBOURG",
  GR: "GRANDE RUE",
  HAM: "HAMEAU",
  HLE: "HALLE",
  IMP: "IMPASSE",
  LD: "LIEU-DIT",
  LOT: "LOTISSEMENT",
  MAR: "MARCHÉ",
  MTE: "MONTÉE",
  PAS: "PASSAGE",
  PASS: "PASSAGE",
  PL: "PLACE",
  PLN: "PLAINE",
  PLT: "PLATEAU",
  PRO: "PROMENADE",
  PRV: "PARVIS",
  QUA: "QUARTIER",
  RES: "RÉSIDENCE",
  RLE: "RUELLE",
  ROC: "ROCADE",
  RPT: "ROND-POINT",
  RTE: "ROUTE",
  SEN: "SENTIER",
  SQ: "SQUARE",
  TPL: "TERRE-PLEIN",
  TRA: "TRAVERSE",
  VLA: "VILLA",
  VLGE: "VILLAGE",
};

// Indices de répétition: "9 B" is "9 bis".
export const REPETITION_INDEX_LABELS: Readonly<Record<string, string>> = {
  B: "BIS",
  T: "TER",
  Q: "QUATER",
  C: "QUINQUIES",
};

// Headcount bands in the order a select shows them (also the values the lookup fills in).
export const HEADCOUNT_BAND_OPTIONS: readonly string[] = Object.values(HEADCOUNT_BAND_LABELS);

// Short legal forms offered as suggestions when a partner types the form by hand.
export const LEGAL_FORM_SUGGESTIONS: readonly string[] = [
  "SAS",
  "SASU",
  "SARL",
  "EURL",
  "SA",
  "SNC",
  "SCI",
  "SELARL",
  "SELAS",
  "Entrepreneur individuel",
  "Association",
];

export function legalFormLabel(code: string | null | undefined): string | null {
  if (!code) return null;
  return LEGAL_FORM_LABELS[code] ?? code;
}

export function headcountBandLabel(code: string | null | undefined): string | null {
  if (!code) return null;
  return HEADCOUNT_BAND_LABELS[code] ?? null;
}
