"use client";

// A « vignette »: one opportunity, its colour and a text tag (colour is never the only cue).
import Link from "next/link";
import type { DragEvent } from "react";
import { CARD_CATEGORY_CLASSES, CARD_TAG_TONE } from "@/components/objectives/card-style";
import { MoveMenu, type MoveTarget } from "@/components/objectives/move-menu";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/lib/cn";
import { formatCalendarDay, formatDate, formatEuros } from "@/lib/format";
import { CARD_CATEGORY_TAGS } from "@/lib/objectives/categories";
import type { BoardCard } from "@/lib/objectives/queries";

export const CARD_DRAG_TYPE = "application/x-crm-opportunity";

export function OpportunityCard({
  card,
  moveTargets,
  canMove,
  pending,
  focusMove,
  onMove,
  onDragStart,
  onDragEnd,
}: {
  card: BoardCard;
  moveTargets: MoveTarget[];
  canMove: boolean;
  pending: boolean;
  focusMove: boolean;
  onMove: (stageId: string) => void;
  onDragStart: () => void;
  onDragEnd: () => void;
}) {
  const tag = CARD_CATEGORY_TAGS[card.category];
  const handleDragStart = (event: DragEvent<HTMLElement>) => {
    event.dataTransfer.setData(CARD_DRAG_TYPE, card.id);
    event.dataTransfer.setData("text/plain", card.title);
    event.dataTransfer.effectAllowed = "move";
    onDragStart();
  };
  return (
    <article
      aria-label={card.title}
      draggable={canMove && !pending}
      onDragStart={canMove ? handleDragStart : undefined}
      onDragEnd={onDragEnd}
      aria-busy={pending}
      className={cn(
        "relative flex flex-col gap-1 rounded-md border border-slate-200 p-2.5 text-sm shadow-sm hover:border-brand-600 focus-within:border-brand-600",
        CARD_CATEGORY_CLASSES[card.category],
        canMove && "cursor-grab active:cursor-grabbing",
        pending && "opacity-60",
      )}
    >
      {/* The title's link covers the whole card (its ::after); the company link and the move
          menu sit above it, so they keep their own targets. */}
      <Link
        href={`/opportunites/${card.id}`}
        draggable={false}
        className="font-medium break-words text-slate-900 after:absolute after:inset-0 after:rounded-md after:content-[''] hover:underline"
      >
        {card.title}
      </Link>
      <Link
        href={`/prospects/${card.prospect.id}`}
        className="relative z-[1] w-fit break-words text-brand-700 hover:underline"
        draggable={false}
      >
        {card.prospect.name}
      </Link>
      <p className="font-semibold tabular-nums text-slate-900">{formatEuros(card.amountCents)}</p>
      <p className={cn("text-xs", card.isLate ? "font-medium text-red-700" : "text-slate-600")}>
        {card.isLate ? <Badge tone="danger" className="mr-1">En retard</Badge> : null}
        {card.status === "OPEN"
          ? card.expectedCloseDate
            ? `Clôture prévue le ${formatCalendarDay(card.expectedCloseDate)}`
            : "Clôture prévue : non renseignée"
          : card.closedAt
            ? `${card.status === "WON" ? "Conclue" : "Perdue"} le ${formatDate(card.closedAt)}`
            : null}
      </p>
      <div className="flex flex-wrap items-center gap-1 text-xs text-slate-600">
        <span className="mr-auto">{card.owner ? card.owner.name : "Sans commercial"}</span>
        {tag ? <Badge tone={CARD_TAG_TONE[card.category]}>{tag}</Badge> : null}
        {canMove ? <MoveMenu title={card.title} targets={moveTargets} onChoose={onMove} disabled={pending} autoFocus={focusMove} /> : null}
      </div>
    </article>
  );
}
