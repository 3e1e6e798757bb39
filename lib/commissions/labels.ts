// Labels of the remuneration screens, shared by server and client components.
import type { CommissionKind, CommissionStatementStatus } from "@/lib/generated/prisma/enums";

export const STATEMENT_STATUS_LABELS: Record<CommissionStatementStatus, string> = {
  DRAFT: "En préparation",
  VALIDATED: "Validé",
  PAID: "Payé",
};

export const COMMISSION_KIND_LABELS: Record<CommissionKind, string> = {
  DIRECT: "Client direct",
  NETWORK: "Client du réseau",
};

const monthFormatter = new Intl.DateTimeFormat("fr-FR", { month: "long", year: "numeric", timeZone: "UTC" });

// "2026-03" → "mars 2026".
export function formatMonth(month: string): string {
  return monthFormatter.format(new Date(`${month}-01T00:00:00.000Z`));
}
