import type { ReactNode } from "react";
import { cn } from "@/lib/cn";

export type DescriptionItem = { label: string; value: ReactNode; wide?: boolean };

const EMPTY = "Non renseigné";

function isEmpty(value: ReactNode): boolean {
  return value === null || value === undefined || value === false || value === "";
}

export function DescriptionList({
  items,
  columns = 2,
  className,
}: {
  items: DescriptionItem[];
  // One column for narrow side panels; two from the `sm` breakpoint otherwise.
  columns?: 1 | 2;
  className?: string;
}) {
  return (
    <dl className={cn("grid grid-cols-1 gap-x-6 gap-y-4 px-4 py-4", columns === 2 && "sm:grid-cols-2", className)}>
      {items.map((item) => (
        <div key={item.label} className={cn("min-w-0", item.wide && columns === 2 && "sm:col-span-2")}>
          <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{item.label}</dt>
          <dd className={cn("mt-1 break-words text-sm", isEmpty(item.value) ? "text-slate-500" : "text-slate-900")}>
            {isEmpty(item.value) ? EMPTY : item.value}
          </dd>
        </div>
      ))}
    </dl>
  );
}
