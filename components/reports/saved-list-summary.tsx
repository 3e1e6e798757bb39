// What a saved list shows and keeps: its object and its filters, in words.
import { formatCalendarDay } from "@/lib/format";
import { OPPORTUNITY_STATUS_LABELS } from "@/lib/opportunities/labels";
import { PROSPECT_STAGE_LABELS, PROSPECT_STATUS_LABELS } from "@/lib/prospects/labels";
import { SAVED_LIST_ENTITY_LABELS } from "@/lib/reports/list-columns";
import type { SavedListFormOptions } from "@/lib/reports/options";
import type { SavedListDetail } from "@/lib/reports/saved-lists";

function labelOf(options: { value: string; label: string }[], id: string): string {
  return options.find((o) => o.value === id)?.label ?? "valeur supprimée";
}

export function describeFilters(list: SavedListDetail, options: SavedListFormOptions): string[] {
  const f = list.filters;
  const parts: string[] = [];
  if (f.from && f.to) parts.push(`du ${formatCalendarDay(f.from)} au ${formatCalendarDay(f.to)}`);
  else if (f.from) parts.push(`à partir du ${formatCalendarDay(f.from)}`);
  else if (f.to) parts.push(`jusqu'au ${formatCalendarDay(f.to)}`);
  if (f.owner) parts.push(`commercial : ${labelOf(options.owners, f.owner)}`);
  if (f.partner) parts.push(`partenaire : ${labelOf(options.partners, f.partner)}`);
  if (f.origin) parts.push(`origine : ${labelOf(options.origins, f.origin)}`);
  if (f.type) parts.push(`type de prospect : ${labelOf(options.types, f.type)}`);
  if (f.status) parts.push(`statut : ${PROSPECT_STATUS_LABELS[f.status]}`);
  if (f.stage) parts.push(`étape : ${PROSPECT_STAGE_LABELS[f.stage]}`);
  if (f.done) parts.push(f.done === "done" ? "actions faites" : "actions non faites");
  if (f.actionType) parts.push(`type d'action : ${labelOf(options.actionTypes, f.actionType)}`);
  if (f.opportunityStatus) parts.push(`statut : ${OPPORTUNITY_STATUS_LABELS[f.opportunityStatus]}`);
  return parts;
}

export function SavedListSummary({ list, options }: { list: SavedListDetail; options: SavedListFormOptions }) {
  const filters = describeFilters(list, options);
  return (
    <p>
      Objet : {SAVED_LIST_ENTITY_LABELS[list.entity]}. Filtres : {filters.length ? filters.join(", ") : "aucun"}.
    </p>
  );
}
