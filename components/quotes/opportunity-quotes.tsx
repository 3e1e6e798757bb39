import Link from "next/link";
import type { Actor } from "@/lib/auth/actor";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { formatCalendarDay, formatEuros } from "@/lib/format";
import { listOpportunityQuotes } from "@/lib/quotes/queries";
import { QUOTE_STATUS_LABELS, QUOTE_STATUS_TONES } from "@/lib/quotes/labels";

// The quotes of an opportunity, newest first; each links to its offer action's « Devis » tab.
export async function OpportunityQuotes({ opportunityId, actor }: { opportunityId: string; actor: Actor }) {
  const quotes = await listOpportunityQuotes(actor, opportunityId);
  if (quotes.length === 0) {
    return (
      <EmptyState
        title="Aucun devis pour cette opportunité."
        description="Un devis se prépare depuis une action « Faire une offre »."
      />
    );
  }
  return (
    <ul className="divide-y divide-slate-200" aria-label="Devis de l'opportunité">
      {quotes.map((quote) => {
        const label = quote.number ?? "Brouillon";
        return (
          <li key={quote.id} className="flex flex-wrap items-center justify-between gap-3 px-4 py-3 text-sm">
            <div className="flex flex-col gap-1">
              <div className="flex items-center gap-2">
                {quote.actionId ? (
                  <Link
                    href={`/actions/${quote.actionId}?onglet=devis`}
                    className="font-medium text-brand-700 hover:underline"
                  >
                    {label}
                  </Link>
                ) : (
                  <span className="font-medium text-slate-900">{label}</span>
                )}
                <Badge tone={QUOTE_STATUS_TONES[quote.status]}>{QUOTE_STATUS_LABELS[quote.status]}</Badge>
              </div>
              <span className="text-slate-500">Valable jusqu&apos;au {formatCalendarDay(quote.validUntil)}</span>
            </div>
            <div className="flex items-center gap-4">
              <span className="font-medium tabular-nums text-slate-900">{formatEuros(quote.totalTtcCents)} TTC</span>
              {quote.pdfStorageKey ? (
                <a
                  href={`/api/quotes/${quote.id}/pdf`}
                  className="text-brand-700 hover:underline"
                  aria-label={`Télécharger le PDF du devis ${label}`}
                >
                  PDF
                </a>
              ) : null}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
