import type { BadgeTone } from "@/components/ui/badge";
import type { NotificationKind } from "@/lib/generated/prisma/enums";

export const NOTIFICATION_KIND_LABELS: Record<NotificationKind, string> = {
  PROSPECT_READY: "Prêt à démarrer",
  ONBOARDING_COMPLETED: "Dossier client complété",
  ASSIGNMENT: "Attribution",
  REMINDER: "Rappel",
  SYSTEM: "Système",
};

export const NOTIFICATION_KIND_TONES: Record<NotificationKind, BadgeTone> = {
  PROSPECT_READY: "success",
  ONBOARDING_COMPLETED: "brand",
  ASSIGNMENT: "info",
  REMINDER: "warning",
  SYSTEM: "danger",
};

// « 3 notifications non lues », for the bell's accessible name.
export function unreadLabel(count: number): string {
  if (count === 0) return "Notifications, aucune non lue";
  // The bell counts at most 100 (countUnreadForBell) and shows « 99+ ».
  if (count > 99) return "Notifications, plus de 99 non lues";
  return count === 1 ? "Notifications, 1 non lue" : `Notifications, ${count} non lues`;
}
