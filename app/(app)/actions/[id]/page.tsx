import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { ActionCompletion } from "@/components/actions/action-completion";
import { ChainNav } from "@/components/actions/chain-nav";
import { DeleteActionButton } from "@/components/actions/delete-action-button";
import { EditActionSection } from "@/components/actions/edit-action-form";
import { QuotePanel } from "@/components/quotes/quote-panel";
import { ReminderForm } from "@/components/tasks/reminder-form";
import { Badge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { SectionCard } from "@/components/ui/card";
import { DescriptionList } from "@/components/ui/description-list";
import { PageHeader } from "@/components/ui/page-header";
import { TypeLabel } from "@/components/ui/type-dot";
import { getActionDetail } from "@/lib/actions/action-detail";
import { followUpLocalTime } from "@/lib/actions/follow-up";
import { editableTypeOptions } from "@/lib/actions/edit-type-options";
import { listActionTypeOptions, listAssigneeOptions } from "@/lib/actions/queries";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { cn } from "@/lib/cn";
import { formatDateTime } from "@/lib/format";

// No loading.tsx above this route: a streamed fallback would send a 200 before notFound().
type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const load = cache(async (id: string) => {
  const actor = await requireUser();
  return { actor, detail: id.length <= 64 ? await getActionDetail(actor, id) : null };
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { detail } = await load((await params).id);
  return { title: detail ? detail.action.subject : "Page introuvable" };
}

// « Visualiser une action »: its details, « Fait » with the chaining of the next one, « « » / « » »
// along the chain, « Montrer action parent » for a step of an opportunity, and for an offer the
// « Devis » tab.
export default async function ActionPage({ params, searchParams }: Props) {
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const { actor, detail } = await load(id);
  if (!detail) notFound();
  const { action, chain, isOffer, hasFollowUp, editable } = detail;
  const quoteTab = isOffer && query.onglet === "devis";
  const nested = action.opportunity !== null;
  const prospectHref = `/prospects/${action.prospect.id}?onglet=actions`;
  const [typeOptions, assigneeOptions] = editable
    ? await Promise.all([listActionTypeOptions(undefined, { includeOffer: nested }), listAssigneeOptions(actor, action.assigneeId)])
    : [[], []];
  const editTypeOptions = editableTypeOptions(
    { id: action.typeId, name: action.type.name, color: action.type.color, category: action.type.category },
    typeOptions,
    { hasQuote: action.quote !== null, canOffer: nested && can(actor.role, "opportunity:manage") },
  );
  const leaveTo = chain.previousId
    ? `/actions/${chain.previousId}`
    : chain.nextId
      ? `/actions/${chain.nextId}`
      : action.opportunity
        ? `/opportunites/${action.opportunity.id}`
        : prospectHref;
  const tabClass = (active: boolean) =>
    cn(
      "-mb-px border-b-2 px-3 py-2 text-sm font-medium",
      active ? "border-brand-600 text-brand-700" : "border-transparent text-slate-600 hover:text-slate-900",
    );

  return (
    <>
      <PageHeader
        title={action.subject}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <TypeLabel name={action.type.name} color={action.type.color} />
            {action.done ? <Badge tone="success">Fait</Badge> : <Badge tone="neutral">À faire</Badge>}
            {action.dueAt ? <span>{formatDateTime(action.dueAt)}</span> : null}
          </span>
        }
        actions={
          <>
            <ChainNav chain={chain} />
            {action.opportunity ? (
              <Link href={`/opportunites/${action.opportunity.id}`} className={buttonClasses("secondary", "sm")}>
                Montrer action parent
              </Link>
            ) : null}
          </>
        }
      >
        <nav aria-label="Fil d’Ariane" className="mb-1 flex flex-wrap gap-1 text-sm">
          <Link href={prospectHref} className="text-brand-700 hover:underline">
            ← {action.prospect.name}
          </Link>
          {action.opportunity ? (
            <>
              <span aria-hidden="true" className="text-slate-400">
                /
              </span>
              <Link href={`/opportunites/${action.opportunity.id}`} className="text-brand-700 hover:underline">
                {action.opportunity.title}
              </Link>
            </>
          ) : null}
        </nav>
      </PageHeader>

      {isOffer ? (
        <nav aria-label="Onglets de l'action" className="mb-4 flex gap-2 border-b border-slate-200">
          <Link href={`/actions/${action.id}`} aria-current={quoteTab ? undefined : "page"} className={tabClass(!quoteTab)}>
            Action
          </Link>
          <Link href={`/actions/${action.id}?onglet=devis`} aria-current={quoteTab ? "page" : undefined} className={tabClass(quoteTab)}>
            Devis
          </Link>
        </nav>
      ) : null}

      {quoteTab ? (
        <QuotePanel actionId={action.id} actor={actor} />
      ) : (
        <div className="grid grid-cols-1 gap-6 lg:grid-cols-5">
          <SectionCard id="action-details" title="Action" className="lg:col-span-3">
            <DescriptionList
              items={[
                { label: "Type", value: <TypeLabel name={action.type.name} color={action.type.color} /> },
                { label: "Date", value: action.dueAt ? formatDateTime(action.dueAt) : "Sans échéance" },
                { label: "Objet", value: action.subject, wide: true },
                { label: "Responsable", value: action.assignee?.name },
                { label: "Position dans l'enchaînement", value: `${chain.index} / ${chain.total}` },
                { label: "Notes", value: action.notes ? <span className="whitespace-pre-line">{action.notes}</span> : null, wide: true },
                { label: "Résultat", value: action.outcome ? <span className="whitespace-pre-line">{action.outcome}</span> : null, wide: true },
                { label: "Fait le", value: action.doneAt ? formatDateTime(action.doneAt) : null },
                { label: "Créée par", value: action.createdBy?.name },
              ]}
            />
            {editable ? (
              <div className="border-t border-slate-200 px-4 py-3">
                <EditActionSection
                  key={action.id}
                  action={{
                    id: action.id,
                    typeId: action.typeId,
                    subject: action.subject,
                    dueAt: action.dueAt,
                    assigneeId: action.assigneeId ?? actor.id,
                    notes: action.notes,
                  }}
                  typeOptions={editTypeOptions}
                  typeHint={action.quote ? "Une offre avec un devis reste une offre." : undefined}
                  assigneeOptions={assigneeOptions}
                  aside={<DeleteActionButton actionId={action.id} subject={action.subject} inChain={chain.total > 1} leaveTo={leaveTo} />}
                />
              </div>
            ) : null}
          </SectionCard>
          {editable ? (
            <SectionCard id="action-fait" title="Suivi" className="lg:col-span-2">
              <div className="px-4 py-4">
                <ActionCompletion
                  actionId={action.id}
                  done={action.done}
                  outcome={action.outcome}
                  hasFollowUp={hasFollowUp}
                  nextDefaults={{
                    typeId: typeOptions.some((t) => t.id === action.typeId) ? action.typeId : (typeOptions[0]?.id ?? ""),
                    subject: action.subject,
                    assigneeId: action.assignee?.id ?? actor.id,
                    scheduledAt: followUpLocalTime(action.dueAt),
                  }}
                  typeOptions={typeOptions}
                  assigneeOptions={assigneeOptions}
                />
              </div>
              {/* An alarm only makes sense while the action is still to do. */}
              {action.done ? null : (
                <section aria-labelledby="action-rappel-titre" className="border-t border-slate-200 px-4 py-4">
                  <h3 id="action-rappel-titre" className="mb-2 text-sm font-semibold text-slate-900">
                    Rappel
                  </h3>
                  <ReminderForm actionId={action.id} reminderAt={action.reminderAt} byEmail={action.reminderByEmail} />
                </section>
              )}
            </SectionCard>
          ) : null}
        </div>
      )}
    </>
  );
}
