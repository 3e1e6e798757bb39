// The types « Modifier l'action » offers: exactly what update-action accepts. An action carrying
// a quote keeps its type; an offer needs an opportunity and someone who manages them; the
// current type stays choosable even when it is no longer proposed for new actions. Pure.
import type { ActionTypeOption } from "@/lib/actions/queries";

export function editableTypeOptions(
  current: ActionTypeOption,
  proposed: readonly ActionTypeOption[],
  { hasQuote, canOffer }: { hasQuote: boolean; canOffer: boolean },
): ActionTypeOption[] {
  if (hasQuote) return [current];
  const usable = proposed.filter((t) => t.category !== "OFFER" || canOffer);
  return usable.some((t) => t.id === current.id) ? usable : [current, ...usable];
}
