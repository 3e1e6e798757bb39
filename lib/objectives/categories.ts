// How a card of the objectives board is coloured and how the share achieved reads. Pure and
// client-safe: the board, its legend and the unit tests share these rules.
import type { OpportunityStatus } from "@/lib/generated/prisma/enums";

export const CLOSING_SOON_DAYS = 30;
const DAY_MS = 86_400_000;

export type CardCategory = "won" | "closing-soon" | "lost" | "neutral";

// Legend wording (seed: « conclues », « en cours de négociations qui devraient aboutir
// prochainement ») and the short tag on each card, so colour is never the only cue.
export const CARD_CATEGORY_LEGEND: Record<"won" | "closing-soon", string> = {
  won: "Conclues",
  "closing-soon": "En négociation, conclusion proche",
};

export const CARD_CATEGORY_TAGS: Record<CardCategory, string | null> = {
  won: "Conclue",
  "closing-soon": "Conclusion proche",
  lost: "Perdue",
  neutral: null,
};

// `today` and `expectedCloseDate` are calendar days at UTC midnight (`@db.Date`).
export function cardCategory(
  opportunity: { status: OpportunityStatus; expectedCloseDate: Date | null },
  today: Date,
): CardCategory {
  if (opportunity.status === "WON") return "won";
  if (opportunity.status === "LOST") return "lost";
  const expected = opportunity.expectedCloseDate;
  if (!expected) return "neutral";
  const daysAhead = Math.round((expected.getTime() - today.getTime()) / DAY_MS);
  return daysAhead >= 0 && daysAhead <= CLOSING_SOON_DAYS ? "closing-soon" : "neutral";
}

// An open opportunity whose expected close day is already past: shown « En retard ».
export function isLateOpportunity(
  opportunity: { status: OpportunityStatus; expectedCloseDate: Date | null },
  today: Date,
): boolean {
  return opportunity.status === "OPEN" && opportunity.expectedCloseDate !== null && opportunity.expectedCloseDate.getTime() < today.getTime();
}

// Whole percent, half up, uncapped (125 % when the target is beaten); never « 100 % » while
// short of the target. Null when there is no target to measure against.
export function achievedShare(achievedCents: number, targetCents: number): number | null {
  if (targetCents <= 0) return null;
  const share = Math.round((Math.max(achievedCents, 0) * 100) / targetCents);
  return achievedCents < targetCents ? Math.min(share, 99) : share;
}

export function formatShare(share: number): string {
  return `${share}\u00a0%`;
}
