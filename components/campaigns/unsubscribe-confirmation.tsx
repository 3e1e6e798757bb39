import { buttonClasses } from "@/components/ui/button";
import { resubscribeFormAction, unsubscribeFormAction } from "@/lib/campaigns/unsubscribe-action";

// Enough of the address for the recipient to recognise it, not enough to learn it from a forwarded link.
function maskEmail(email: string | null): string | null {
  if (!email) return null;
  const at = email.indexOf("@");
  if (at <= 0) return null;
  return `${email.slice(0, 1)}${"•".repeat(Math.min(Math.max(at - 1, 1), 6))}${email.slice(at)}`;
}

export function UnsubscribeConfirmation({
  token,
  email,
  done,
  resubscribed = false,
}: {
  token: string;
  email: string | null;
  done: boolean;
  // Just undone from this page: said above the form to unsubscribe again.
  resubscribed?: boolean;
}) {
  const masked = maskEmail(email);
  return (
    <section aria-labelledby="desabonnement-titre" className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
      <h1 id="desabonnement-titre" className="text-xl font-semibold text-slate-900">
        Se désabonner
      </h1>
      {done ? (
        <form action={resubscribeFormAction} className="mt-3 flex flex-col gap-4">
          <input type="hidden" name="token" value={token} />
          <p role="status" className="text-base text-slate-700">
            Vous ne recevrez plus nos e-mails.
          </p>
          <p className="text-sm text-slate-700">Une erreur ? Vous pouvez annuler ce désabonnement.</p>
          <div>
            <button type="submit" className={buttonClasses("secondary", "md")}>
              Annuler le désabonnement
            </button>
          </div>
        </form>
      ) : (
        <form action={unsubscribeFormAction} className="mt-3 flex flex-col gap-4">
          {resubscribed ? (
            <p role="status" className="rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
              Désabonnement annulé : vous recevrez à nouveau nos e-mails.
            </p>
          ) : null}
          <input type="hidden" name="token" value={token} />
          <p className="text-base text-slate-700">
            {masked
              ? `Confirmez que l'adresse ${masked} ne doit plus recevoir nos e-mails.`
              : "Confirmez que vous ne souhaitez plus recevoir nos e-mails."}
          </p>
          <div>
            <button type="submit" className={buttonClasses("primary", "md")}>
              Confirmer le désabonnement
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
