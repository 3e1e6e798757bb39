import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { LinkifiedText } from "@/components/mail/linkified-text";
import { HeldEmailButtons } from "@/components/mail/held-email-buttons";
import { ResendButton } from "@/components/mail/resend-button";
import { Badge } from "@/components/ui/badge";
import { SectionCard } from "@/components/ui/card";
import { DescriptionList } from "@/components/ui/description-list";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { formatDateTime } from "@/lib/format";
import { OUTBOX_STATUS_LABELS, OUTBOX_STATUS_TONES, sendingDuration, transportLabel } from "@/lib/mail/labels";
import { getOutboxEmail } from "@/lib/mail/queries";

export const metadata: Metadata = { title: "Message – Boîte d'envoi" };

function attachmentList(value: unknown): { fileName: string; mimeType: string }[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((a) =>
    typeof a === "object" && a !== null && typeof a.fileName === "string"
      ? [{ fileName: a.fileName as string, mimeType: typeof a.mimeType === "string" ? (a.mimeType as string) : "" }]
      : [],
  );
}

export default async function OutboxMessagePage({ params }: { params: Promise<{ id: string }> }) {
  await requirePermission("outbox:view");
  const { id } = await params;
  const email = await getOutboxEmail(db, id);
  if (!email) notFound();
  const attachments = attachmentList(email.attachments);

  return (
    <>
      <PageHeader
        title={email.subject}
        description={<Badge tone={OUTBOX_STATUS_TONES[email.status]}>{OUTBOX_STATUS_LABELS[email.status]}</Badge>}
        actions={
          email.status === "FAILED" ? (
            <ResendButton id={email.id} />
          ) : email.status === "HELD" ? (
            <HeldEmailButtons id={email.id} />
          ) : undefined
        }
      >
        <Link href="/admin/outbox" className="mb-2 inline-block text-sm text-brand-700 hover:underline">
          ← Boîte d’envoi
        </Link>
      </PageHeader>

      {email.status === "FAILED" && email.lastError ? (
        <p role="alert" className="mb-4 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          Échec définitif après {email.attempts} tentative{email.attempts > 1 ? "s" : ""} : {email.lastError}
        </p>
      ) : null}

      {email.status === "HELD" ? (
        <p role="status" className="mb-4 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          Ce message attendait d’être envoyé, ou était en cours d’envoi, au moment de la sauvegarde restaurée : il a
          peut-être déjà été reçu. Vérifiez auprès du destinataire avant de l’envoyer.
        </p>
      ) : null}

      <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
        <SectionCard id="envoi" title="Envoi" className="lg:col-span-1">
          <DescriptionList
            columns={1}
            items={[
              { label: "Destinataires", value: email.toAddresses.join(", ") },
              { label: "Créé le", value: formatDateTime(email.createdAt) },
              { label: "Envoyé le", value: email.sentAt ? formatDateTime(email.sentAt) : "Pas encore" },
              { label: "Moyen d'envoi", value: email.transport ? transportLabel(email.transport) : null },
              { label: "Tentatives", value: String(email.attempts) },
              { label: "Dernière tentative", value: email.lastAttemptAt ? formatDateTime(email.lastAttemptAt) : null },
              {
                label: "En cours d'envoi depuis",
                value: email.status === "SENDING" && email.lastAttemptAt ? sendingDuration(email.lastAttemptAt) : null,
              },
              { label: "Message-ID", value: email.messageId ? <code className="break-all text-xs">{email.messageId}</code> : null },
              { label: "Accepté par le relais", value: email.smtpResponse },
              {
                label: "Prochaine tentative",
                value: email.status === "PENDING" ? formatDateTime(email.nextAttemptAt) : null,
              },
              { label: "Dernière erreur", value: email.lastError },
              {
                label: "Pièces jointes",
                value: attachments.length ? attachments.map((a) => `${a.fileName} (${a.mimeType})`).join(", ") : null,
              },
              { label: "Clé de déduplication", value: <code className="break-all text-xs">{email.dedupeKey}</code> },
            ].filter((item) => item.value !== null)}
          />
        </SectionCard>
        <div className="flex flex-col gap-6 lg:col-span-2">
          <SectionCard id="texte" title="Version texte">
            <LinkifiedText text={email.text} />
          </SectionCard>
          <SectionCard id="html" title="Version HTML">
            {/* sandbox="" : no script, no form, no navigation, a unique origin. */}
            <iframe
              title={`Aperçu HTML : ${email.subject}`}
              sandbox=""
              srcDoc={email.html}
              referrerPolicy="no-referrer"
              className="h-[32rem] w-full rounded-b-lg border-0 bg-white"
            />
          </SectionCard>
        </div>
      </div>
    </>
  );
}
