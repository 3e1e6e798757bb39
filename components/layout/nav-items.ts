// The menu bar's entries. Only routes that exist are listed; each needs one of its permissions.
import type { Role } from "@/lib/generated/prisma/enums";
import { can, type Permission } from "@/lib/auth/permissions";

export type NavItem = { href: string; label: string };

const NAV: ReadonlyArray<NavItem & { anyOf: readonly Permission[] }> = [
  { href: "/", label: "Tableau de bord", anyOf: ["dashboard:view"] },
  { href: "/prospects", label: "Prospects", anyOf: ["prospect:read:own", "prospect:read:any"] },
];

export function navItemsFor(role: Role): NavItem[] {
  return NAV.filter((item) => item.anyOf.some((p) => can(role, p))).map(({ href, label }) => ({ href, label }));
}

export function isActivePath(pathname: string, href: string): boolean {
  return href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`);
}
