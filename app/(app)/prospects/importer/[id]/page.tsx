import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ImportAutoRefresh, ImportProgressBar } from "@/components/imports/import-progress";
import { IMPORT_STATUS_LABELS } from "@/components/imports/recent-imports";
import { UndoImportButton } from "@/components/imports/undo-import-button";
import { buttonClasses } from "@/components/ui/button";
import { SectionCard } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/format";
import { getImportProgress } from "@/lib/imports/queries";

export const metadata: Metadata = { title: "Import de prospects" };

export default async function ImportPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireUser();
  const progress = await getImportProgress(actor, (await params).id);
  if (!progress) notFound();
  const running = progress.status === "QUEUED" || progress.status === "RUNNING";
  return (
    <>
      <nav aria-label="Fil d’Ariane" className="mb-1 text-sm">
        <Link href="/prospects/importer" className="text-brand-700 hover:underline">
          ← Importer des prospects
        </Link>
      </nav>
      <h1 className="mb-4 text-2xl font-semibold tracking-tight text-slate-900">Import « {progress.fileName} »</h1>
      <ImportAutoRefresh active={running} />
      <SectionCard id="progression" title={`${IMPORT_STATUS_LABELS[progress.status]}${running ? "…" : ""}`}>
        <div className="flex flex-col gap-3 p-4">
          <ImportProgressBar processed={progress.processed} total={progress.total} />
          <dl className="grid grid-cols-3 gap-3 text-sm">
            <div>
              <dt className="text-slate-600">Créés</dt>
              <dd className="text-lg font-semibold tabular-nums">{progress.created}</dd>
            </div>
            <div>
              <dt className="text-slate-600">Ignorés (doublons)</dt>
              <dd className="text-lg font-semibold tabular-nums">{progress.skipped}</dd>
            </div>
            <div>
              <dt className="text-slate-600">Refusés (à corriger)</dt>
              <dd className="text-lg font-semibold tabular-nums">{progress.failed}</dd>
            </div>
          </dl>
          {progress.undoneAt ? <p className="text-sm text-slate-700">Import annulé le {formatDateTime(progress.undoneAt)} : les dossiers créés ont été supprimés.</p> : null}
          <div className="flex flex-wrap gap-2">
            <a className={buttonClasses("secondary")} href={`/api/imports/${progress.id}/rapport`}>
              Télécharger le rapport (CSV)
            </a>
            <Link className={buttonClasses("secondary")} href="/prospects">
              Voir les prospects
            </Link>
            {progress.canUndoUntil ? <UndoImportButton importId={progress.id} until={formatDateTime(progress.canUndoUntil)} created={progress.created} /> : null}
          </div>
        </div>
      </SectionCard>
    </>
  );
}
