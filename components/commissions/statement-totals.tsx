import { SectionCard } from "@/components/ui/card";
import { COMMISSION_KIND_LABELS } from "@/lib/commissions/labels";
import type { CommissionKind } from "@/lib/generated/prisma/enums";
import { formatEuros } from "@/lib/format";

type Line = { kind: CommissionKind; baseCents: number; amountCents: number; client: { id: string; name: string } };

// The review's summary: subtotals per client and per kind (direct, network) of a statement.
export function StatementTotals({ lines, adjustmentsCents }: { lines: Line[]; adjustmentsCents: number }) {
  const byClient = new Map<string, { name: string; baseCents: number; amountCents: number }>();
  const byKind = new Map<CommissionKind, number>();
  for (const l of lines) {
    const c = byClient.get(l.client.id) ?? { name: l.client.name, baseCents: 0, amountCents: 0 };
    c.baseCents += l.baseCents;
    c.amountCents += l.amountCents;
    byClient.set(l.client.id, c);
    byKind.set(l.kind, (byKind.get(l.kind) ?? 0) + l.amountCents);
  }
  const td = "px-4 py-2 text-sm text-slate-800";
  return (
    <SectionCard id="totaux" title="Totaux par client et par type">
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-[2fr_1fr]">
        <table className="w-full">
          <thead>
            <tr>
              <th scope="col" className="px-4 py-2 text-left text-xs font-semibold uppercase text-slate-500">Client</th>
              <th scope="col" className="px-4 py-2 text-right text-xs font-semibold uppercase text-slate-500">Financé</th>
              <th scope="col" className="px-4 py-2 text-right text-xs font-semibold uppercase text-slate-500">Commission</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {[...byClient.entries()].map(([id, c]) => (
              <tr key={id}>
                <th scope="row" className={`${td} text-left font-normal`}>{c.name}</th>
                <td className={`${td} text-right tabular-nums`}>{formatEuros(c.baseCents)}</td>
                <td className={`${td} text-right tabular-nums`}>{formatEuros(c.amountCents)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <dl className="flex flex-col gap-2 px-4 py-2 text-sm">
          {(["DIRECT", "NETWORK"] as const).map((kind) => (
            <div key={kind} className="flex justify-between gap-3">
              <dt>{COMMISSION_KIND_LABELS[kind]}</dt>
              <dd className="tabular-nums">{formatEuros(byKind.get(kind) ?? 0)}</dd>
            </div>
          ))}
          <div className="flex justify-between gap-3">
            <dt>Ajustements</dt>
            <dd className="tabular-nums">{formatEuros(adjustmentsCents)}</dd>
          </div>
        </dl>
      </div>
    </SectionCard>
  );
}
