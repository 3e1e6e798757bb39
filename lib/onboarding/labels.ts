// French labels of the onboarding states, shared by server pages and client tables.
import type { BadgeTone } from "@/components/ui/badge";
import type { OnboardingState } from "@/lib/onboarding/state";

export type OnboardingStateOrNone = OnboardingState | "none";

export const ONBOARDING_STATE_LABELS: Record<OnboardingStateOrNone, string> = {
  none: "Aucun lien",
  sent: "Lien envoyé",
  opened: "Lien ouvert",
  completed: "Dossier complété",
  expired: "Lien expiré",
};

export const ONBOARDING_STATE_TONES: Record<OnboardingStateOrNone, BadgeTone> = {
  none: "neutral",
  sent: "info",
  opened: "warning",
  completed: "success",
  expired: "danger",
};

// The one message every invalid link gets, whatever the reason: expired, used, replaced,
// unknown, or a session cookie that ran out. Nothing tells a guesser which case it hit.
export const INVALID_LINK_MESSAGE = "Ce lien n'est plus valide. Contactez votre interlocuteur pour en recevoir un nouveau.";
