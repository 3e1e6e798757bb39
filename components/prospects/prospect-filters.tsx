"use client";

// A plain GET form (works without JS); with JS, typing searches after a short pause and the
// status applies at once. Either way the state lives in the URL.
import { useEffect, useRef, useState, useTransition } from "react";
import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { buttonClasses } from "@/components/ui/button";
import { controlClasses } from "@/components/ui/field";
import { cn } from "@/lib/cn";
import type { ProspectStatus } from "@/lib/generated/prisma/enums";
import { PROSPECT_STATUS_LABELS } from "@/lib/prospects/labels";
import { PROSPECT_QUERY_MAX_LENGTH } from "@/lib/prospects/schemas";
import { hrefWith } from "@/lib/url";

const SEARCH_DELAY_MS = 350;

const statusOptions = [
  { value: "", label: "Tous les statuts" },
  ...(Object.entries(PROSPECT_STATUS_LABELS) as [ProspectStatus, string][]).map(([value, label]) => ({
    value,
    label,
  })),
];

function normalize(q: string): string {
  return q.trim().slice(0, PROSPECT_QUERY_MAX_LENGTH).trim();
}

export function ProspectFilters({ query }: { query: Readonly<Record<string, string>> }) {
  const router = useRouter();
  const pathname = usePathname();
  const [isPending, startTransition] = useTransition();
  const urlQ = query.q ?? "";
  const urlStatus = query.status ?? "";

  const [text, setText] = useState(urlQ);
  const [status, setStatus] = useState(urlStatus);
  // The URL values last seen and last pushed by this form: a URL change that did not come
  // from typing (back button, reset link) must overwrite the fields, one that did must not.
  const [seen, setSeen] = useState({ q: urlQ, status: urlStatus });
  const [pushedQ, setPushedQ] = useState(urlQ);
  if (seen.q !== urlQ || seen.status !== urlStatus) {
    setSeen({ q: urlQ, status: urlStatus });
    if (urlQ !== pushedQ) {
      setText(urlQ);
      setPushedQ(urlQ);
    }
    setStatus(urlStatus);
  }

  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  // Filters change the result set, so the page number goes back to 1.
  const apply = (changes: { q?: string; status?: string }) => {
    clearTimeout(timer.current);
    const q = normalize(changes.q ?? text);
    setPushedQ(q);
    startTransition(() =>
      router.replace(hrefWith(pathname, query, { q, status: changes.status ?? status, page: null }), {
        scroll: false,
      }),
    );
  };

  const hasFilters = Boolean(urlQ || urlStatus);

  return (
    <form
      method="get"
      action={pathname}
      role="search"
      aria-label="Filtrer les prospects"
      className="mb-4 flex flex-col gap-3 sm:flex-row sm:items-end"
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
      <div className="flex items-center gap-2">
        <button type="submit" className={buttonClasses("primary", "md")} aria-busy={isPending || undefined}>
          Filtrer
        </button>
        {hasFilters ? (
          <Link href={hrefWith(pathname, query, { q: null, status: null, page: null })} className={buttonClasses("ghost", "md")}>
            Réinitialiser
          </Link>
        ) : null}
      </div>
    </form>
  );
}
