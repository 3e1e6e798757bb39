import type { Metadata } from "next";
import Link from "next/link";
import { OutboxTable } from "@/components/mail/outbox-table";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/session";
import { cn } from "@/lib/cn";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import type { OutboxStatus } from "@/lib/generated/prisma/enums";
import { OUTBOX_STATUS_LABELS } from "@/lib/mail/labels";
import { findOutboxEmails } from "@/lib/mail/queries";
import { outboxListQuery, parseOutboxListParams } from "@/lib/mail/schemas";
import { hrefWith } from "@/lib/url";

export const metadata: Metadata = { title: "Boîte d'envoi" };

const FILTERS: (OutboxStatus | "")[] = ["", "FAILED", "PENDING", "SENDING", "SENT"];

export default async function OutboxPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requirePermission("outbox:view");
  const requested = parseOutboxListParams(await searchParams);
  const result = await findOutboxEmails(db, requested);
  const params = { ...requested, page: result.page };
  const query = outboxListQuery(params);
  const smtp = Boolean(getEnv().SMTP_URL);
  const all = Object.values(result.counts).reduce((a, b) => a + b, 0);

  return (
    <>
      <PageHeader
        title="Boîte d'envoi"
        description={
          smtp
            ? "Les e-mails envoyés par le CRM, avec leur statut de remise au serveur SMTP."
            : "Aucun serveur SMTP n'est configuré (SMTP_URL) : les e-mails ne partent pas, ils sont conservés ici et lisibles."
        }
      />
      {result.counts.FAILED > 0 ? (
        <p role="status" className="mb-4 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          {result.counts.FAILED === 1
            ? "1 message n'a pas pu être envoyé après plusieurs tentatives."
            : `${result.counts.FAILED} messages n'ont pas pu être envoyés après plusieurs tentatives.`}{" "}
          Ouvrez-le pour voir l’erreur et le renvoyer.
        </p>
      ) : null}
      <nav aria-label="Filtrer par statut" className="mb-4 flex flex-wrap gap-2">
        {FILTERS.map((status) => {
          const active = params.status === status;
          const count = status ? result.counts[status] : all;
          return (
            <Link
              key={status || "all"}
              href={hrefWith("/admin/outbox", query, { status: status || null, page: null })}
              aria-current={active ? "page" : undefined}
              className={cn(
                "rounded-md px-3 py-1.5 text-sm font-medium",
                active ? "bg-brand-100 text-brand-800" : "text-slate-600 hover:bg-slate-100",
              )}
            >
              {status ? OUTBOX_STATUS_LABELS[status] : "Tous"} <span className="tabular-nums">({count})</span>
            </Link>
          );
        })}
      </nav>
      <OutboxTable rows={result.rows} total={result.total} params={params} query={query} />
    </>
  );
}
