// French labels of the prospect enums, verbatim from the seed (DESIGN.md §6). Shared by server
// pages and client tables, so no server-only import here.
import type {
  Civility,
  ProspectKind,
  ProspectStage,
  ProspectStatus,
} from "@/lib/generated/prisma/enums";
import type { BadgeTone } from "@/components/ui/badge";

export const PROSPECT_STATUS_LABELS: Record<ProspectStatus, string> = {
  IN_DISCUSSION: "En discussion",
  READY_TO_START: "Prêt à démarrer",
  NOT_INTERESTED: "Pas intéressé, sans suite",
};

export const PROSPECT_STAGE_LABELS: Record<ProspectStage, string> = {
  PROSPECT: "Prospect",
  ONBOARDING: "En cours d'inscription",
  CLIENT: "Client",
};

export const PROSPECT_KIND_LABELS: Record<ProspectKind, string> = {
  COMPANY: "Entreprise",
  PERSON: "Particulier",
};

export const CIVILITY_LABELS: Record<Civility, string> = {
  MR: "M.",
  MRS: "Mme",
};

export const PROSPECT_STATUS_TONES: Record<ProspectStatus, BadgeTone> = {
  IN_DISCUSSION: "info",
  READY_TO_START: "success",
  NOT_INTERESTED: "neutral",
};

export const PROSPECT_STAGE_TONES: Record<ProspectStage, BadgeTone> = {
  PROSPECT: "neutral",
  ONBOARDING: "warning",
  CLIENT: "brand",
};
