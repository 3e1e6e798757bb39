"use client";

import { SignOutButton } from "@/components/auth/sign-out-button";
import { MainNav } from "@/components/layout/main-nav";
import type { NavItem } from "@/components/layout/nav-items";
import { useDisclosure } from "@/components/layout/use-disclosure";
import Link from "next/link";
import { accountLinks, Avatar, type ShellUser } from "@/components/layout/user-menu";

// Below the `md` breakpoint the menu bar folds into this disclosure.
export function MobileMenu({ items, user }: { items: NavItem[]; user: ShellUser }) {
  const { open, toggle, panelId, buttonRef, containerRef, buttonProps } = useDisclosure();
  return (
    <div ref={containerRef} className="lg:hidden">
      <button
        ref={buttonRef}
        type="button"
        onClick={toggle}
        {...buttonProps}
        className="inline-flex h-10 w-10 items-center justify-center rounded-md text-white hover:bg-white/10 focus-visible:outline-white"
      >
        <span className="sr-only">{open ? "Fermer le menu" : "Ouvrir le menu"}</span>
        <svg aria-hidden="true" viewBox="0 0 24 24" className="h-6 w-6" fill="none" stroke="currentColor" strokeWidth={2}>
          {open ? (
            <path strokeLinecap="round" d="M6 6l12 12M18 6 6 18" />
          ) : (
            <path strokeLinecap="round" d="M4 7h16M4 12h16M4 17h16" />
          )}
        </svg>
      </button>
      <div
        id={panelId}
        hidden={!open}
        className="absolute inset-x-0 top-full z-30 border-t border-white/10 bg-brand-900 px-4 pb-4 pt-2 shadow-lg"
      >
        <nav aria-label="Menu principal">
          <MainNav items={items} variant="panel" />
        </nav>
        <div className="mt-3 flex items-center gap-3 border-t border-white/10 px-3 pt-3">
          <Avatar name={user.name} />
          <div className="min-w-0">
            <p className="truncate text-sm font-medium text-white">{user.name}</p>
            <p className="text-xs text-brand-100">{user.roleLabel}</p>
          </div>
        </div>
        {accountLinks(user).map((link) => (
          <Link key={link.href} href={link.href} className="mt-2 block w-full rounded-md px-3 py-2 text-left text-base font-medium text-brand-100 hover:bg-white/10 hover:text-white focus-visible:outline-white">
            {link.label}
          </Link>
        ))}
        <SignOutButton className="mt-2 block w-full rounded-md px-3 py-2 text-left text-base font-medium text-brand-100 hover:bg-white/10 hover:text-white focus-visible:outline-white" />
      </div>
    </div>
  );
}
