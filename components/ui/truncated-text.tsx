"use client";

// A cell's text cut with « … » to its column's width; the whole text shows in a bubble on hover
// and on keyboard focus. The bubble is fixed-positioned in a portal so no scrolling container
// clips it, and hidden from assistive technologies: they already read the whole text. A cut
// cell with no link or button inside becomes a tab stop of its own, so keyboard users can reach
// the hidden part too; an uncut one stays out of the tab order.
import { useEffect, useRef, useState, type ReactNode } from "react";
import { createPortal } from "react-dom";
import { cn } from "@/lib/cn";

type Bubble = { text: string; top: number; left: number };

const FOCUSABLE_INSIDE = "a[href], button, input, select, textarea, [tabindex]";

export function TruncatedText({ children, className }: { children: ReactNode; className?: string }) {
  const ref = useRef<HTMLSpanElement>(null);
  const [bubble, setBubble] = useState<Bubble | null>(null);
  const [focusable, setFocusable] = useState(false);

  // Whether the text is cut depends on the column's width, known only once laid out and changed
  // by density, column choice or window size: a ResizeObserver reports it (first on observe).
  useEffect(() => {
    const element = ref.current;
    if (!element || typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver(() => {
      setFocusable(element.scrollWidth > element.clientWidth && !element.querySelector(FOCUSABLE_INSIDE));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [children]);

  const show = () => {
    const element = ref.current;
    if (!element || element.scrollWidth <= element.clientWidth) return;
    const rect = element.getBoundingClientRect();
    const left = Math.max(8, Math.min(rect.left, window.innerWidth - 8 - Math.min(512, window.innerWidth - 16)));
    setBubble({ text: element.textContent ?? "", top: rect.bottom + 4, left });
  };
  const hide = () => setBubble(null);

  return (
    <span
      ref={ref}
      className={cn("block truncate", className)}
      tabIndex={focusable ? 0 : undefined}
      data-texte-coupe={focusable ? "" : undefined}
      onPointerEnter={show}
      onPointerLeave={hide}
      onFocus={show}
      onBlur={hide}
    >
      {children}
      {bubble
        ? createPortal(
            <span
              aria-hidden="true"
              data-testid="texte-complet"
              className="pointer-events-none fixed z-50 max-w-[min(32rem,calc(100vw-1rem))] rounded-md bg-slate-900 px-2 py-1 text-xs whitespace-normal break-words text-white shadow-lg"
              style={{ top: bubble.top, left: bubble.left }}
            >
              {bubble.text}
            </span>,
            document.body,
          )
        : null}
    </span>
  );
}
