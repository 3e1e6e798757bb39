"use client";

// The whole text of a cut cell, shown on hover and keyboard focus by TruncatedText and by the
// table-level handler of cut cells (cut-cells.tsx). Fixed-positioned in a portal so no scrolling
// container clips it, and hidden from assistive technologies: they already read the whole text.
import { createPortal } from "react-dom";

export type Bubble = { text: string; top: number; left: number };

// Under the element, kept inside the window (the bubble is at most 32rem wide).
export function bubbleFor(element: Element): Bubble {
  const rect = element.getBoundingClientRect();
  const left = Math.max(8, Math.min(rect.left, window.innerWidth - 8 - Math.min(512, window.innerWidth - 16)));
  return { text: element.textContent ?? "", top: rect.bottom + 4, left };
}

export function FullTextBubble({ bubble }: { bubble: Bubble | null }) {
  if (!bubble) return null;
  return createPortal(
    <span
      aria-hidden="true"
      data-testid="texte-complet"
      className="pointer-events-none fixed z-50 max-w-[min(32rem,calc(100vw-1rem))] rounded-md bg-slate-900 px-2 py-1 text-xs break-words whitespace-normal text-white shadow-lg"
      style={{ top: bubble.top, left: bubble.left }}
    >
      {bubble.text}
    </span>,
    document.body,
  );
}
