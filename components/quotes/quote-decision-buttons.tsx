"use client";

import { QuoteConfirmDialog } from "@/components/quotes/quote-confirm-dialog";
import { decideQuoteAction } from "@/lib/quotes/actions";

// The client's answer to a sent quote: accepted (the opportunity is won) or declined.
export function QuoteDecisionButtons({ quoteId, number }: { quoteId: string; number: string }) {
  return (
    <div className="flex flex-wrap gap-2">
      <QuoteConfirmDialog
        label="Marquer comme accepté"
        variant="primary"
        title={`Le client accepte le devis ${number} ?`}
        description="Le devis sera marqué comme accepté et l'opportunité comme gagnée. Cette décision ne pourra pas être annulée ici."
        confirmLabel="Marquer comme accepté"
        pendingLabel="Enregistrement…"
        action={() => decideQuoteAction({ quoteId, decision: "ACCEPTED" })}
      />
      <QuoteConfirmDialog
        label="Marquer comme refusé"
        title={`Le client refuse le devis ${number} ?`}
        description="Le devis sera marqué comme refusé ; l'opportunité reste ouverte pour une nouvelle offre."
        confirmLabel="Marquer comme refusé"
        pendingLabel="Enregistrement…"
        action={() => decideQuoteAction({ quoteId, decision: "DECLINED" })}
      />
    </div>
  );
}
