"use client";

// Step 2, « Filtrer par clients/prospects concernés par le mail »: the prospects list's filters,
// with the number of matching files recounted by the server shortly after each change.
import { useEffect, useId, useRef, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { controlClasses } from "@/components/ui/field";
import { countCampaignRecipientsAction, saveCampaignFilterAction } from "@/lib/campaigns/actions";
import { recipientsCountLabel } from "@/lib/campaigns/labels";
import type { RecipientCount } from "@/lib/campaigns/recipients";
import type { CampaignCriteria } from "@/lib/campaigns/schemas";
import { cn } from "@/lib/cn";
import type { ProspectStage, ProspectStatus } from "@/lib/generated/prisma/enums";
import type { InternalOptions } from "@/lib/prospects/internal-options";
import { PROSPECT_STAGE_LABELS, PROSPECT_STATUS_LABELS } from "@/lib/prospects/labels";
import { PROSPECT_QUERY_MAX_LENGTH } from "@/lib/prospects/schemas";

const COUNT_DELAY_MS = 300;

type SelectKey = Exclude<keyof CampaignCriteria, "q">;

function selects(options: InternalOptions): { key: SelectKey; label: string; all: string; options: { value: string; label: string }[] }[] {
  return [
    {
      key: "status",
      label: "Statut",
      all: "Tous les statuts",
      options: (Object.entries(PROSPECT_STATUS_LABELS) as [ProspectStatus, string][]).map(([value, label]) => ({ value, label })),
    },
    {
      key: "stage",
      label: "Étape",
      all: "Toutes les étapes",
      options: (Object.entries(PROSPECT_STAGE_LABELS) as [ProspectStage, string][]).map(([value, label]) => ({ value, label })),
    },
    { key: "type", label: "Type", all: "Tous les types", options: options.types },
    { key: "owner", label: "Commercial", all: "Tous les commerciaux", options: options.owners },
    { key: "origin", label: "Origine", all: "Toutes les origines", options: options.origins },
    { key: "partner", label: "Apporteur", all: "Tous les apporteurs", options: options.partners },
  ];
}

export function CampaignFilters({
  campaignId,
  initial,
  initialCount,
  options,
}: {
  campaignId: string;
  initial: CampaignCriteria;
  initialCount: RecipientCount;
  options: InternalOptions;
}) {
  const router = useRouter();
  const base = useId();
  const [criteria, setCriteria] = useState(initial);
  const [count, setCount] = useState<RecipientCount | null>(initialCount);
  const [countError, setCountError] = useState<string | null>(null);
  const [counting, setCounting] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [saving, startSaving] = useTransition();
  const sequence = useRef(0);
  const firstRun = useRef(true);

  // Debounced; only the answer to the latest request is shown.
  useEffect(() => {
    if (firstRun.current) {
      firstRun.current = false;
      return;
    }
    const mine = ++sequence.current;
    setCounting(true);
    const timer = setTimeout(async () => {
      try {
        const result = await countCampaignRecipientsAction(criteria);
        if (mine !== sequence.current) return;
        if (result.ok) {
          setCount(result.data);
          setCountError(null);
        } else {
          setCount(null);
          setCountError(result.error);
        }
      } catch {
        if (mine === sequence.current) setCountError("Le nombre de fiches n'a pas pu être calculé. Vérifiez votre connexion.");
      } finally {
        if (mine === sequence.current) setCounting(false);
      }
    }, COUNT_DELAY_MS);
    return () => clearTimeout(timer);
  }, [criteria]);

  const change = (key: keyof CampaignCriteria, value: string) => setCriteria((current) => ({ ...current, [key]: value }));

  const save = () => {
    setSaveError(null);
    startSaving(async () => {
      try {
        const result = await saveCampaignFilterAction({ campaignId, criteria });
        if (!result.ok) {
          setSaveError(result.error);
          return;
        }
        router.push(`/campagnes/${campaignId}?etape=3`);
      } catch {
        setSaveError("Les filtres n'ont pas pu être enregistrés. Vérifiez votre connexion et réessayez.");
      }
    });
  };

  return (
    <div className="flex flex-col gap-4">
      <form
        role="search"
        aria-label="Filtrer les fiches concernées"
        className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-4"
        onSubmit={(event) => event.preventDefault()}
      >
        <div className="flex flex-col gap-1 sm:col-span-2">
          <label htmlFor={`${base}-q`} className="text-sm font-medium text-slate-700">
            Rechercher
          </label>
          <input
            id={`${base}-q`}
            type="search"
            value={criteria.q}
            maxLength={PROSPECT_QUERY_MAX_LENGTH}
            placeholder="Nom, SIREN ou ville"
            autoComplete="off"
            className={controlClasses}
            onChange={(event) => change("q", event.target.value)}
          />
        </div>
        {selects(options).map((filter) => (
          <div key={filter.key} className="flex flex-col gap-1">
            <label htmlFor={`${base}-${filter.key}`} className="text-sm font-medium text-slate-700">
              {filter.label}
            </label>
            <select
              id={`${base}-${filter.key}`}
              value={criteria[filter.key]}
              className={cn(controlClasses, "pr-8")}
              onChange={(event) => change(filter.key, event.target.value)}
            >
              <option value="">{filter.all}</option>
              {filter.options.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          </div>
        ))}
      </form>

      <div className="rounded-md border border-slate-200 bg-slate-50 px-4 py-3" aria-busy={counting || undefined}>
        <p role="status" aria-live="polite" aria-atomic="true" className="text-base font-semibold text-slate-900">
          {countError ? <span className="text-red-700">{countError}</span> : count ? recipientsCountLabel(count.total) : "Calcul…"}
          {counting ? (
            <span aria-hidden="true" className="ml-2 text-sm font-normal text-slate-500">
              mise à jour…
            </span>
          ) : null}
        </p>
        {count && count.sample.length > 0 && !countError ? (
          <p className="mt-1 text-sm text-slate-600">
            Par exemple : {count.sample.map((s) => s.name).join(", ")}
            {count.total > count.sample.length ? "…" : "."}
          </p>
        ) : null}
        <p className="mt-1 text-xs text-slate-500">
          Chaque fiche reçoit l&apos;e-mail à l&apos;adresse de son contact favori ; les fiches sans adresse utilisable ou dont le
          contact s&apos;est désabonné seront listées à l&apos;étape 4.
        </p>
      </div>

      <div role="alert" aria-atomic="true">
        {saveError ? <p className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">{saveError}</p> : null}
      </div>
      <div>
        <Button onClick={save} disabled={saving} aria-busy={saving}>
          {saving ? "Enregistrement…" : "Enregistrer les filtres"}
        </Button>
      </div>
    </div>
  );
}
