"use client";

// The columns of « Objectifs chiffrés ». A card moves by drag and drop or by its « Déplacer »
// menu; it shows in its new column at once and the server's answer (revalidated page) follows.
import { useOptimistic, useRef, useState, useTransition, type DragEvent } from "react";
import { CARD_DRAG_TYPE, OpportunityCard } from "@/components/objectives/opportunity-card";
import { cn } from "@/lib/cn";
import { formatEuros } from "@/lib/format";
import type { BoardColumn } from "@/lib/objectives/queries";
import { moveOpportunityStageAction } from "@/lib/pipeline/actions";

const NETWORK_ERROR = "Le déplacement n'a pas abouti. Vérifiez votre connexion et réessayez.";

// Cards a column shows before « Afficher les N suivantes »: the home page is read at a glance, and
// every card is about 1.5 kB of HTML (with its move menu), 200 of them made the manager's home
// half a megabyte (issue 14, « send only what is visible »).
export const INITIAL_CARDS_PER_COLUMN = 10;

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

export function ObjectivesBoard({ columns, canMove }: { columns: BoardColumn[]; canMove: boolean }) {
  const [shown, addMove] = useOptimistic(columns, applyMove);
  const [pending, startTransition] = useTransition();
  const [movingId, setMovingId] = useState<string | null>(null);
  const [draggedId, setDraggedId] = useState<string | null>(null);
  const [dropTarget, setDropTarget] = useState<string | null>(null);
  const [lastMovedId, setLastMovedId] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => new Set());
  const lists = useRef(new Map<string, HTMLUListElement>());

  // The first card revealed takes the focus, so keyboard users carry on where the button was.
  const expand = (columnId: string) => {
    setExpanded((current) => new Set(current).add(columnId));
    requestAnimationFrame(() => {
      lists.current.get(columnId)?.querySelectorAll<HTMLAnchorElement>("li > article > a:first-child")[INITIAL_CARDS_PER_COLUMN]?.focus();
    });
  };

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
          const hidden = column.count - columns.find((c) => c.id === column.id)!.cards.length;
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
                  {(expanded.has(column.id) ? column.cards : column.cards.slice(0, INITIAL_CARDS_PER_COLUMN)).map((card) => (
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
              {!expanded.has(column.id) && column.cards.length > INITIAL_CARDS_PER_COLUMN ? (
                <button
                  type="button"
                  onClick={() => expand(column.id)}
                  className="relative rounded-md px-1 py-1 text-left text-xs font-medium text-brand-700 hover:underline"
                >
                  Afficher les {column.cards.length - INITIAL_CARDS_PER_COLUMN} suivantes
                  <span className="sr-only"> de la colonne {column.label}</span>
                </button>
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
