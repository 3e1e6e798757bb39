// French wording of an opportunity's status. Shared by server pages and client forms.
import type { BadgeTone } from "@/components/ui/badge";
import type { OpportunityStatus } from "@/lib/generated/prisma/enums";

export const OPPORTUNITY_STATUS_LABELS: Record<OpportunityStatus, string> = {
  OPEN: "En cours",
  WON: "Gagnée",
  LOST: "Perdue",
};

export const OPPORTUNITY_STATUS_TONES: Record<OpportunityStatus, BadgeTone> = {
  OPEN: "info",
  WON: "success",
  LOST: "danger",
};

export const OPPORTUNITY_STATUSES = ["OPEN", "WON", "LOST"] as const satisfies readonly OpportunityStatus[];
