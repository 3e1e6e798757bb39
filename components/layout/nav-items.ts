// The menu bar's entries. Only routes that exist are listed; each needs one of its permissions.
import type { Role } from "@/lib/generated/prisma/enums";
import { ADMIN_PAGES } from "@/lib/admin/pages";
import { can, type Permission } from "@/lib/auth/permissions";

export type NavItem = { href: string; label: string };

const NAV: ReadonlyArray<NavItem & { anyOf: readonly Permission[] }> = [
  { href: "/", label: "Tableau de bord", anyOf: ["dashboard:view"] },
  { href: "/prospects", label: "Prospects", anyOf: ["prospect:read:own", "prospect:read:any"] },
  { href: "/prospects/new", label: "Ajouter un prospect", anyOf: ["prospect:create"] },
  { href: "/dossiers-prets", label: "Dossiers prêts à démarrer", anyOf: ["alert:triage"] },
  { href: "/calendrier", label: "Calendrier", anyOf: ["action:manage:any"] },
  { href: "/taches", label: "Tâches", anyOf: ["action:manage:any"] },
  { href: "/campagnes", label: "Campagnes", anyOf: ["campaign:manage"] },
  { href: "/rapports", label: "Rapports", anyOf: ["report:view"] },
  { href: "/commissions", label: "Mes commissions", anyOf: ["commission:read:own"] },
  // One entry for the admin pages (listed on /admin), so the bar does not overflow.
  { href: "/admin", label: "Administration", anyOf: ADMIN_PAGES.map((page) => page.permission) },
];

export function navItemsFor(role: Role): NavItem[] {
  return NAV.filter((item) => item.anyOf.some((p) => can(role, p))).map(({ href, label }) => ({ href, label }));
}

function matchesPath(pathname: string, href: string): boolean {
  return href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`);
}

// The most specific entry wins: /prospects/new is « Ajouter un prospect », not « Prospects ».
export function isActivePath(pathname: string, href: string): boolean {
  if (!matchesPath(pathname, href)) return false;
  return !NAV.some((item) => item.href.length > href.length && item.href.startsWith(href) && matchesPath(pathname, item.href));
}
