import type { BadgeTone } from "@/components/ui/badge";
import type { OutboxStatus } from "@/lib/generated/prisma/enums";

export const OUTBOX_STATUS_LABELS: Record<OutboxStatus, string> = {
  PENDING: "En attente",
  SENDING: "En cours d'envoi",
  SENT: "Envoyé",
  FAILED: "En échec",
  HELD: "Suspendu après restauration",
};

export const OUTBOX_STATUS_TONES: Record<OutboxStatus, BadgeTone> = {
  PENDING: "warning",
  SENDING: "info",
  SENT: "success",
  FAILED: "danger",
  HELD: "warning",
};

export function transportLabel(transport: string | null): string {
  if (transport === "smtp") return "SMTP";
  if (transport === "local") return "Conservé ici (aucun serveur SMTP configuré)";
  return "—";
}
