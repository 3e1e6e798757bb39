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

// « En cours d'envoi depuis 3 min 20 s »: how long the current attempt has lasted.
export function sendingDuration(since: Date, now: Date = new Date()): string {
  const seconds = Math.max(0, Math.round((now.getTime() - since.getTime()) / 1000));
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ${String(seconds % 60).padStart(2, "0")} s`;
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, "0")} min`;
}
