"use client";

import Link from "next/link";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { useDisclosure } from "@/components/layout/use-disclosure";
import { cn } from "@/lib/cn";

export type ShellUser = { name: string; email: string; roleLabel: string; hasOrganisation?: boolean };

// « Mon compte » for everyone, « Mon organisation » for partner users.
export function accountLinks(user: ShellUser): Array<{ href: string; label: string }> {
  return [{ href: "/compte", label: "Mon compte" }, ...(user.hasOrganisation ? [{ href: "/mon-organisation", label: "Mon organisation" }] : [])];
}

function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  return ((parts[0]?.[0] ?? "") + (parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? "") : "")).toUpperCase() || "?";
}

export function Avatar({ name, className }: { name: string; className?: string }) {
  return (
    <span
      aria-hidden="true"
      className={cn(
        "flex h-8 w-8 shrink-0 items-center justify-center rounded-full bg-white/15 text-xs font-semibold text-white",
        className,
      )}
    >
      {initials(name)}
    </span>
  );
}

export function UserMenu({ user }: { user: ShellUser }) {
  const { open, toggle, panelId, buttonRef, containerRef, buttonProps } = useDisclosure();
  return (
    <div ref={containerRef} className="relative">
      <button
        ref={buttonRef}
        type="button"
        onClick={toggle}
        {...buttonProps}
        className="flex items-center gap-3 rounded-md px-2 py-1.5 text-left text-white hover:bg-white/10 focus-visible:outline-white"
      >
        <Avatar name={user.name} />
        <span className="flex flex-col leading-tight">
          <span className="text-sm font-medium">{user.name}</span>
          <span className="text-xs text-brand-100">{user.roleLabel}</span>
        </span>
        <svg aria-hidden="true" viewBox="0 0 20 20" className={cn("h-4 w-4 text-brand-100 transition-transform", open && "rotate-180")}>
          <path fill="currentColor" d="M5.3 7.3a1 1 0 0 1 1.4 0L10 10.6l3.3-3.3a1 1 0 1 1 1.4 1.4l-4 4a1 1 0 0 1-1.4 0l-4-4a1 1 0 0 1 0-1.4z" />
        </svg>
        <span className="sr-only">Menu utilisateur</span>
      </button>
      <div
        id={panelId}
        hidden={!open}
        className="absolute right-0 z-30 mt-2 w-64 rounded-lg border border-slate-200 bg-white p-2 text-slate-900 shadow-lg"
      >
        <div className="border-b border-slate-100 px-3 py-2">
          <p className="text-sm font-medium">{user.name}</p>
          <p className="truncate text-xs text-slate-500">{user.email}</p>
          <p className="mt-1 text-xs text-slate-500">Rôle : {user.roleLabel}</p>
        </div>
        <div className="pt-2">
          {accountLinks(user).map((link) => (
            <Link key={link.href} href={link.href} className="block w-full rounded-md px-3 py-2 text-left text-sm text-slate-700 hover:bg-slate-100">
              {link.label}
            </Link>
          ))}
          <SignOutButton className="w-full rounded-md px-3 py-2 text-left text-sm text-slate-700 hover:bg-slate-100" />
        </div>
      </div>
    </div>
  );
}
