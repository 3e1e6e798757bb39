import { Badge } from "@/components/ui/badge";
import { SectionCard } from "@/components/ui/card";
import { DescriptionList } from "@/components/ui/description-list";
import { formatCountry, formatDate, formatDateTime, formatEuros, formatSiren, formatSiret } from "@/lib/format";
import {
  PROSPECT_KIND_LABELS,
  PROSPECT_STAGE_LABELS,
  PROSPECT_STAGE_TONES,
  PROSPECT_STATUS_LABELS,
  PROSPECT_STATUS_TONES,
} from "@/lib/prospects/labels";
import type { ProspectDetail } from "@/lib/prospects/queries";

// Only web addresses become links: a stored `javascript:` URL must stay inert text.
function Website({ url }: { url: string }) {
  if (!/^https?:\/\//i.test(url)) return <>{url}</>;
  return (
    <a href={url} target="_blank" rel="noopener noreferrer" className="text-brand-700 hover:underline">
      {url.replace(/^https?:\/\//i, "")}
      <span className="sr-only"> (nouvel onglet)</span>
    </a>
  );
}

// Free text keeps the line breaks it was typed with; empty text shows as « Non renseigné ».
function multiline(text: string | null) {
  return text ? <span className="whitespace-pre-line">{text}</span> : null;
}

export function ProspectIdentity({ prospect }: { prospect: ProspectDetail }) {
  return (
    <SectionCard id="entreprise" title="Entreprise">
      <DescriptionList
        items={[
          { label: "Nature", value: PROSPECT_KIND_LABELS[prospect.kind] },
          { label: "Raison sociale", value: prospect.legalName },
          { label: "SIREN", value: formatSiren(prospect.siren) },
          { label: "SIRET", value: formatSiret(prospect.siret) },
          { label: "N° de TVA intracommunautaire", value: prospect.vatNumber },
          { label: "Code NAF", value: prospect.nafCode },
          { label: "Forme juridique", value: prospect.legalForm },
          { label: "Effectif", value: prospect.headcountBand },
          { label: "Site internet", value: prospect.website ? <Website url={prospect.website} /> : null },
          { label: "Type de prospect", value: prospect.type?.name },
          { label: "Origine", value: prospect.origin?.name },
          { label: "Partenaire", value: prospect.partner?.name },
          { label: "Commercial", value: prospect.owner?.name },
        ]}
      />
    </SectionCard>
  );
}

export function ProspectAddress({ prospect }: { prospect: ProspectDetail }) {
  const cityLine = [prospect.postalCode, prospect.city].filter(Boolean).join(" ");
  return (
    <SectionCard id="adresse" title="Adresse">
      <DescriptionList
        columns={1}
        items={[
          { label: "Adresse", value: prospect.street, wide: true },
          { label: "Code postal et ville", value: cityLine },
          { label: "Pays", value: formatCountry(prospect.country) },
        ]}
      />
    </SectionCard>
  );
}

export function ProspectFollowUp({ prospect }: { prospect: ProspectDetail }) {
  return (
    <SectionCard id="suivi" title="Suivi du dossier">
      <DescriptionList
        items={[
          {
            label: "Statut",
            value: (
              <Badge tone={PROSPECT_STATUS_TONES[prospect.status]}>{PROSPECT_STATUS_LABELS[prospect.status]}</Badge>
            ),
          },
          {
            label: "Étape",
            value: <Badge tone={PROSPECT_STAGE_TONES[prospect.stage]}>{PROSPECT_STAGE_LABELS[prospect.stage]}</Badge>,
          },
          {
            label: "Chiffre d’affaires de l’année",
            value: prospect.revenueCurrentYearCents !== null ? formatEuros(prospect.revenueCurrentYearCents) : null,
          },
          {
            label: "Chiffre d’affaires prévisionnel",
            value: prospect.revenueForecastCents !== null ? formatEuros(prospect.revenueForecastCents) : null,
          },
          ...(prospect.readyAt ? [{ label: "Prêt à démarrer depuis le", value: formatDate(prospect.readyAt) }] : []),
          { label: "Créé le", value: formatDateTime(prospect.createdAt) },
          { label: "Commentaire", value: multiline(prospect.comment), wide: true },
        ]}
      />
    </SectionCard>
  );
}

export function ProspectRecommendation({ prospect }: { prospect: ProspectDetail }) {
  return (
    <SectionCard id="recommandation" title="Recommandation">
      <DescriptionList
        columns={1}
        items={[
          { label: "Activité", value: multiline(prospect.recommendationActivity), wide: true },
          { label: "Besoins", value: multiline(prospect.recommendationNeeds), wide: true },
          { label: "Factures", value: multiline(prospect.recommendationInvoices), wide: true },
        ]}
      />
    </SectionCard>
  );
}

export function ProspectInternalNotes({ notes }: { notes: string | null }) {
  return (
    <SectionCard id="notes-internes" title="Notes internes">
      <div className="px-4 py-4 text-sm">
        <p className="text-xs text-slate-500">Visibles uniquement par l’équipe interne, jamais par le partenaire.</p>
        <p className={notes ? "mt-2 whitespace-pre-line text-slate-900" : "mt-2 text-slate-400"}>
          {notes || "Aucune note."}
        </p>
      </div>
    </SectionCard>
  );
}
