import Link from "next/link";
import { SectionCard } from "@/components/ui/card";
import { formatDateTime } from "@/lib/format";
import type { ImportSummary } from "@/lib/imports/queries";

export const IMPORT_STATUS_LABELS = { QUEUED: "En attente", RUNNING: "En cours", DONE: "Terminé", UNDONE: "Annulé" } as const;

export function RecentImports({ imports }: { imports: ImportSummary[] }) {
  if (imports.length === 0) return null;
  return (
    <SectionCard id="imports-recents" title="Imports récents" className="mt-6">
      <ul className="divide-y divide-slate-100 px-4">
        {imports.map((i) => (
          <li key={i.id} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
            <Link href={`/prospects/importer/${i.id}`} className="font-medium text-brand-700 hover:underline">
              {i.fileName}
            </Link>
            <span className="text-slate-600">
              {i.totalRows} ligne(s) · {IMPORT_STATUS_LABELS[i.status]} · {formatDateTime(i.createdAt)}
            </span>
          </li>
        ))}
      </ul>
    </SectionCard>
  );
}
