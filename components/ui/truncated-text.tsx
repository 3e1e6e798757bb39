"use client";

// A cell's text cut with « … » to its column's width; the whole text shows in a bubble on hover
// and on keyboard focus. The bubble is fixed-positioned in a portal so no scrolling container
// clips it, and hidden from assistive technologies: they already read the whole text. A cut
// cell with no link or button inside becomes a tab stop of its own, so keyboard users can reach
// the hidden part too; an uncut one stays out of the tab order.
import { useEffect, useRef, useState, type ReactNode } from "react";
import { bubbleFor, FullTextBubble, type Bubble } from "@/components/ui/full-text-bubble";
import { cn } from "@/lib/cn";

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
    setBubble(bubbleFor(element));
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
      <FullTextBubble bubble={bubble} />
    </span>
  );
}
