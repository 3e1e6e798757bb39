import Link from "next/link";
import type { Actor } from "@/lib/auth/actor";
import { ROLE_LABELS } from "@/lib/auth/permissions";
import { MainNav } from "@/components/layout/main-nav";
import { MobileMenu } from "@/components/layout/mobile-menu";
import { navItemsFor } from "@/components/layout/nav-items";
import { UserMenu, type ShellUser } from "@/components/layout/user-menu";
import { NotificationBell } from "@/components/notifications/notification-bell";
import { db } from "@/lib/db";
import { countUnreadNotifications } from "@/lib/notifications/queries";

// The menu bar at the top of every signed-in page.
export async function AppHeader({ actor }: { actor: Actor }) {
  const items = navItemsFor(actor.role);
  const unreadNotifications = await countUnreadNotifications(db, actor.id);
  const user: ShellUser = { name: actor.name, email: actor.email, roleLabel: ROLE_LABELS[actor.role] };
  return (
    <header className="relative z-20 bg-brand-900 text-white shadow">
      <div className="mx-auto flex h-16 max-w-7xl items-center justify-between gap-4 px-4 sm:px-6 lg:px-8">
        <div className="flex items-center gap-6">
          <Link href="/" className="rounded-md text-lg font-semibold tracking-tight text-white focus-visible:outline-white">
            CRM Partenaires
          </Link>
          <nav aria-label="Menu principal" className="hidden md:block">
            <MainNav items={items} />
          </nav>
        </div>
        <div className="flex items-center gap-2">
          <NotificationBell initialCount={unreadNotifications} />
          <div className="hidden md:block">
            <UserMenu user={user} />
          </div>
          <MobileMenu items={items} user={user} />
        </div>
      </div>
    </header>
  );
}
