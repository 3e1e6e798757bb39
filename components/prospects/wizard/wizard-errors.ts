// Where the form's errors are, by tab: a tab label shows its count, and a failed save opens the
// first tab that needs fixing.
import type { FieldErrors } from "react-hook-form";
import type { ProspectFormValues } from "@/lib/prospects/prospect-form-schema";
import { tabOfField, WIZARD_TABS, type WizardTab } from "@/lib/prospects/wizard-tabs";

function countLeaves(node: unknown): number {
  if (!node || typeof node !== "object") return 0;
  if (typeof (node as { message?: unknown }).message === "string") return 1;
  return Object.entries(node as Record<string, unknown>)
    .filter(([key]) => key !== "ref" && key !== "root")
    .reduce((sum, [, child]) => sum + countLeaves(child), 0);
}

export function errorCountsByTab(errors: FieldErrors<ProspectFormValues>): Partial<Record<WizardTab, number>> {
  const counts: Partial<Record<WizardTab, number>> = {};
  for (const [field, error] of Object.entries(errors)) {
    const tab = tabOfField(field);
    if (!tab) continue;
    const n = countLeaves(error);
    if (n > 0) counts[tab] = (counts[tab] ?? 0) + n;
  }
  return counts;
}

export function firstTabWithErrors(counts: Partial<Record<WizardTab, number>>): WizardTab | null {
  return WIZARD_TABS.find((tab) => (counts[tab] ?? 0) > 0) ?? null;
}
