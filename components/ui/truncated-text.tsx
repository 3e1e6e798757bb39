"use client";

// A cell's text cut with « … » to its column's width; the whole text shows in a bubble on hover
// and on keyboard focus. The bubble is fixed-positioned in a portal so no scrolling container
// clips it, and hidden from assistive technologies: they already read the whole text.
import { useRef, useState, type ReactNode } from "react";
import { createPortal } from "react-dom";
import { cn } from "@/lib/cn";

type Bubble = { text: string; top: number; left: number };

export function TruncatedText({ children, className }: { children: ReactNode; className?: string }) {
  const ref = useRef<HTMLSpanElement>(null);
  const [bubble, setBubble] = useState<Bubble | null>(null);

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
