"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { LinkPending } from "@/components/ui/link-pending";
import { cn } from "@/lib/cn";
import { isActivePath, type NavItem } from "@/components/layout/nav-items";

// The menu entries, as a bar (desktop) or stacked in the mobile menu's panel.
export function MainNav({ items, variant = "bar" }: { items: NavItem[]; variant?: "bar" | "panel" }) {
  const pathname = usePathname();
  return (
    <ul className={variant === "bar" ? "flex flex-wrap items-center gap-1" : "flex flex-col gap-1"}>
      {items.map((item) => {
        const active = isActivePath(pathname, item.href);
        return (
          <li key={item.href}>
            <Link
              href={item.href}
              aria-current={active ? "page" : undefined}
              className={cn(
                "items-center gap-2 rounded-md px-3 py-2 font-medium transition-colors focus-visible:outline-white",
                variant === "bar" ? "inline-flex text-sm" : "flex text-base",
                active ? "bg-white/15 text-white" : "text-brand-100 hover:bg-white/10 hover:text-white",
              )}
            >
              {item.label}
              <LinkPending />
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
