import type { ReactNode } from "react";
import { cn } from "@/lib/cn";

export function Card({ className, children }: { className?: string; children: ReactNode }) {
  return <div className={cn("rounded-lg border border-slate-200 bg-white shadow-sm", className)}>{children}</div>;
}

// A card that is a page section: its heading names the region for assistive technologies.
export function SectionCard({
  id,
  title,
  action,
  className,
  children,
}: {
  id: string;
  title: string;
  action?: ReactNode;
  className?: string;
  children: ReactNode;
}) {
  const headingId = `${id}-titre`;
  return (
    <section aria-labelledby={headingId} className={cn("flex flex-col", className)}>
      <Card className="flex flex-1 flex-col">
        <div className="flex items-center justify-between gap-3 border-b border-slate-200 px-4 py-3">
          <h2 id={headingId} className="text-base font-semibold text-slate-900">
            {title}
          </h2>
          {action}
        </div>
        <div className="flex-1">{children}</div>
      </Card>
    </section>
  );
}
