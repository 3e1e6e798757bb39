import type { ReactNode } from "react";
import { AppHeader } from "@/components/layout/app-header";
import { ReminderToaster } from "@/components/notifications/reminder-toaster";
import { TablePreferencesProvider } from "@/components/ui/table-preferences";
import { getTablePreferences, requireUser } from "@/lib/auth/session";

export default async function AppLayout({ children }: { children: ReactNode }) {
  const actor = await requireUser();
  const tablePreferences = await getTablePreferences();
  return (
    <div className="flex min-h-screen flex-col">
      <a
        href="#contenu"
        className="sr-only z-50 rounded-md bg-white text-sm font-medium text-brand-800 shadow focus:not-sr-only focus:absolute focus:left-4 focus:top-3 focus:px-4 focus:py-2"
      >
        Aller au contenu principal
      </a>
      <AppHeader actor={actor} />
      <main id="contenu" tabIndex={-1} className="mx-auto w-full max-w-7xl flex-1 px-4 py-6 focus:outline-none sm:px-6 lg:px-8">
        <TablePreferencesProvider userId={actor.id} initial={tablePreferences}>
          {children}
        </TablePreferencesProvider>
      </main>
      <ReminderToaster />
    </div>
  );
}
