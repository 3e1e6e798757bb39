// What a grid cell needs to take part in drag and drop: the board hands each cell these
// handlers, keyed so only the cell under the pointer is highlighted.
import type { DragEvent } from "react";
import type { CalendarItem } from "@/lib/calendar/layout";

export type DropHandlers = {
  onDragOver: (event: DragEvent<HTMLElement>) => void;
  onDragLeave: (event: DragEvent<HTMLElement>) => void;
  onDrop: (event: DragEvent<HTMLElement>) => void;
};

export type GridCallbacks = {
  // Handlers for a cell; `target` turns the dragged appointment into its new Paris start.
  dropHandlers: (key: string, target: (item: CalendarItem) => string) => DropHandlers;
  activeDropKey: string | null;
  onNew: (startLocal: string) => void;
  onMove: (item: CalendarItem) => void;
  onDragStart: (item: CalendarItem) => void;
  onDragEnd: () => void;
};
