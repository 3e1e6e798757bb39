"use client";

import { useLinkStatus } from "next/link";
import { cn } from "@/lib/cn";

// Placed inside a <Link>: a small spinner while the navigation it started is pending. Pages
// render on the server without a loading.tsx (a streamed fallback would hide content from
// browsers without JS and turn 404s into 200s), so this is the feedback a click gets.
export function LinkPending({ className }: { className?: string }) {
  const { pending } = useLinkStatus();
  if (!pending) return null;
  return (
    <span
      aria-hidden="true"
      className={cn("inline-block h-3 w-3 animate-spin rounded-full border-2 border-current border-t-transparent", className)}
    />
  );
}
