import type { QuoteStatus } from "@/lib/generated/prisma/enums";
import type { BadgeTone } from "@/components/ui/badge";

export const QUOTE_STATUS_LABELS: Record<QuoteStatus, string> = {
  DRAFT: "Brouillon",
  SENT: "Envoyé",
  ACCEPTED: "Accepté",
  DECLINED: "Refusé",
};

export const QUOTE_STATUS_TONES: Record<QuoteStatus, BadgeTone> = {
  DRAFT: "neutral",
  SENT: "info",
  ACCEPTED: "success",
  DECLINED: "danger",
};
