import type { ReactNode } from "react";
import { cn } from "@/lib/cn";

export type BadgeTone = "neutral" | "info" | "success" | "warning" | "danger" | "brand";

export function Badge({
  tone = "neutral",
  className,
  children,
}: {
  tone?: BadgeTone;
  className?: string;
  children: ReactNode;
}) {
  return (
    <span
      className={cn(
        // Its shape and tone are CSS classes (app/globals.css): badges repeat on every list row.
        "badge",
        `badge-${tone}`,
        className,
      )}
    >
      {children}
    </span>
  );
}
