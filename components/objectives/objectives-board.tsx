"use client";

// The columns of « Objectifs chiffrés ». A card moves by drag and drop or by its « Déplacer »
// menu; it shows in its new column at once and the server's answer (revalidated page) follows.
// The server sends only the cards shown: « Afficher les N suivantes » is a link that opens the
// column in the URL (?colonnes=), so it also works without JavaScript and survives a refresh.
import { useEffect, useOptimistic, useRef, useState, useTransition, type DragEvent } from "react";
import Link from "next/link";
import { CARD_DRAG_TYPE, OpportunityCard } from "@/components/objectives/opportunity-card";
import { LinkPending } from "@/components/ui/link-pending";
import { cn } from "@/lib/cn";
import { formatEuros } from "@/lib/format";
import type { BoardColumn } from "@/lib/objectives/queries";
import { CARDS_PER_COLUMN, INITIAL_CARDS_PER_COLUMN } from "@/lib/objectives/schemas";
import { moveOpportunityStageAction } from "@/lib/pipeline/actions";
import { hrefWith } from "@/lib/url";

const NETWORK_ERROR = "Le déplacement n'a pas abouti. Vérifiez votre connexion et réessayez.";

type Move = { cardId: string; stageId: string };

function applyMove(columns: BoardColumn[], move: Move): BoardColumn[] {
  const card = columns.flatMap((c) => c.cards).find((c) => c.id === move.cardId);
  if (!card) return columns;
  return columns.map((column) => {
    const without = column.cards.filter((c) => c.id !== move.cardId);
    if (column.id === move.stageId) return { ...column, cards: [card, ...without] };
    return without.length === column.cards.length ? column : { ...column, cards: without };
  });
}

export function ObjectivesBoard({
  columns,
  canMove,
  query,
}: {
  columns: BoardColumn[];
  canMove: boolean;
  // The widget's other URL parameters (period, rep), kept by the « Afficher » links.
  query: Readonly<Record<string, string>>;
}) {
  const [shown, addMove] = useOptimistic(columns, applyMove);
  const [pending, startTransition] = useTransition();
  const [movingId, setMovingId] = useState<string | null>(null);
  const [draggedId, setDraggedId] = useState<string | null>(null);
  const [dropTarget, setDropTarget] = useState<string | null>(null);
  const [lastMovedId, setLastMovedId] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const revealing = useRef<string | null>(null);
  const lists = useRef(new Map<string, HTMLUListElement>());
  const expandedIds = columns.filter((c) => c.expanded).map((c) => c.id);

  // The first card revealed takes the focus once the opened column arrives, so keyboard users
  // carry on where the link was.
  useEffect(() => {
    const columnId = revealing.current;
    if (!columnId || !columns.find((c) => c.id === columnId)?.expanded) return;
    lists.current.get(columnId)?.querySelectorAll<HTMLAnchorElement>("li > article > a:first-child")[INITIAL_CARDS_PER_COLUMN]?.focus();
    revealing.current = null;
  }, [columns]);

  const move = (cardId: string, stageId: string, viaKeyboard: boolean) => {
    const card = shown.flatMap((c) => c.cards).find((c) => c.id === cardId);
    const from = shown.find((c) => c.cards.some((x) => x.id === cardId));
    const to = shown.find((c) => c.id === stageId);
    if (!card || !from || !to || from.id === to.id) return;
    setError(null);
    setMessage(null);
    setMovingId(cardId);
    setLastMovedId(viaKeyboard ? cardId : null);
    startTransition(async () => {
      addMove({ cardId, stageId });
      try {
        const result = await moveOpportunityStageAction({ opportunityId: cardId, stageId });
        if (result.ok) setMessage(`« ${card.title} » déplacée vers ${to.label}.`);
        else setError(result.error);
      } catch {
        setError(NETWORK_ERROR);
      } finally {
        setMovingId(null);
      }
    });
  };

  const onDrop = (event: DragEvent<HTMLElement>, stageId: string) => {
    event.preventDefault();
    setDropTarget(null);
    const cardId = event.dataTransfer.getData(CARD_DRAG_TYPE) || draggedId;
    setDraggedId(null);
    if (cardId) move(cardId, stageId, false);
  };

  return (
    <div className="flex flex-col gap-2">
      <div role="alert" aria-atomic="true">
        {error ? <p className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">{error}</p> : null}
      </div>
      <p role="status" aria-atomic="true" className="sr-only">
        {message ?? ""}
      </p>
      {/* Narrow columns fit 1440 px; more columns scroll sideways with a visible scrollbar. */}
      <div
        tabIndex={0}
        role="region"
        aria-label="Colonnes des objectifs chiffrés"
        className="flex gap-2 overflow-x-auto pb-3 [scrollbar-color:var(--color-slate-400)_transparent] [scrollbar-width:thin]"
      >
        {shown.map((column) => {
          const targets = shown.filter((c) => c.id !== column.id).map((c) => ({ id: c.id, label: c.label }));
          const served = columns.find((c) => c.id === column.id)!;
          const hidden = column.count - served.cards.length;
          const more = Math.min(column.count, CARDS_PER_COLUMN) - served.cards.length;
          const headingId = `colonne-${column.id}`;
          return (
            <section
              key={column.id}
              aria-labelledby={headingId}
              onDragOver={
                canMove && draggedId
                  ? (event) => {
                      event.preventDefault();
                      event.dataTransfer.dropEffect = "move";
                      setDropTarget(column.id);
                    }
                  : undefined
              }
              onDragLeave={(event) => {
                if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDropTarget(null);
              }}
              onDrop={canMove ? (event) => onDrop(event, column.id) : undefined}
              className={cn(
                "flex min-w-40 flex-1 basis-0 flex-col gap-2 rounded-lg border border-slate-200 bg-slate-50 p-2",
                dropTarget === column.id && "border-brand-600 ring-2 ring-brand-600/30",
              )}
            >
              <header className="flex flex-col gap-0.5 px-1">
                <h3 id={headingId} className="text-sm font-semibold text-slate-900">
                  {column.label}
                </h3>
                <p className="text-xs tabular-nums text-slate-600">
                  {column.count} opportunité{column.count > 1 ? "s" : ""} · {formatEuros(column.amountCents)}
                </p>
              </header>
              {column.cards.length === 0 ? (
                <p className="px-1 py-4 text-center text-xs text-slate-500">Aucune opportunité.</p>
              ) : (
                <ul
                  className="flex flex-col gap-2"
                  ref={(element) => {
                    if (element) lists.current.set(column.id, element);
                    else lists.current.delete(column.id);
                  }}
                >
                  {column.cards.map((card) => (
                    <li key={card.id}>
                      <OpportunityCard
                        card={card}
                        moveTargets={targets}
                        canMove={canMove}
                        pending={pending && movingId === card.id}
                        focusMove={lastMovedId === card.id}
                        onMove={(stageId) => move(card.id, stageId, true)}
                        onDragStart={() => setDraggedId(card.id)}
                        onDragEnd={() => {
                          setDraggedId(null);
                          setDropTarget(null);
                        }}
                      />
                    </li>
                  ))}
                </ul>
              )}
              {!served.expanded && more > 0 ? (
                <Link
                  href={hrefWith("/", query, { colonnes: [...expandedIds, column.id].join(",") })}
                  scroll={false}
                  onClick={() => (revealing.current = column.id)}
                  className="relative inline-flex items-center gap-1.5 rounded-md px-1 py-1 text-left text-xs font-medium text-brand-700 hover:underline"
                >
                  Afficher les {more} suivantes
                  <span className="sr-only"> de la colonne {column.label}</span>
                  <LinkPending />
                </Link>
              ) : hidden > 0 ? (
                <p className="px-1 text-xs text-slate-500">
                  et {hidden} autre{hidden > 1 ? "s" : ""}, non affichée{hidden > 1 ? "s" : ""}
                </p>
              ) : null}
            </section>
          );
        })}
      </div>
    </div>
  );
}
