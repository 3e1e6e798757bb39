"use client";

// One appointment on the grid, in its type's colour: a link to the action (time, subject,
// prospect), draggable onto another slot, with a « Déplacer » button for keyboard users.
import Link from "next/link";
import type { DragEvent } from "react";
import { appointmentColors } from "@/lib/calendar/colors";
import type { CalendarItem } from "@/lib/calendar/layout";
import { cn } from "@/lib/cn";

export const DRAG_MIME = "application/x-crm-rendez-vous";

// The type's initial in a framed square beside its colour, so two types never differ by colour
// alone (colour blindness, printouts).
export function TypeMark({ name }: { name: string }) {
  return (
    <span
      aria-hidden="true"
      className="cal-type-mark"
    >
      {name.trim().charAt(0).toUpperCase()}
    </span>
  );
}

export function AppointmentItem({
  item,
  compact,
  onMove,
  onDragStart,
  onDragEnd,
}: {
  item: CalendarItem;
  compact: boolean;
  onMove: (item: CalendarItem) => void;
  onDragStart: (item: CalendarItem) => void;
  onDragEnd: () => void;
}) {
  const colors = appointmentColors(item.color);

  function startDrag(event: DragEvent<HTMLDivElement>) {
    event.dataTransfer.effectAllowed = "move";
    event.dataTransfer.setData(DRAG_MIME, item.id);
    event.dataTransfer.setData("text/plain", item.subject);
    onDragStart(item);
  }

  return (
    <div
      draggable
      onDragStart={startDrag}
      onDragEnd={onDragEnd}
      data-appointment-id={item.id}
      data-type-color={colors.backgroundColor}
      style={colors}
      className="cal-item"
    >
      {/* The name read out is the visible text plus what the eye gets from colour and place
          (type, day and hours, done): every visible word is in it, in the same order. */}
      <Link
        href={`/actions/${item.id}`}
        prefetch={false}
        title={item.accessibleName}
        className={cn("cal-item-link", compact ? "items-center" : "items-start")}
      >
        <TypeMark name={item.typeName} />
        <span className={cn("min-w-0 flex-1", compact ? "truncate" : "flex flex-col")}>
          <span className="font-semibold tabular-nums">
            {compact ? item.startTime : `${item.startTime}–${item.endTime}`}
          </span>{" "}
          <span className={cn(item.done && "line-through", !compact && "line-clamp-2 break-words")}>{item.subject}</span>
          {compact ? " · " : null}
          <span className={cn(!compact && "truncate opacity-90")}>{item.prospectName}</span>
          {item.assigneeName ? (
            <span className={cn(compact ? "before:content-['_·_']" : "truncate italic")}>{item.assigneeName}</span>
          ) : null}
          {item.done ? <span aria-hidden="true"> ✓</span> : null}
          <span className="sr-only">, {item.accessibleName}</span>
        </span>
      </Link>
      <button
        type="button"
        onClick={() => onMove(item)}
        aria-label={`Déplacer le rendez-vous « ${item.subject} »`}
        title="Déplacer"
        aria-haspopup="dialog"
        className="cal-item-move"
      >
        <span aria-hidden="true">⇄</span>
      </button>
    </div>
  );
}
