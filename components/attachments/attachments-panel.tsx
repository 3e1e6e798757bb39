import { DeleteAttachmentButton } from "@/components/attachments/delete-attachment-button";
import { UploadAttachmentForm } from "@/components/attachments/upload-form";
import { SectionCard } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import type { Actor } from "@/lib/auth/actor";
import { ATTACHMENT_CATEGORY_LABELS, formatFileSize } from "@/lib/attachments/labels";
import { canEditAttachments } from "@/lib/attachments/policy";
import { listAttachments } from "@/lib/attachments/queries";
import { getEnv } from "@/lib/env";
import { formatDateTime } from "@/lib/format";

const HEADERS = ["Document", "Catégorie", "Taille", "Ajouté par", "Date"];

// The « Pièces jointes » tab. The page has already checked the prospect is in the actor's scope;
// the list query checks again on its own.
export async function AttachmentsPanel({ prospectId, actor }: { prospectId: string; actor: Actor }) {
  const attachments = await listAttachments(actor, prospectId);
  const editable = canEditAttachments(actor);

  return (
    <SectionCard id="panneau-pieces-jointes" title="Pièces jointes">
      {editable ? <UploadAttachmentForm prospectId={prospectId} maxBytes={getEnv().UPLOAD_MAX_BYTES} /> : null}
      {attachments.length === 0 ? (
        <EmptyState
          title="Aucune pièce jointe pour ce prospect."
          description={editable ? "Ajoutez par exemple le dernier bilan : le dossier n'en sera que plus rapide à traiter." : undefined}
        />
      ) : (
        <div className="relative overflow-x-auto" tabIndex={0} role="region" aria-label="Pièces jointes">
          <table className="min-w-full divide-y divide-slate-200 text-sm">
            <caption className="sr-only">Pièces jointes du prospect</caption>
            <thead className="bg-slate-50">
              <tr>
                {HEADERS.map((h) => (
                  <th
                    key={h}
                    scope="col"
                    className="whitespace-nowrap px-4 py-2.5 text-left text-xs font-semibold uppercase tracking-wide text-slate-600"
                  >
                    {h}
                  </th>
                ))}
                {editable ? (
                  <th scope="col" className="px-4 py-2.5">
                    <span className="sr-only">Actions</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {attachments.map((a) => (
                <tr key={a.id}>
                  <td className="min-w-48 max-w-md px-4 py-2.5">
                    <a
                      href={`/api/attachments/${encodeURIComponent(a.id)}`}
                      download
                      className="break-all font-medium text-brand-700 hover:underline"
                    >
                      {a.fileName}
                    </a>
                  </td>
                  <td className="whitespace-nowrap px-4 py-2.5 text-slate-700">{ATTACHMENT_CATEGORY_LABELS[a.category]}</td>
                  <td className="whitespace-nowrap px-4 py-2.5 tabular-nums text-slate-700">{formatFileSize(a.sizeBytes)}</td>
                  <td className="whitespace-nowrap px-4 py-2.5 text-slate-700">
                    {a.uploadedBy?.name ?? (a.onboardingLinkId ? "Le client (lien d'inscription)" : "—")}
                  </td>
                  <td className="whitespace-nowrap px-4 py-2.5 tabular-nums text-slate-700">{formatDateTime(a.createdAt)}</td>
                  {editable ? (
                    <td className="whitespace-nowrap px-4 py-2.5 text-right">
                      <DeleteAttachmentButton id={a.id} fileName={a.fileName} />
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </SectionCard>
  );
}
