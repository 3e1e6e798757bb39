// Wording of the tasks screen shared by server and client components.
import { formatDateTime } from "@/lib/format";

// « Rappel le 22/11/2026 14:30 » (Paris time).
export function reminderLabel(reminderAt: Date | string): string {
  return `Rappel le ${formatDateTime(reminderAt).replace(",", "")}`;
}

export function taskCountLabel(total: number, isLowerBound = false): string {
  if (isLowerBound) return `Plus de ${total.toLocaleString("fr-FR")} tâches à faire`;
  if (total === 0) return "Aucune tâche à faire";
  return total === 1 ? "1 tâche à faire" : `${total.toLocaleString("fr-FR")} tâches à faire`;
}
