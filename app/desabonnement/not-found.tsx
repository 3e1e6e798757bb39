// An unsubscribe link that does not verify (altered, or for a contact since deleted): said in
// the public layout, without the staff app's links.
export default function UnsubscribeNotFound() {
  return (
    <section aria-labelledby="desabonnement-invalide" className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
      <h1 id="desabonnement-invalide" className="text-xl font-semibold text-slate-900">
        Lien de désabonnement non valide
      </h1>
      <p className="mt-3 text-base text-slate-700">
        Ce lien n&apos;est pas ou plus valide. Pour ne plus recevoir nos e-mails, utilisez le lien du dernier message reçu, ou
        écrivez-nous à l&apos;adresse ci-dessous.
      </p>
    </section>
  );
}
