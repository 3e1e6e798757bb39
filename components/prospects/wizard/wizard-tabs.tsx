"use client";

// The WAI-ARIA tabs pattern: one tab stop for the whole list, arrows (and Home/End) move
// between tabs and show them, each panel is labelled by its tab. A tab holding errors says so,
// in its label for screen readers and with a red count for everyone.
import { useRef, type KeyboardEvent, type ReactNode } from "react";
import { cn } from "@/lib/cn";
import type { WizardTab } from "@/lib/prospects/wizard-tabs";

export const WIZARD_TAB_LABELS: Record<WizardTab, string> = {
  entreprise: "Entreprise",
  suivi: "Suivi du dossier",
  contacts: "Contacts",
  adresse: "Adresse",
  actions: "Actions",
  "pieces-jointes": "Pièces jointes",
  connexions: "Connexions",
  recommandation: "Recommandation",
  historique: "Historique",
};

export const tabId = (tab: WizardTab) => `onglet-${tab}`;
export const panelId = (tab: WizardTab) => `panneau-${tab}`;

export function WizardTabs({
  tabs,
  active,
  errorCounts,
  onSelect,
}: {
  tabs: readonly WizardTab[];
  active: WizardTab;
  errorCounts: Partial<Record<WizardTab, number>>;
  onSelect: (tab: WizardTab) => void;
}) {
  const refs = useRef(new Map<WizardTab, HTMLButtonElement>());

  const move = (event: KeyboardEvent<HTMLButtonElement>, index: number) => {
    const last = tabs.length - 1;
    const target =
      event.key === "ArrowRight"
        ? (index + 1) % tabs.length
        : event.key === "ArrowLeft"
          ? (index - 1 + tabs.length) % tabs.length
          : event.key === "Home"
            ? 0
            : event.key === "End"
              ? last
              : null;
    if (target === null) return;
    event.preventDefault();
    const tab = tabs[target]!;
    onSelect(tab);
    refs.current.get(tab)?.focus();
  };

  return (
    <div className="-mx-4 overflow-x-auto border-b border-slate-200 px-4 sm:mx-0 sm:px-0">
      <div role="tablist" aria-label="Dossier du prospect" className="flex min-w-max gap-1">
        {tabs.map((tab, index) => {
          const selected = tab === active;
          const errors = errorCounts[tab] ?? 0;
          return (
            <button
              key={tab}
              ref={(node) => {
                if (node) refs.current.set(tab, node);
                else refs.current.delete(tab);
              }}
              type="button"
              role="tab"
              id={tabId(tab)}
              aria-selected={selected}
              aria-controls={panelId(tab)}
              tabIndex={selected ? 0 : -1}
              onClick={() => onSelect(tab)}
              onKeyDown={(event) => move(event, index)}
              className={cn(
                "-mb-px inline-flex items-center gap-2 whitespace-nowrap border-b-2 px-3 py-2.5 text-sm font-medium transition-colors",
                selected
                  ? "border-brand-600 text-brand-800"
                  : "border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900",
                errors > 0 && !selected && "text-red-700",
              )}
            >
              {WIZARD_TAB_LABELS[tab]}
              {errors > 0 ? (
                <span className="inline-flex h-5 min-w-5 items-center justify-center rounded-full bg-red-600 px-1.5 text-xs font-semibold text-white">
                  {errors}
                  <span className="sr-only"> {errors > 1 ? "erreurs" : "erreur"}</span>
                </span>
              ) : null}
            </button>
          );
        })}
      </div>
    </div>
  );
}

export function WizardTabPanel({ tab, active, children }: { tab: WizardTab; active: boolean; children: ReactNode }) {
  return (
    // Not a tab stop: every panel starts with focusable content (WAI-ARIA tabs pattern).
    <div role="tabpanel" id={panelId(tab)} aria-labelledby={tabId(tab)} hidden={!active} className="pt-6">
      {children}
    </div>
  );
}
