"use client";

// One file's essentials beside the triage list: who sent it, the favourite contact, the link's
// state, the documents the client submitted, the client's corrections (mounted by the page
// through `corrections`), and every triage action — without leaving the list.
import Link from "next/link";
import { useEffect, useRef, useState, type ReactNode } from "react";
import { TriageRowActions, type PanelIntent } from "@/components/onboarding/triage-row-actions";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { formatDateTime, formatSiren } from "@/lib/format";
import { ONBOARDING_STATE_LABELS, ONBOARDING_STATE_TONES } from "@/lib/onboarding/labels";
import type { TriageFile } from "@/lib/onboarding/triage-file";
import { loadTriageFileAction } from "@/lib/onboarding/triage-file-actions";
import type { TriageRow } from "@/lib/onboarding/triage-queries";
import { PROSPECT_STAGE_LABELS, PROSPECT_STAGE_TONES } from "@/lib/prospects/labels";

type Loaded = { ok: true; file: TriageFile } | { ok: false; error: string };

export function TriageSidePanel({
  row,
  intent,
  onClose,
  corrections,
}: {
  row: TriageRow;
  intent: PanelIntent;
  onClose: () => void;
  corrections?: ReactNode;
}) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const headingId = `dossier-${row.id}`;

  useEffect(() => {
    let cancelled = false;
    loadTriageFileAction({ prospectId: row.id })
      .then((result) => {
        if (!cancelled) setLoaded(result.ok ? { ok: true, file: result.data } : { ok: false, error: result.error });
      })
      .catch(() => {
        if (!cancelled) setLoaded({ ok: false, error: "Le dossier n'a pas pu être chargé. Vérifiez votre connexion et réessayez." });
      });
    return () => {
      cancelled = true;
    };
  }, [row.id]);

  useEffect(() => {
    if (intent === "view") headingRef.current?.focus();
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === "Escape") onClose();
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, [intent, onClose]);

  const file = loaded?.ok ? loaded.file : null;
  return (
    <aside
      aria-labelledby={headingId}
      className="fixed inset-y-0 right-0 z-40 flex w-full max-w-md flex-col border-l border-slate-200 bg-white shadow-xl"
    >
      <header className="flex items-start justify-between gap-3 border-b border-slate-200 px-4 py-3">
        <div className="min-w-0">
          <h2 id={headingId} ref={headingRef} tabIndex={-1} className="text-base font-semibold break-words text-slate-900 [overflow-wrap:anywhere]">
            {row.name}
          </h2>
          <div className="mt-1 flex flex-wrap gap-1">
            <Badge tone={ONBOARDING_STATE_TONES[row.onboarding]}>{ONBOARDING_STATE_LABELS[row.onboarding]}</Badge>
            <Badge tone={PROSPECT_STAGE_TONES[row.stage]}>{PROSPECT_STAGE_LABELS[row.stage]}</Badge>
          </div>
        </div>
        <Button size="sm" variant="ghost" onClick={onClose} aria-label="Fermer le dossier">
          Fermer
        </Button>
      </header>
      <div className="flex flex-1 flex-col gap-5 overflow-y-auto px-4 py-4 text-sm">
        <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-4 gap-y-1.5">
          <dt className="text-slate-500">Partenaire</dt>
          <dd className="break-words text-slate-800">{row.partnerName ?? "Direct"}</dd>
          <dt className="text-slate-500">Commercial</dt>
          <dd className="text-slate-800">{row.owner?.name ?? "Non attribué"}</dd>
          <dt className="text-slate-500">Prêt depuis</dt>
          <dd className="text-slate-800">{row.readyAt ? `${row.readySince} (${formatDateTime(row.readyAt)})` : "—"}</dd>
          <dt className="text-slate-500">SIREN</dt>
          <dd className="tabular-nums text-slate-800">{file ? formatSiren(file.siren) || "—" : "…"}</dd>
          <dt className="text-slate-500">Ville</dt>
          <dd className="text-slate-800">{file ? file.city || "—" : "…"}</dd>
          {row.linkSentAt ? (
            <>
              <dt className="text-slate-500">Lien envoyé le</dt>
              <dd className="text-slate-800">{formatDateTime(row.linkSentAt)}</dd>
            </>
          ) : null}
          {file?.submittedAt ? (
            <>
              <dt className="text-slate-500">Dossier envoyé le</dt>
              <dd className="text-slate-800">{formatDateTime(file.submittedAt)}</dd>
            </>
          ) : null}
        </dl>

        <section aria-labelledby={`${headingId}-contact`}>
          <h3 id={`${headingId}-contact`} className="mb-1 font-semibold text-slate-900">
            Contact favori
          </h3>
          {row.contact ? (
            <p className="flex flex-col">
              <span>{row.contact.name}</span>
              {row.contact.email ? (
                <a href={`mailto:${row.contact.email}`} className="break-all text-brand-700 hover:underline">
                  {row.contact.email}
                </a>
              ) : (
                <span className="text-red-700">Sans e-mail : le lien d&apos;inscription ne peut pas être envoyé.</span>
              )}
              {row.contact.phone ? <span className="text-slate-600">{row.contact.phone}</span> : null}
            </p>
          ) : (
            <p className="text-slate-600">Aucun contact.</p>
          )}
        </section>

        {corrections}

        <section aria-labelledby={`${headingId}-documents`}>
          <h3 id={`${headingId}-documents`} className="mb-1 font-semibold text-slate-900">
            Documents du client
          </h3>
          {loaded === null ? (
            <p className="text-slate-600" role="status">
              Chargement…
            </p>
          ) : !loaded.ok ? (
            <p className="text-red-700" role="alert">
              {loaded.error}
            </p>
          ) : loaded.file.documents.length === 0 ? (
            <p className="text-slate-600">Aucun document envoyé par le client.</p>
          ) : (
            <ul className="flex flex-col gap-1">
              {loaded.file.documents.map((doc) => (
                <li key={doc.id} className="flex flex-col">
                  <a href={`/api/attachments/${encodeURIComponent(doc.id)}`} className="break-all text-brand-700 hover:underline">
                    {doc.fileName}
                  </a>
                  <span className="text-xs text-slate-600">
                    {doc.category} · {formatDateTime(doc.createdAt)}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>

        <section aria-labelledby={`${headingId}-actions`}>
          <h3 id={`${headingId}-actions`} className="mb-2 font-semibold text-slate-900">
            Actions
          </h3>
          <TriageRowActions row={row} intent={intent} />
          <Link href={`/prospects/${row.id}`} className="mt-2 inline-block font-medium text-brand-700 hover:underline">
            Ouvrir la fiche complète
          </Link>
        </section>
      </div>
    </aside>
  );
}
