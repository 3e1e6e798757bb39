import Link from "next/link";
import type { Actor } from "@/lib/auth/actor";
import { ROLE_LABELS } from "@/lib/auth/permissions";
import { MainNav } from "@/components/layout/main-nav";
import { MobileMenu } from "@/components/layout/mobile-menu";
import { navItemsFor } from "@/components/layout/nav-items";
import { UserMenu, type ShellUser } from "@/components/layout/user-menu";
import { NotificationBell } from "@/components/notifications/notification-bell";
import { db } from "@/lib/db";
import { countUnreadForBell } from "@/lib/notifications/queries";

// The menu bar at the top of every signed-in page.
export async function AppHeader({ actor }: { actor: Actor }) {
  const items = navItemsFor(actor.role);
  const unreadNotifications = await countUnreadForBell(db, actor.id);
  const user: ShellUser = { name: actor.name, email: actor.email, roleLabel: ROLE_LABELS[actor.role], hasOrganisation: actor.partnerId !== null };
  return (
    <header className="relative z-20 bg-brand-900 text-white shadow">
      <div className="mx-auto flex h-14 max-w-7xl items-center justify-between gap-4 px-4 sm:px-6 lg:px-8">
        <Link href="/" className="rounded-md text-lg font-semibold tracking-tight text-white focus-visible:outline-white">
          CRM Partenaires
        </Link>
        <div className="flex items-center gap-2">
          <NotificationBell initialCount={unreadNotifications} />
          <div className="hidden lg:block">
            <UserMenu user={user} />
          </div>
          <MobileMenu items={items} user={user} />
        </div>
      </div>
      {/* A row of its own, wrapping if need be: the internal team's entries outgrow one line
          beside the brand and the user menu. */}
      <nav aria-label="Menu principal" className="hidden border-t border-white/10 lg:block">
        <div className="mx-auto max-w-7xl px-2 py-1 sm:px-4 lg:px-6">
          <MainNav items={items} />
        </div>
      </nav>
    </header>
  );
}
