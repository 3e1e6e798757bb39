import Link from "next/link";
import { SKIP_REASON_LABELS } from "@/lib/campaigns/labels";
import type { SkippedFile } from "@/lib/campaigns/stored-filter";

// « Fiches ignorées »: the matching files that got no action, and why.
export function SkippedFiles({ files }: { files: SkippedFile[] }) {
  return (
    <section aria-labelledby="fiches-ignorees-titre" className="flex flex-col gap-2">
      <h3 id="fiches-ignorees-titre" className="text-sm font-semibold text-slate-900">
        Fiches ignorées ({files.length})
      </h3>
      {files.length === 0 ? (
        <p className="text-sm text-slate-600">Aucune : chaque fiche concernée a reçu son action d&apos;envoi.</p>
      ) : (
        <table className="min-w-full divide-y divide-slate-200 text-sm">
          <caption className="sr-only">Fiches ignorées et raison</caption>
          <thead>
            <tr>
              <th scope="col" className="py-1 pr-4 text-left font-medium text-slate-500">Fiche</th>
              <th scope="col" className="py-1 text-left font-medium text-slate-500">Raison</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {files.map((file) => (
              <tr key={file.prospectId}>
                <td className="py-2 pr-4">
                  <Link href={`/prospects/${file.prospectId}`} className="text-brand-700 hover:underline">
                    {file.name}
                  </Link>
                </td>
                <td className="py-2 text-slate-700">{SKIP_REASON_LABELS[file.reason]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
