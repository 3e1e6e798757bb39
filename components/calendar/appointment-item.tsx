"use client";

// One appointment on the grid, in its type's colour: a link to the action (time, subject,
// prospect), draggable onto another slot, with a « Déplacer » button for keyboard users.
import Link from "next/link";
import type { DragEvent } from "react";
import { appointmentColors } from "@/lib/calendar/colors";
import type { CalendarItem } from "@/lib/calendar/layout";
import { cn } from "@/lib/cn";

export const DRAG_MIME = "application/x-crm-rendez-vous";

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
      className="pointer-events-auto flex min-w-0 items-start rounded border text-xs shadow-sm"
    >
      <Link
        href={`/actions/${item.id}`}
        prefetch={false}
        aria-label={item.accessibleName}
        title={item.accessibleName}
        className={cn(
          "min-w-0 flex-1 rounded px-1.5 py-0.5 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-current",
          compact ? "truncate" : "flex flex-col",
        )}
      >
        <span className="font-semibold tabular-nums">
          {compact ? item.startTime : `${item.startTime}–${item.endTime}`}
        </span>{" "}
        <span className={cn(item.done && "line-through", !compact && "break-words")}>{item.subject}</span>
        {compact ? " · " : null}
        <span className={cn(!compact && "break-words opacity-90")}>{item.prospectName}</span>
        {item.assigneeName ? (
          <span className={cn(compact ? "before:content-['_·_']" : "italic")}>{item.assigneeName}</span>
        ) : null}
        {item.done ? <span aria-hidden="true"> ✓</span> : null}
      </Link>
      <button
        type="button"
        onClick={() => onMove(item)}
        aria-label={`Déplacer le rendez-vous « ${item.subject} »`}
        title="Déplacer"
        aria-haspopup="dialog"
        className="shrink-0 rounded px-1 py-0.5 font-bold hover:bg-black/10 focus-visible:outline-2 focus-visible:outline-current"
      >
        <span aria-hidden="true">⇄</span>
      </button>
    </div>
  );
}
