// The manager's « Utilisateurs » choice on the tasks screen: a plain GET form, so the choice
// lives in the URL (shareable, back button) and works without JavaScript.
import Link from "next/link";
import { Button } from "@/components/ui/button";
import type { TaskUserOption } from "@/lib/tasks/queries";

export function TaskUserPicker({
  users,
  selected,
  actorId,
}: {
  users: TaskUserOption[];
  selected: readonly string[];
  actorId: string;
}) {
  const chosen = new Set(selected);
  return (
    <form method="get" action="/taches" className="mb-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <fieldset>
        <legend className="text-sm font-semibold text-slate-900">Utilisateurs</legend>
        <p className="mt-1 text-xs text-slate-600">
          Cochez les personnes dont vous voulez voir les tâches ; sans choix, toute l&apos;équipe est affichée.
        </p>
        <div className="mt-3 grid grid-cols-1 gap-x-6 gap-y-2 sm:grid-cols-2 lg:grid-cols-4">
          {users.map((user) => (
            <label key={user.id} className="flex items-center gap-2 text-sm text-slate-700">
              <input
                type="checkbox"
                name="users"
                value={user.id}
                defaultChecked={chosen.has(user.id)}
                className="h-4 w-4 rounded border-slate-300 text-brand-600 focus:ring-brand-600"
              />
              {user.id === actorId ? `${user.name} (moi)` : user.name}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="mt-4 flex flex-wrap items-center gap-3">
        <Button type="submit" size="sm">
          Afficher les tâches
        </Button>
        <Link href={`/taches?users=${encodeURIComponent(actorId)}`} className="text-sm font-medium text-brand-700 hover:underline">
          Mes tâches
        </Link>
        <Link href="/taches" className="text-sm font-medium text-brand-700 hover:underline">
          Toute l&apos;équipe
        </Link>
      </div>
    </form>
  );
}
