"use client";

// TruncatedText's behaviour for every `.dt-cut` cell of a table at once: the whole text in a
// bubble on hover and keyboard focus, and a cut cell without a link or button inside made a tab
// stop of its own. One observer and delegated listeners on the table instead of a client
// component (state, effect, observer) per cell: a list page has hundreds of cells, and each
// one's component cost server rendering time and HTML (issue 14).
import { useEffect, useRef, useState, type FocusEvent, type PointerEvent, type ReactNode, type RefObject } from "react";
import { bubbleFor, FullTextBubble, type Bubble } from "@/components/ui/full-text-bubble";

export const CUT_CLASS = "dt-cut";

const FOCUSABLE_INSIDE = "a[href], button, input, select, textarea, [tabindex]:not([data-texte-coupe])";

function isCut(element: Element): boolean {
  return element.scrollWidth > element.clientWidth;
}

// Marks the cut cells under `root` as tab stops; runs again when `version` (the rows, the
// visible columns, the density) changes, since the cells are then new or resized.
export function useCutCells<T extends HTMLElement>(version: unknown): {
  ref: RefObject<T | null>;
  handlers: {
    onPointerOver: (event: PointerEvent<T>) => void;
    onPointerOut: (event: PointerEvent<T>) => void;
    onFocus: (event: FocusEvent<T>) => void;
    onBlur: (event: FocusEvent<T>) => void;
  };
  bubble: ReactNode;
} {
  const ref = useRef<T>(null);
  const [bubble, setBubble] = useState<Bubble | null>(null);

  // Whether a cell is cut depends on its column's width, known only once laid out and changed by
  // density, column choice or window size: a ResizeObserver reports it (first on observe).
  useEffect(() => {
    const root = ref.current;
    if (!root || typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver((entries) => {
      for (const entry of entries) {
        const cell = entry.target as HTMLElement;
        if (isCut(cell) && !cell.querySelector(FOCUSABLE_INSIDE)) {
          cell.tabIndex = 0;
          cell.dataset.texteCoupe = "";
        } else if (cell.dataset.texteCoupe !== undefined) {
          cell.removeAttribute("tabindex");
          delete cell.dataset.texteCoupe;
        }
      }
    });
    for (const cell of root.querySelectorAll(`.${CUT_CLASS}`)) observer.observe(cell);
    return () => observer.disconnect();
  }, [version]);

  const show = (target: EventTarget) => {
    const cell = (target as Element).closest?.(`.${CUT_CLASS}`);
    if (!cell || !isCut(cell)) return;
    setBubble(bubbleFor(cell));
  };
  const hide = (from: EventTarget, to: EventTarget | null) => {
    const cell = (from as Element).closest?.(`.${CUT_CLASS}`);
    // Moving between elements inside the same cell is not leaving it.
    if (cell && to instanceof Node && cell.contains(to)) return;
    setBubble(null);
  };

  return {
    ref,
    handlers: {
      onPointerOver: (event) => show(event.target),
      onPointerOut: (event) => hide(event.target, event.relatedTarget),
      onFocus: (event) => show(event.target),
      onBlur: (event) => hide(event.target, event.relatedTarget),
    },
    bubble: <FullTextBubble bubble={bubble} />,
  };
}
