import Link from "next/link";
import { SectionCard } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import type { DashboardInvoice } from "@/lib/dashboard/queries";
import { formatDate, formatEuros } from "@/lib/format";

export function InvoiceList({
  id,
  title,
  invoices,
  emptyTitle,
  dateLabel,
}: {
  id: string;
  title: string;
  invoices: DashboardInvoice[];
  emptyTitle: string;
  // « Soumise le », « Validée le »…: the date shown is that of the listed status.
  dateLabel: string;
}) {
  return (
    <SectionCard id={id} title={title}>
      {invoices.length === 0 ? (
        <EmptyState title={emptyTitle} />
      ) : (
        <ul className="divide-y divide-slate-100">
          {invoices.map((inv) => (
            <li key={inv.id} className="flex flex-col gap-1 px-4 py-3">
              <div className="flex items-baseline justify-between gap-3">
                <Link href={`/prospects/${inv.client.id}`} className="min-w-0 truncate font-medium text-brand-700 hover:underline">
                  {inv.client.name}
                </Link>
                <span className="shrink-0 text-sm font-semibold tabular-nums text-slate-900">
                  {formatEuros(inv.amountCents)}
                </span>
              </div>
              <p className="text-xs text-slate-600">
                Fournisseur : {inv.supplierName} · N° {inv.number}
              </p>
              <p className="text-xs tabular-nums text-slate-500">
                {dateLabel} {formatDate(inv.statusAt)}
              </p>
            </li>
          ))}
        </ul>
      )}
    </SectionCard>
  );
}
