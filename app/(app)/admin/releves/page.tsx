import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { GenerateStatementsForm } from "@/components/commissions/generate-form";
import { StatementFiltersForm } from "@/components/commissions/statement-filters";
import { StatementStatusBadge } from "@/components/commissions/status-badge";
import { ExportLinks } from "@/components/reports/export-links";
import { buttonClasses } from "@/components/ui/button";
import { SectionCard } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/session";
import { addMonths, monthOfColumn, parisMonthOf } from "@/lib/commissions/compute";
import { formatMonth } from "@/lib/commissions/labels";
import { findStatements, statementFiltersSchema } from "@/lib/commissions/queries";
import { formatEuros } from "@/lib/format";
import { hrefWith } from "@/lib/url";

export const metadata: Metadata = { title: "Relevés de commissions" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const th = "px-4 py-2 text-left text-xs font-semibold uppercase tracking-wide text-slate-500";
const td = "px-4 py-2 text-sm text-slate-800";

export default async function StatementsPage({ searchParams }: Props) {
  const actor = await requirePermission("commission:manage");
  const filters = statementFiltersSchema.parse(await searchParams);
  const result = await findStatements(actor, filters);
  if (!result) notFound();
  const query: Record<string, string> = {};
  if (filters.mois) query.mois = filters.mois;
  if (filters.statut) query.statut = filters.statut;
  if (filters.organisation) query.organisation = filters.organisation;
  const pages = Math.max(1, Math.ceil(result.total / result.perPage));

  return (
    <>
        <PageHeader
          title="Relevés de commissions"
          description="Un relevé par organisation et par mois : préparez-le, vérifiez-le, ajoutez un ajustement si besoin, validez-le (numéro et PDF définitifs), puis marquez-le payé."
          actions={<ExportLinks basePath="/api/commissions/statements/export" query={query} />}
        />
        <div className="flex flex-col gap-6">
          <SectionCard id="preparer" title="Préparer les relevés d'un mois">
            <GenerateStatementsForm defaultMonth={addMonths(parisMonthOf(new Date()), -1)} />
          </SectionCard>
          <SectionCard id="liste-releves" title={`Relevés (${result.total}) : total ${formatEuros(result.totalCents)}`}>
            <StatementFiltersForm filters={filters} partners={result.partners} />
            {result.rows.length === 0 ? (
              <EmptyState title="Aucun relevé pour ces critères." />
            ) : (
              <>
                <div className="relative hidden overflow-x-auto md:block">
                  <table className="w-full">
                    <thead>
                      <tr>
                        <th scope="col" className={th}>Période</th>
                        <th scope="col" className={th}>Organisation</th>
                        <th scope="col" className={th}>Numéro</th>
                        <th scope="col" className={th}>Statut</th>
                        <th scope="col" className={`${th} text-right`}>Lignes</th>
                        <th scope="col" className={`${th} text-right`}>Total</th>
                      </tr>
                    </thead>
                    <tbody className="divide-y divide-slate-100">
                      {result.rows.map((r) => (
                        <tr key={r.id}>
                          <td className={td}>
                            <Link href={`/admin/releves/${r.id}`} className="font-medium text-brand-700 hover:underline">
                              {formatMonth(monthOfColumn(r.periodMonth))}
                              <span className="sr-only"> : {r.partner.name}</span>
                            </Link>
                          </td>
                          <td className={td}>{r.partner.name}</td>
                          <td className={td}>{r.number ?? "—"}</td>
                          <td className={td}>
                            <StatementStatusBadge status={r.status} />
                          </td>
                          <td className={`${td} text-right tabular-nums`}>{r._count.lines}</td>
                          <td className={`${td} text-right tabular-nums`}>{formatEuros(r.totalCents)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
                {/* On a phone, one card per statement: its month (the link), organisation, status and total. */}
                <ul className="divide-y divide-slate-100 md:hidden" aria-label="Relevés de commissions">
                  {result.rows.map((r) => (
                    <li key={r.id} className="flex flex-col gap-1 px-4 py-3 text-sm text-slate-800">
                      <div className="flex items-start justify-between gap-3">
                        <Link href={`/admin/releves/${r.id}`} className="font-medium text-brand-700 hover:underline">
                          {formatMonth(monthOfColumn(r.periodMonth))}
                          <span className="sr-only"> : {r.partner.name}</span>
                        </Link>
                        <StatementStatusBadge status={r.status} />
                      </div>
                      <span className="break-words [overflow-wrap:anywhere]">{r.partner.name}</span>
                      <span className="text-slate-600">
                        {r.number ?? "Sans numéro"} · {r._count.lines} ligne{r._count.lines > 1 ? "s" : ""} ·{" "}
                        <span className="tabular-nums">{formatEuros(r.totalCents)}</span>
                      </span>
                    </li>
                  ))}
                </ul>
            </>
            )}
            {pages > 1 ? (
              <nav aria-label="Pagination" className="flex items-center justify-between border-t border-slate-200 px-4 py-3 text-sm">
                <span>
                  Page {result.page} sur {pages}
                </span>
                <span className="flex gap-2">
                  {result.page > 1 ? (
                    <Link href={hrefWith("/admin/releves", query, { page: result.page - 1 })} className={buttonClasses("secondary", "sm")}>
                      Précédente
                    </Link>
                  ) : null}
                  {result.page < pages ? (
                    <Link href={hrefWith("/admin/releves", query, { page: result.page + 1 })} className={buttonClasses("secondary", "sm")}>
                      Suivante
                    </Link>
                  ) : null}
                </span>
              </nav>
            ) : null}
          </SectionCard>
        </div>
    </>
  );
}
