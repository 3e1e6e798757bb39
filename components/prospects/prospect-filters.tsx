"use client";

// A plain GET form (works without JS); with JS, typing searches after a short pause and the
// status applies at once. Either way the state lives in the URL.
import { useEffect, useRef, useState, useTransition } from "react";
import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { buttonClasses } from "@/components/ui/button";
import { controlClasses } from "@/components/ui/field";
import { cn } from "@/lib/cn";
import type { ProspectStage, ProspectStatus } from "@/lib/generated/prisma/enums";
import type { InternalOptions } from "@/lib/prospects/internal-options";
import { PROSPECT_STAGE_LABELS, PROSPECT_STATUS_LABELS } from "@/lib/prospects/labels";
import { PROSPECT_INTERNAL_FILTER_KEYS, PROSPECT_QUERY_MAX_LENGTH } from "@/lib/prospects/schemas";
import { hrefWith } from "@/lib/url";

const SEARCH_DELAY_MS = 350;

const statusOptions = [
  { value: "", label: "Tous les statuts" },
  ...(Object.entries(PROSPECT_STATUS_LABELS) as [ProspectStatus, string][]).map(([value, label]) => ({
    value,
    label,
  })),
];

type InternalKey = (typeof PROSPECT_INTERNAL_FILTER_KEYS)[number];
type SelectKey = Exclude<InternalKey, "view">;

function internalSelects(options: InternalOptions): { key: SelectKey; label: string; all: string; options: { value: string; label: string }[] }[] {
  return [
    { key: "type", label: "Type", all: "Tous les types", options: options.types },
    { key: "owner", label: "Commercial", all: "Tous les commerciaux", options: options.owners },
    { key: "origin", label: "Origine", all: "Toutes les origines", options: options.origins },
    {
      key: "stage",
      label: "Étape",
      all: "Toutes les étapes",
      options: (Object.entries(PROSPECT_STAGE_LABELS) as [ProspectStage, string][]).map(([value, label]) => ({ value, label })),
    },
    { key: "partner", label: "Apporteur", all: "Tous les apporteurs", options: options.partners },
  ];
}

function internalValues(query: Readonly<Record<string, string>>): Record<InternalKey, string> {
  return Object.fromEntries(PROSPECT_INTERNAL_FILTER_KEYS.map((key) => [key, query[key] ?? ""])) as Record<InternalKey, string>;
}

function normalize(q: string): string {
  return q.trim().slice(0, PROSPECT_QUERY_MAX_LENGTH).trim();
}

// `options`: the internal team's filters (type, rep, origin, stage, partner, « Mes prospects »);
// null for partners, whose list the server does not filter by them anyway.
export function ProspectFilters({
  query,
  options = null,
}: {
  query: Readonly<Record<string, string>>;
  options?: InternalOptions | null;
}) {
  const router = useRouter();
  const pathname = usePathname();
  const [isPending, startTransition] = useTransition();
  const urlQ = query.q ?? "";
  const urlStatus = query.status ?? "";

  const [text, setText] = useState(urlQ);
  const [status, setStatus] = useState(urlStatus);
  // The URL values last seen and last pushed by this form: a URL change that did not come
  // from typing (back button, reset link) must overwrite the fields, one that did must not.
  const urlInternal = internalValues(query);
  const urlInternalKey = JSON.stringify(urlInternal);
  const [internal, setInternal] = useState(urlInternal);
  const [seen, setSeen] = useState({ q: urlQ, status: urlStatus, internal: urlInternalKey });
  const [pushedQ, setPushedQ] = useState(urlQ);
  if (seen.q !== urlQ || seen.status !== urlStatus || seen.internal !== urlInternalKey) {
    setSeen({ q: urlQ, status: urlStatus, internal: urlInternalKey });
    if (urlQ !== pushedQ) {
      setText(urlQ);
      setPushedQ(urlQ);
    }
    setStatus(urlStatus);
    setInternal(urlInternal);
  }

  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  // Filters change the result set, so the page number goes back to 1.
  const apply = (changes: { q?: string; status?: string } & Partial<Record<InternalKey, string>>) => {
    clearTimeout(timer.current);
    const q = normalize(changes.q ?? text);
    setPushedQ(q);
    const next = options ? { ...internal, ...changes } : {};
    startTransition(() =>
      router.replace(hrefWith(pathname, query, { ...next, q, status: changes.status ?? status, page: null }), {
        scroll: false,
      }),
    );
  };

  const hasFilters = Boolean(urlQ || urlStatus || Object.values(urlInternal).some(Boolean));
  const cleared = Object.fromEntries(PROSPECT_INTERNAL_FILTER_KEYS.map((key) => [key, null]));

  return (
    <form
      method="get"
      action={pathname}
      role="search"
      aria-label="Filtrer les prospects"
      className="mb-4 flex flex-col gap-3 sm:flex-row sm:flex-wrap sm:items-end"
      onSubmit={(event) => {
        event.preventDefault();
        apply({});
      }}
    >
      {/* Sorting and page size survive a search; the page number does not. */}
      {Object.entries(query)
        .filter(([key]) => key === "sort" || key === "dir" || key === "perPage")
        .map(([key, value]) => (
          <input key={key} type="hidden" name={key} value={value} />
        ))}
      <div className="flex flex-1 flex-col gap-1">
        <label htmlFor="prospect-search" className="text-sm font-medium text-slate-700">
          Rechercher
        </label>
        <input
          id="prospect-search"
          type="search"
          name="q"
          value={text}
          maxLength={PROSPECT_QUERY_MAX_LENGTH}
          placeholder="Nom, SIREN ou ville"
          autoComplete="off"
          aria-describedby="prospect-search-aide"
          className={controlClasses}
          onChange={(event) => {
            const value = event.target.value;
            setText(value);
            clearTimeout(timer.current);
            timer.current = setTimeout(() => {
              if (normalize(value) !== urlQ) apply({ q: value });
            }, SEARCH_DELAY_MS);
          }}
        />
        <p id="prospect-search-aide" className="sr-only">
          Recherche sur le nom, le SIREN et la ville.
        </p>
      </div>
      <div className="flex flex-col gap-1 sm:w-64">
        <label htmlFor="prospect-status" className="text-sm font-medium text-slate-700">
          Statut
        </label>
        <select
          id="prospect-status"
          name="status"
          value={status}
          className={cn(controlClasses, "pr-8")}
          onChange={(event) => {
            setStatus(event.target.value);
            apply({ status: event.target.value });
          }}
        >
          {statusOptions.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </div>
      {options ? (
        <>
          {internalSelects(options).map((filter) => (
            <div key={filter.key} className="flex flex-col gap-1 sm:w-48">
              <label htmlFor={`prospect-${filter.key}`} className="text-sm font-medium text-slate-700">
                {filter.label}
              </label>
              <select
                id={`prospect-${filter.key}`}
                name={filter.key}
                value={internal[filter.key]}
                className={cn(controlClasses, "pr-8")}
                onChange={(event) => {
                  const value = event.target.value;
                  setInternal((current) => ({ ...current, [filter.key]: value }));
                  apply({ [filter.key]: value });
                }}
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
          <label className="flex items-center gap-2 self-center text-sm font-medium text-slate-700 sm:pb-2">
            <input
              type="checkbox"
              name="view"
              value="mine"
              checked={internal.view === "mine"}
              className="h-4 w-4 accent-brand-600"
              onChange={(event) => {
                const value = event.target.checked ? "mine" : "";
                setInternal((current) => ({ ...current, view: value }));
                apply({ view: value });
              }}
            />
            Mes prospects
          </label>
        </>
      ) : null}
      <div className="flex items-center gap-2">
        <button type="submit" className={buttonClasses("primary", "md")} aria-busy={isPending || undefined}>
          Filtrer
        </button>
        {hasFilters ? (
          <Link href={hrefWith(pathname, query, { ...cleared, q: null, status: null, page: null })} className={buttonClasses("ghost", "md")}>
            Réinitialiser
          </Link>
        ) : null}
      </div>
    </form>
  );
}
