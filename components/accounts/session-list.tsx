// « Mes sessions »: where the account is signed in, and « Fermer cette session » for the others.
import { ConfirmActionButton } from "@/components/ui/confirm-action-button";
import { describeUserAgent } from "@/lib/accounts/user-agent";
import { closeMySessionAction } from "@/lib/accounts/actions";
import { formatDateTime } from "@/lib/format";

export type SessionRow = { id: string; createdAt: Date; lastSeenAt: Date; ip: string | null; userAgent: string | null };

export function SessionList({ sessions, currentId }: { sessions: SessionRow[]; currentId: string | null }) {
  return (
    <ul className="divide-y divide-slate-100">
      {sessions.map((s) => {
        const device = describeUserAgent(s.userAgent);
        return (
          <li key={s.id} className="flex flex-col gap-2 px-4 py-3 sm:flex-row sm:items-center sm:justify-between">
            <div className="text-sm">
              <p className="font-medium text-slate-900">
                {device}
                {s.id === currentId ? <span className="ml-2 rounded bg-emerald-50 px-1.5 py-0.5 text-xs font-medium text-emerald-800">Cette session</span> : null}
              </p>
              <p className="text-slate-600">
                Adresse IP : {s.ip ?? "inconnue"} · Dernière activité : {formatDateTime(s.lastSeenAt)} · Ouverte le {formatDateTime(s.createdAt)}
              </p>
            </div>
            {s.id === currentId ? null : (
              <ConfirmActionButton
                label="Fermer cette session"
                accessibleLabel={`Fermer la session ${device} du ${formatDateTime(s.createdAt)}`}
                title="Fermer cette session ?"
                description="Le navigateur concerné sera déconnecté à sa prochaine action."
                confirmLabel="Fermer la session"
                pendingLabel="Fermeture…"
                action={closeMySessionAction.bind(null, { id: s.id })}
              />
            )}
          </li>
        );
      })}
    </ul>
  );
}
