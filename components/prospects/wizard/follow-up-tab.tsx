"use client";

import { useFormContext } from "react-hook-form";
import { Badge } from "@/components/ui/badge";
import { DescriptionList } from "@/components/ui/description-list";
import { cn } from "@/lib/cn";
import { formatDate, formatDateTime } from "@/lib/format";
import type { ProspectStatus } from "@/lib/generated/prisma/enums";
import { PROSPECT_STAGE_LABELS, PROSPECT_STAGE_TONES, PROSPECT_STATUS_LABELS } from "@/lib/prospects/labels";
import type { ProspectFormValues } from "@/lib/prospects/prospect-form-schema";
import type { InternalOptions } from "@/lib/prospects/internal-options";
import type { PartnerOption, ProspectFileInfo } from "@/lib/prospects/prospect-file";
import { fieldId, SelectField, TextAreaField, TextField, useFieldError } from "@/components/prospects/wizard/form-controls";
import { normalizeEurosInput } from "@/lib/prospects/euros";

const STATUS_ORDER: ProspectStatus[] = ["IN_DISCUSSION", "READY_TO_START", "NOT_INTERESTED"];

const STATUS_HINTS: Record<ProspectStatus, string> = {
  IN_DISCUSSION: "Vous présentez la solution à votre client.",
  READY_TO_START:
    "Votre client souhaite s'inscrire : l'équipe commerciale est alertée et il reçoit un lien unique pour finaliser son inscription.",
  NOT_INTERESTED: "Le dossier est clos ; l'entreprise pourra être enregistrée à nouveau.",
};

// Who the file comes from, so the partner is paid: filled by the system, read-only.
export type FollowUpOrigin = {
  partnerName: string | null;
  createdByName: string | null;
  createdAt: string | null;
};

function StatusField({ editable }: { editable: boolean }) {
  const { register } = useFormContext<ProspectFormValues>();
  const error = useFieldError("status");
  return (
    <fieldset disabled={!editable} aria-describedby={error ? `${fieldId("status")}-erreur` : undefined}>
      <legend className="text-sm font-medium text-slate-700">État d&apos;avancement du prospect</legend>
      <div className="mt-2 flex flex-col gap-2">
        {STATUS_ORDER.map((status) => {
          const id = `${fieldId("status")}-${status}`;
          return (
            <label
              key={status}
              htmlFor={id}
              className="flex cursor-pointer gap-3 rounded-md border border-slate-200 bg-white p-3 has-checked:border-brand-600 has-checked:bg-brand-50"
            >
              <input id={id} type="radio" value={status} className="mt-0.5 h-4 w-4 accent-brand-600" {...register("status")} />
              <span>
                <span className="block text-sm font-medium text-slate-900">{PROSPECT_STATUS_LABELS[status]}</span>
                <span className="block text-xs text-slate-600">{STATUS_HINTS[status]}</span>
              </span>
            </label>
          );
        })}
      </div>
      {error ? (
        <p id={`${fieldId("status")}-erreur`} className="mt-1 text-xs font-medium text-red-700">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

export function FollowUpTab({
  editable,
  origin,
  info,
  partnerOptions,
  internalOptions,
}: {
  editable: boolean;
  origin: FollowUpOrigin;
  info: ProspectFileInfo | null;
  // Internal users choose the referring partner; null for partners (it is their organisation).
  partnerOptions: PartnerOption[] | null;
  // Type, sales rep and origin: internal team only; null (not shown) for partners.
  internalOptions?: InternalOptions | null;
}) {
  return (
    <div className="flex flex-col gap-6">
      <section aria-labelledby="suivi-provenance" className="rounded-lg border border-slate-200 bg-slate-50">
        <h2 id="suivi-provenance" className="px-4 pt-3 text-sm font-semibold text-slate-900">
          Provenance du dossier
        </h2>
        <p className="px-4 text-xs text-slate-500">Renseignée par le système, pour vous rémunérer en conséquence.</p>
        <DescriptionList
          items={[
            { label: "Organisation partenaire", value: origin.partnerName ?? (partnerOptions ? "Dossier direct (sans apporteur)" : null) },
            { label: "Enregistré par", value: origin.createdByName },
            { label: "Date de création", value: origin.createdAt ? formatDateTime(origin.createdAt) : "À l'enregistrement" },
            ...(info
              ? [
                  {
                    label: "Étape",
                    value: <Badge tone={PROSPECT_STAGE_TONES[info.stage]}>{PROSPECT_STAGE_LABELS[info.stage]}</Badge>,
                  },
                  ...(internalOptions ? [{ label: "Commercial", value: info.ownerName }] : []),
                  ...(info.readyAt ? [{ label: "Prêt à démarrer depuis le", value: formatDate(info.readyAt) }] : []),
                  ...(internalOptions
                    ? [
                        { label: "Type de prospect", value: info.typeName },
                        { label: "Origine", value: info.originName },
                      ]
                    : []),
                ]
              : []),
          ]}
        />
      </section>

      <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
        <div className="flex flex-col gap-4">
          {partnerOptions ? (
            <fieldset disabled={!editable}>
              <legend className="sr-only">Apporteur</legend>
              <SelectField
                name="partnerId"
                label="Organisation partenaire (apporteur)"
                options={[{ value: "", label: "Aucune : dossier direct" }, ...partnerOptions]}
              />
            </fieldset>
          ) : null}
          {internalOptions ? (
            <fieldset disabled={!editable} className="flex flex-col gap-4">
              <legend className="sr-only">Type, commercial et origine</legend>
              <SelectField
                name="typeId"
                label="Type de prospect"
                options={[{ value: "", label: "Non renseigné" }, ...internalOptions.types]}
              />
              <SelectField
                name="ownerId"
                label="Commercial"
                hint="Le prospect compte dans les statistiques de ce commercial."
                options={[{ value: "", label: "Non attribué" }, ...internalOptions.owners]}
              />
              <SelectField
                name="originId"
                label="Origine"
                options={[{ value: "", label: "Non renseignée" }, ...internalOptions.origins]}
              />
            </fieldset>
          ) : null}
          <StatusField editable={editable} />
        </div>
        <fieldset disabled={!editable} className={cn("flex flex-col gap-4")}>
          <legend className="sr-only">Chiffre d&apos;affaires et commentaire</legend>
          <TextField
            name="revenueCurrentYear"
            label="Chiffre d'affaires annuel, année en cours (€)"
            inputMode="decimal"
            normalize={normalizeEurosInput}
            hint="En euros, par exemple 1 250 000 ou 1 250 000,50."
          />
          <TextField
            name="revenueForecast"
            label="Chiffre d'affaires prévisionnel (€)"
            inputMode="decimal"
            normalize={normalizeEurosInput}
          />
          <TextAreaField name="comment" label="Commentaire sur ce dossier" hint="Facultatif." />
        </fieldset>
      </div>

      {info && info.internalNotes !== undefined ? (
        <section aria-labelledby="suivi-notes-internes" className="rounded-lg border border-amber-200 bg-amber-50 px-4 py-3">
          <h2 id="suivi-notes-internes" className="text-sm font-semibold text-slate-900">
            Notes internes
          </h2>
          <p className="text-xs text-slate-600">Visibles uniquement par l&apos;équipe interne, jamais par le partenaire.</p>
          <p className={cn("mt-2 whitespace-pre-line text-sm", info.internalNotes ? "text-slate-900" : "text-slate-500")}>
            {info.internalNotes || "Aucune note."}
          </p>
        </section>
      ) : null}
    </div>
  );
}
