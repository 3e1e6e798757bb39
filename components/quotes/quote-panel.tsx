import Link from "next/link";
import { notFound } from "next/navigation";
import type { Actor } from "@/lib/auth/actor";
import { QuoteDecisionButtons } from "@/components/quotes/quote-decision-buttons";
import { QuoteDraftForm } from "@/components/quotes/quote-draft-form";
import { QuoteTotalsBlock } from "@/components/quotes/quote-totals";
import { Badge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { formatCalendarDay, formatDateTime, formatEuros } from "@/lib/format";
import { QUOTE_STATUS_LABELS, QUOTE_STATUS_TONES } from "@/lib/quotes/labels";
import { getQuotePanelData, type QuotePanelData } from "@/lib/quotes/queries";
import { addDays, parisDayOf } from "@/lib/dates";
import { DEFAULT_VALIDITY_DAYS } from "@/lib/quotes/schemas";
import { computeQuoteTotals, formatQuantity, formatQuantityInput, formatUnitPriceInput, formatVatRate } from "@/lib/quotes/totals";

function ClientBlock({ data }: { data: QuotePanelData }) {
  const address = [data.prospect.street, [data.prospect.postalCode, data.prospect.city].filter(Boolean).join(" ")]
    .filter(Boolean)
    .join(", ");
  return (
    <div className="flex flex-wrap items-start justify-between gap-3 rounded-md bg-slate-50 px-4 py-3 text-sm">
      <div className="flex flex-col gap-0.5">
        <p>
          <span className="text-slate-500">Client : </span>
          <span className="font-medium text-slate-900">Prospect</span>
          <span className="text-slate-500"> — </span>
          <span className="font-medium text-slate-900">{data.prospect.name}</span>
        </p>
        {address ? <p className="text-slate-600">{address}</p> : null}
        <p className="text-slate-600">
          {data.contact
            ? `Destinataire : ${data.contact.name}${data.contact.email ? ` (${data.contact.email})` : " — aucune adresse e-mail"}`
            : "Aucun contact favori : le devis ne pourra pas être envoyé."}
        </p>
      </div>
      <Link href={`/prospects/${data.prospect.id}`} className="font-medium text-brand-700 hover:underline">
        Voir la fiche du prospect
      </Link>
    </div>
  );
}

function QuoteLinesTable({ quote }: { quote: NonNullable<QuotePanelData["quote"]> }) {
  return (
    <div className="overflow-x-auto" tabIndex={0} role="region" aria-label="Lignes du devis">
      <table className="w-full text-sm">
        <caption className="sr-only">Lignes du devis</caption>
        <thead>
          <tr className="border-b border-slate-200 text-left text-xs uppercase tracking-wide text-slate-500">
            <th scope="col" className="py-2 pr-3 font-medium">Désignation</th>
            <th scope="col" className="py-2 pr-3 text-right font-medium">Quantité</th>
            <th scope="col" className="py-2 pr-3 text-right font-medium">Prix unitaire HT</th>
            <th scope="col" className="py-2 pr-3 text-right font-medium">TVA</th>
            <th scope="col" className="py-2 text-right font-medium">Total HT</th>
          </tr>
        </thead>
        <tbody>
          {quote.lines.map((line, i) => (
            <tr key={i} className="border-b border-slate-100 align-top">
              <td className="whitespace-pre-line py-2 pr-3 text-slate-900">{line.description}</td>
              <td className="py-2 pr-3 text-right tabular-nums">{formatQuantity(line.quantityMilli)}</td>
              <td className="py-2 pr-3 text-right tabular-nums">{formatEuros(line.unitPriceCents)}</td>
              <td className="py-2 pr-3 text-right tabular-nums">{formatVatRate(line.vatRateBps)}</td>
              <td className="py-2 text-right tabular-nums">{formatEuros(line.totalHtCents)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function statusDate(quote: NonNullable<QuotePanelData["quote"]>): string | null {
  if (quote.status === "ACCEPTED" && quote.acceptedAt) return `Accepté le ${formatDateTime(quote.acceptedAt)}`;
  if (quote.status === "DECLINED" && quote.declinedAt) return `Refusé le ${formatDateTime(quote.declinedAt)}`;
  if (quote.sentAt) return `Envoyé le ${formatDateTime(quote.sentAt)}`;
  return null;
}

// The quote once validated: read-only, with its PDF and, while sent, the client's answer.
function QuoteReadOnly({ quote, canManage }: { quote: NonNullable<QuotePanelData["quote"]>; canManage: boolean }) {
  const when = statusDate(quote);
  const label = quote.number ?? "Brouillon";
  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center gap-3">
        <h3 className="text-lg font-semibold text-slate-900">{quote.number ? `Devis ${quote.number}` : "Devis en brouillon"}</h3>
        <Badge tone={QUOTE_STATUS_TONES[quote.status]}>{QUOTE_STATUS_LABELS[quote.status]}</Badge>
        {when ? <span className="text-sm text-slate-500">{when}</span> : null}
      </div>
      <QuoteLinesTable quote={quote} />
      <div className="flex flex-col gap-4 sm:flex-row sm:items-start sm:justify-between">
        <p className="text-sm text-slate-600">Valable jusqu&apos;au {formatCalendarDay(`${quote.validUntil}T00:00:00Z`)}</p>
        <QuoteTotalsBlock totals={{ ...computeQuoteTotals(quote.lines), ...pickStored(quote) }} />
      </div>
      <div className="flex flex-wrap items-center gap-3 border-t border-slate-200 pt-4">
        {quote.hasPdf || quote.status === "DRAFT" ? (
          <a
            href={`/api/quotes/${quote.id}/pdf`}
            className={buttonClasses("secondary")}
            aria-label={quote.number ? `Télécharger le PDF du devis ${label}` : undefined}
          >
            Télécharger le PDF
          </a>
        ) : null}
        {canManage && quote.status === "SENT" && quote.number ? <QuoteDecisionButtons quoteId={quote.id} number={quote.number} /> : null}
      </div>
    </div>
  );
}

// What was stored at validation is what the client received: show those totals.
function pickStored(quote: NonNullable<QuotePanelData["quote"]>) {
  return { totalHtCents: quote.totalHtCents, totalVatCents: quote.totalVatCents, totalTtcCents: quote.totalTtcCents };
}

// The « Devis » tab of an OFFER action.
export async function QuotePanel({ actionId, actor }: { actionId: string; actor: Actor }) {
  const data = await getQuotePanelData(actor, actionId);
  if (!data) notFound();
  const { quote } = data;
  const editable = data.canManage && (!quote || quote.status === "DRAFT") && Boolean(data.action.opportunityId);

  return (
    <div className="flex flex-col gap-5 p-4">
      <ClientBlock data={data} />
      {!data.action.opportunityId ? (
        <p className="text-sm text-amber-800">Cette offre n&apos;est rattachée à aucune opportunité : elle ne peut pas recevoir de devis.</p>
      ) : null}
      {editable ? (
        <QuoteDraftForm
          actionId={data.action.id}
          quote={
            quote
              ? {
                  id: quote.id,
                  version: quote.version,
                  validUntil: quote.validUntil,
                  lines: quote.lines.map((l) => ({
                    description: l.description,
                    quantity: formatQuantityInput(l.quantityMilli),
                    unitPrice: formatUnitPriceInput(l.unitPriceCents),
                    vatRate: String(l.vatRateBps),
                  })),
                }
              : null
          }
          defaultValidUntil={addDays(parisDayOf(new Date()), DEFAULT_VALIDITY_DAYS)}
          recipient={data.contact}
        />
      ) : quote ? (
        <QuoteReadOnly quote={quote} canManage={data.canManage} />
      ) : (
        <p className="text-sm text-slate-600">Aucun devis n&apos;a encore été préparé pour cette offre.</p>
      )}
    </div>
  );
}
