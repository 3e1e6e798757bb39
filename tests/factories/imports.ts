// Spreadsheets as partners bring them: a header row in French and one client per row.
import { sirenFrom, uniqueNumber } from "./random";

export type PortfolioRow = Record<string, string>;

export const PORTFOLIO_HEADERS = ["Nature", "Raison sociale", "SIREN", "Adresse", "Code postal", "Ville", "Nom du contact", "Prénom", "E-mail", "Téléphone fixe"];

export function portfolioRow(overrides: Partial<Record<string, string>> = {}): PortfolioRow {
  const n = uniqueNumber();
  const row: PortfolioRow = {
    Nature: "Entreprise",
    "Raison sociale": `Client Import ${n}`,
    SIREN: sirenFrom(400_000_00 + n),
    Adresse: `${n} avenue Jean Jaurès`,
    "Code postal": "69007",
    Ville: "Lyon",
    "Nom du contact": `Bernard${n}`,
    Prénom: "Luc",
    "E-mail": `luc.${n}@client-import.test`,
    "Téléphone fixe": "04 78 00 00 00",
  };
  for (const [key, value] of Object.entries(overrides)) if (value !== undefined) row[key] = value;
  return row;
}

// `;`-separated as French Excel writes it; quotes only where needed.
export function portfolioCsv(rows: PortfolioRow[], separator = ";"): string {
  const quote = (v: string) => (/[";,\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
  const lines = [PORTFOLIO_HEADERS.join(separator), ...rows.map((r) => PORTFOLIO_HEADERS.map((h) => quote(r[h] ?? "")).join(separator))];
  return lines.join("\r\n") + "\r\n";
}
