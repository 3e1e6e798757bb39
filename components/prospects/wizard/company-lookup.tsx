"use client";

// « Chercher une entreprise en ligne »: a combobox over the French company registry (through
// /api/company-search). Typing waits for a pause before searching, arrows move through the
// results, Enter picks one, Escape closes the list. When the registry cannot be reached the
// partner is told so and fills the fields below by hand.
import Link from "next/link";
import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { controlClasses } from "@/components/ui/field";
import { cn } from "@/lib/cn";
import { COMPANY_SEARCH_MIN_LENGTH } from "@/lib/company-search/query";
import type { CompanyMatch, CompanyRegistration, CompanySearchResult } from "@/lib/company-search/types";

type RegisteredMatch = CompanySearchResult["results"][number];
import { formatSiren } from "@/lib/format";
import { useNafLabels } from "@/components/prospects/wizard/use-naf-labels";

const DEBOUNCE_MS = 350;

type State =
  | { kind: "idle" }
  | { kind: "loading"; previous: CompanySearchResult | null }
  | { kind: "results"; result: CompanySearchResult }
  | { kind: "error"; message: string };

async function fetchCompanies(q: string, page: number, signal: AbortSignal): Promise<CompanySearchResult> {
  const params = new URLSearchParams({ q, page: String(page) });
  const response = await fetch(`/api/company-search?${params.toString()}`, { signal, headers: { Accept: "application/json" } });
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const message = (body as { error?: unknown } | null)?.error;
    throw new Error(
      typeof message === "string"
        ? message
        : "Le registre des entreprises est injoignable pour le moment. Remplissez les champs à la main.",
    );
  }
  return body as CompanySearchResult;
}

function describe(company: CompanyMatch, formatNaf: (code: string) => string): string {
  return [
    `SIREN ${formatSiren(company.siren)}`,
    company.city,
    company.nafCode ? `NAF ${formatNaf(company.nafCode)}` : null,
    company.headcountBand,
  ]
    .filter(Boolean)
    .join(" · ");
}

export function CompanyLookup({ onSelect, autoFocus }: { onSelect: (company: CompanyMatch) => void; autoFocus?: boolean }) {
  const inputId = useId();
  const listId = useId();
  const statusId = useId();
  const [query, setQuery] = useState("");
  const [page, setPage] = useState(1);
  const [state, setState] = useState<State>({ kind: "idle" });
  const naf = useNafLabels();
  const formatNaf = naf?.formatNaf ?? ((code: string) => code);
  const [open, setOpen] = useState(false);
  const [activeIndex, setActiveIndex] = useState(-1);
  const [chosen, setChosen] = useState<string | null>(null);
  const [registered, setRegistered] = useState<{ name: string; registration: CompanyRegistration } | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);

  const trimmed = query.trim();
  const tooShort = trimmed.length < COMPANY_SEARCH_MIN_LENGTH;

  useEffect(() => {
    if (tooShort) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      setState((s) => ({ kind: "loading", previous: s.kind === "results" ? s.result : null }));
      fetchCompanies(trimmed, page, controller.signal)
        .then((result) => {
          setState({ kind: "results", result });
          setActiveIndex(result.results.length > 0 ? 0 : -1);
        })
        .catch((error: unknown) => {
          if (controller.signal.aborted) return;
          setState({
            kind: "error",
            message:
              error instanceof TypeError
                ? "Le registre des entreprises est injoignable : vérifiez votre connexion, ou remplissez les champs à la main."
                : (error as Error).message,
          });
        });
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [trimmed, page, tooShort]);

  const result = state.kind === "results" ? state.result : state.kind === "loading" ? state.previous : null;
  const options = !tooShort && result ? result.results : [];
  const expanded = open && options.length > 0;

  const choose = (company: RegisteredMatch) => {
    // A company that already has a file is not typed in again: the user is told at once.
    if (company.registration) {
      setRegistered({ name: company.name, registration: company.registration });
      setOpen(false);
      return;
    }
    setRegistered(null);
    onSelect(company);
    setChosen(company.name);
    setOpen(false);
    setQuery("");
    setState({ kind: "idle" });
    setPage(1);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (options.length === 0) return;
      event.preventDefault();
      setOpen(true);
      const delta = event.key === "ArrowDown" ? 1 : -1;
      setActiveIndex((i) => (i + delta + options.length) % options.length);
    } else if (event.key === "Enter") {
      // Never submits the prospect form from the search box.
      event.preventDefault();
      const company = options[activeIndex];
      if (expanded && company) choose(company);
    } else if (event.key === "Escape") {
      if (open) {
        event.preventDefault();
        setOpen(false);
      }
    }
  };

  const statusText =
    state.kind === "loading"
      ? "Recherche en cours…"
      : state.kind === "results"
        ? state.result.totalResults === 0
          ? "Aucune entreprise trouvée. Vérifiez l'orthographe, essayez le SIREN, ou remplissez les champs à la main."
          : `${state.result.totalResults} entreprise${state.result.totalResults > 1 ? "s" : ""} trouvée${state.result.totalResults > 1 ? "s" : ""}. Flèches pour parcourir, Entrée pour choisir.`
        : chosen
          ? `Informations de « ${chosen} » reprises du registre : vérifiez-les, ainsi que l'onglet « Adresse ».`
          : "";

  return (
    <section aria-labelledby={`${inputId}-titre`} className="rounded-lg border border-brand-200 bg-brand-50/60 p-4">
      <h2 id={`${inputId}-titre`} className="text-base font-semibold text-slate-900">
        Chercher une entreprise en ligne
      </h2>
      <p className="mt-1 text-sm text-slate-600">
        Le registre des entreprises remplit la plupart des champs pour vous : raison sociale, SIREN, SIRET, code NAF,
        forme juridique, effectif, adresse et numéro de TVA.
      </p>
      <div className="relative mt-3">
        <label htmlFor={inputId} className="text-sm font-medium text-slate-700">
          Nom de l&apos;entreprise, SIREN ou SIRET
        </label>
        <input
          ref={inputRef}
          id={inputId}
          // A new file starts here: the search is what the user came to type in.
          autoFocus={autoFocus}
          type="search"
          role="combobox"
          autoComplete="off"
          spellCheck={false}
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={listId}
          aria-activedescendant={expanded && activeIndex >= 0 ? `${listId}-${activeIndex}` : undefined}
          aria-describedby={statusId}
          placeholder="ex. Ateliers Dupré ou 812 345 676"
          value={query}
          onChange={(event) => {
            setQuery(event.target.value);
            setPage(1);
            setOpen(true);
            setChosen(null);
            setRegistered(null);
            if (event.target.value.trim().length < COMPANY_SEARCH_MIN_LENGTH) setState({ kind: "idle" });
          }}
          onFocus={() => setOpen(true)}
          onKeyDown={onKeyDown}
          className={cn(controlClasses, "mt-1")}
        />
        <ul
          id={listId}
          role="listbox"
          aria-label="Entreprises trouvées"
          hidden={!expanded}
          className="absolute z-20 mt-1 max-h-80 w-full overflow-y-auto rounded-md border border-slate-200 bg-white py-1 shadow-lg"
        >
          {options.map((company, index) => (
            <li
              key={company.siren}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={index === activeIndex}
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => choose(company)}
              onMouseEnter={() => setActiveIndex(index)}
              className={cn("cursor-pointer px-3 py-2 text-sm", index === activeIndex ? "bg-brand-50" : "bg-white")}
            >
              <span className="flex flex-wrap items-center gap-2 font-medium text-slate-900">
                {company.name}
                {!company.active ? <Badge tone="danger">Cessée</Badge> : null}
                {company.registration?.kind === "yours" ? <Badge tone="warning">Déjà dans vos prospects</Badge> : null}
                {company.registration?.kind === "elsewhere" ? <Badge tone="danger">Déjà enregistrée par un autre apporteur</Badge> : null}
              </span>
              <span className="block text-xs text-slate-600">{describe(company, formatNaf)}</span>
            </li>
          ))}
        </ul>
      </div>
      <p id={statusId} role="status" className="mt-2 min-h-5 text-sm text-slate-600">
        {state.kind === "error" ? "" : statusText}
      </p>
      {registered ? (
        <div role="alert" className="mt-1 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {registered.registration.kind === "yours" ? (
            <p>
              « {registered.name} » est déjà dans vos prospects.{" "}
              <Link href={`/prospects/${registered.registration.prospectId}`} className="font-medium text-brand-800 underline">
                Ouvrir son dossier
              </Link>
            </p>
          ) : (
            <p>
              « {registered.name} » est déjà enregistrée par un autre apporteur : elle ne peut pas être enregistrée une seconde
              fois. Contactez l&apos;équipe commerciale si vous pensez qu&apos;il s&apos;agit d&apos;une erreur.
            </p>
          )}
        </div>
      ) : null}
      {state.kind === "error" ? (
        <p role="alert" className="mt-1 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {state.message}
        </p>
      ) : null}
      {result && !tooShort && result.totalPages > 1 ? (
        <div className="mt-2 flex items-center gap-2 text-sm">
          <Button
            variant="secondary"
            size="sm"
            disabled={page <= 1 || state.kind === "loading"}
            onClick={() => {
              setPage((p) => Math.max(1, p - 1));
              setOpen(true);
              inputRef.current?.focus();
            }}
          >
            Résultats précédents
          </Button>
          <span className="text-slate-600">
            Page {result.page} sur {result.totalPages}
          </span>
          <Button
            variant="secondary"
            size="sm"
            disabled={page >= result.totalPages || state.kind === "loading"}
            onClick={() => {
              setPage((p) => p + 1);
              setOpen(true);
              inputRef.current?.focus();
            }}
          >
            Résultats suivants
          </Button>
        </div>
      ) : null}
    </section>
  );
}
