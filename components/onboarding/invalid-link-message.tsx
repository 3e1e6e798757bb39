import { INVALID_LINK_MESSAGE } from "@/lib/onboarding/labels";

// The one answer to an expired, used, replaced or unknown link: it says nothing about which.
export function InvalidLinkMessage() {
  return (
    <section aria-labelledby="lien-invalide-titre" className="rounded-lg border border-slate-200 bg-white p-6 text-center shadow-sm">
      <h1 id="lien-invalide-titre" className="text-xl font-semibold text-slate-900">
        Lien non valide
      </h1>
      <p className="mt-3 text-base text-slate-700">{INVALID_LINK_MESSAGE}</p>
    </section>
  );
}
