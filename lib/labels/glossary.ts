// One word for one thing, across every screen, export and e-mail. Client-safe (no server import).
// The seed's « représentant » stays only where the seed uses it: the objectives widget's selector.
export const GLOSSARY = {
  // The person in charge of an action or a file.
  responsible: "Responsable",
  // The internal sales rep.
  salesRep: "Commercial",
  salesReps: "Commerciaux",
  allSalesReps: "Tous les commerciaux",
  noSalesRep: "Sans commercial",
  apiKeys: "Clés d'API",
  revenue: "Chiffre d'affaires",
  revenueBySalesRep: "Chiffre d'affaires par commercial",
  doneActions: "Actions faites",
  notDoneActions: "Actions non faites",
} as const;

// Wording the team agreed never to show again, with the word to use instead. The wording unit
// test fails when one of these appears in the app's source.
export const FORBIDDEN_WORDING: ReadonlyArray<{ pattern: RegExp; use: string }> = [
  { pattern: /Cl[ée]s API/, use: GLOSSARY.apiKeys },
  { pattern: /Nouveau origine/i, use: "Nouvelle origine" },
  { pattern: /chiffre d'affaire(?!s)/i, use: GLOSSARY.revenue },
  { pattern: /par représentants/i, use: GLOSSARY.revenueBySalesRep },
  { pattern: /Non-Faites|actions Faites/, use: `${GLOSSARY.doneActions} / ${GLOSSARY.notDoneActions}` },
  { pattern: /Assignée? à|Attribuée? à/, use: GLOSSARY.responsible },
  { pattern: /onglet « Données »/, use: "l'onglet « Contacts » de la fiche" },
];
