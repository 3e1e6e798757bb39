"use client";

// Step 1, « Préparer le contenu du mail »: name, one-line subject and message, with French chips
// that insert a merge field where the cursor is (in the subject or the message, whichever was
// last used), optionally with the text to use when a recipient has no value. The editor shows
// « {{Prénom}} »; what is validated, stored and sent is « {{firstName}} ».
import { zodResolver } from "@hookform/resolvers/zod";
import { useId, useRef, useState } from "react";
import { useForm, type Resolver } from "react-hook-form";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { controlClasses, Field } from "@/components/ui/field";
import { createCampaignAction, updateCampaignContentAction } from "@/lib/campaigns/actions";
import { CAMPAIGN_MERGE_FIELDS, editorToken, toEditorTemplate, toStoredTemplate } from "@/lib/campaigns/merge-fields";
import {
  CAMPAIGN_BODY_MAX,
  CAMPAIGN_NAME_MAX,
  CAMPAIGN_SUBJECT_MAX,
  campaignContentSchema,
  type CampaignContentInput,
  type CampaignContentValues,
} from "@/lib/campaigns/schemas";
import { cn } from "@/lib/cn";

const NETWORK_ERROR = "La campagne n'a pas pu être enregistrée. Vérifiez votre connexion et réessayez.";

type Target = "subjectTemplate" | "bodyTemplate";

const schemaResolver = zodResolver(campaignContentSchema);

// The shared schema checks the stored form of the templates, so the French tokens are turned
// into stored ones first; the resolved values are what the server action receives.
const resolver: Resolver<CampaignContentInput, unknown, CampaignContentValues> = (values, context, options) =>
  schemaResolver(
    { ...values, subjectTemplate: toStoredTemplate(values.subjectTemplate ?? ""), bodyTemplate: toStoredTemplate(values.bodyTemplate ?? "") },
    context,
    options,
  );

function FieldError({ id, message }: { id: string; message?: string }) {
  return message ? (
    <p id={id} className="text-sm text-red-700">
      {message}
    </p>
  ) : null;
}

export function CampaignContentForm({
  campaignId,
  initial,
}: {
  // null: a new campaign (created on save); otherwise the draft being edited.
  campaignId: string | null;
  initial: CampaignContentInput;
}) {
  const router = useRouter();
  const base = useId();
  const ids = { name: `${base}-nom`, subjectTemplate: `${base}-objet`, bodyTemplate: `${base}-message` };
  const [formError, setFormError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [leaving, setLeaving] = useState(false);
  const [target, setTarget] = useState<Target>("bodyTemplate");
  const [fallback, setFallback] = useState("");
  const elements = useRef<Record<Target, HTMLInputElement | HTMLTextAreaElement | null>>({ subjectTemplate: null, bodyTemplate: null });

  const {
    register,
    handleSubmit,
    setValue,
    getValues,
    setError,
    formState: { errors, isSubmitting, isSubmitted },
  } = useForm<CampaignContentInput, unknown, CampaignContentValues>({
    resolver,
    defaultValues: {
      ...initial,
      subjectTemplate: toEditorTemplate(initial.subjectTemplate ?? ""),
      bodyTemplate: toEditorTemplate(initial.bodyTemplate ?? ""),
    },
  });

  const subject = register("subjectTemplate");
  const body = register("bodyTemplate");

  function insert(label: string) {
    const element = elements.current[target];
    const token = editorToken(label, fallback);
    const value = getValues(target) ?? "";
    const start = element?.selectionStart ?? value.length;
    const end = element?.selectionEnd ?? value.length;
    setValue(target, `${value.slice(0, start)}${token}${value.slice(end)}`, { shouldDirty: true, shouldValidate: isSubmitted });
    requestAnimationFrame(() => {
      element?.focus();
      element?.setSelectionRange(start + token.length, start + token.length);
    });
  }

  async function onSubmit(values: CampaignContentValues) {
    setFormError(null);
    setSaved(null);
    let result;
    try {
      result = campaignId ? await updateCampaignContentAction({ campaignId, ...values }) : await createCampaignAction(values);
    } catch {
      setFormError(NETWORK_ERROR);
      return;
    }
    if (!result.ok) {
      setFormError(result.error);
      for (const [field, messages] of Object.entries(result.fieldErrors)) {
        if (field in ids) setError(field as keyof CampaignContentInput, { message: messages[0] });
      }
      return;
    }
    if (campaignId) {
      setSaved("Le contenu de la campagne est enregistré.");
      router.refresh();
      return;
    }
    setLeaving(true);
    router.push(`/campagnes/${result.data.id}?etape=2`);
  }

  const busy = isSubmitting || leaving;
  const describedBy = (id: string, hasError: boolean, hint?: string) => cn(hint, hasError && `${id}-erreur`) || undefined;

  return (
    <form noValidate onSubmit={handleSubmit(onSubmit)} className="flex flex-col gap-4">
      <div role="alert" aria-atomic="true">
        {formError ? <p className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">{formError}</p> : null}
      </div>
      <div role="status" aria-atomic="true">
        {saved ? <p className="rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-800">{saved}</p> : null}
      </div>

      <Field id={ids.name} label="Nom de la campagne" hint="Pour vous retrouver dans la liste des campagnes ; le destinataire ne le voit pas.">
        <input
          id={ids.name}
          type="text"
          maxLength={CAMPAIGN_NAME_MAX}
          aria-invalid={errors.name ? true : undefined}
          aria-describedby={describedBy(ids.name, Boolean(errors.name), `${ids.name}-aide`)}
          className={controlClasses}
          {...register("name")}
        />
        <FieldError id={`${ids.name}-erreur`} message={errors.name?.message} />
      </Field>

      <Field id={ids.subjectTemplate} label="Objet">
        <input
          id={ids.subjectTemplate}
          type="text"
          maxLength={CAMPAIGN_SUBJECT_MAX}
          aria-invalid={errors.subjectTemplate ? true : undefined}
          aria-describedby={describedBy(ids.subjectTemplate, Boolean(errors.subjectTemplate))}
          className={controlClasses}
          {...subject}
          ref={(element) => {
            subject.ref(element);
            elements.current.subjectTemplate = element;
          }}
          onFocus={() => setTarget("subjectTemplate")}
        />
        <FieldError id={`${ids.subjectTemplate}-erreur`} message={errors.subjectTemplate?.message} />
      </Field>

      <div className="flex flex-col gap-2">
        <p id={`${base}-champs`} className="text-sm font-medium text-slate-700">
          Insérer un champ de fusion
        </p>
        <p className="text-xs text-slate-600">
          Un clic insère le champ dans {target === "subjectTemplate" ? "l'objet" : "le message"}, à l&apos;emplacement du curseur ;
          il sera remplacé par la valeur de la fiche (contact favori, entreprise) et votre nom comme expéditeur.
        </p>
        <div role="group" aria-labelledby={`${base}-champs`} className="flex flex-wrap gap-2">
          {CAMPAIGN_MERGE_FIELDS.map((field) => (
            <button
              key={field.key}
              type="button"
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => insert(field.label)}
              className="inline-flex h-8 items-center rounded-full border border-brand-200 bg-brand-50 px-3 text-sm font-medium text-brand-800 hover:bg-brand-100"
            >
              {field.label}
            </button>
          ))}
        </div>
        <Field
          id={`${base}-remplacement`}
          label="Texte si la fiche n'a pas de valeur (facultatif)"
          hint="Ajouté au prochain champ inséré, par exemple « Madame, Monsieur » pour « Prénom » : {{Prénom|Madame, Monsieur}}."
          className="sm:max-w-md"
        >
          <input
            id={`${base}-remplacement`}
            type="text"
            maxLength={60}
            value={fallback}
            onChange={(event) => setFallback(event.target.value)}
            aria-describedby={`${base}-remplacement-aide`}
            className={controlClasses}
          />
        </Field>
        <p className="text-xs text-slate-600">Un lien de désabonnement est ajouté au bas de chaque e-mail.</p>
      </div>

      <Field id={ids.bodyTemplate} label="Message">
        <textarea
          id={ids.bodyTemplate}
          rows={12}
          maxLength={CAMPAIGN_BODY_MAX}
          aria-invalid={errors.bodyTemplate ? true : undefined}
          aria-describedby={describedBy(ids.bodyTemplate, Boolean(errors.bodyTemplate), `${ids.bodyTemplate}-aide`)}
          className={cn(controlClasses, "h-auto py-2")}
          {...body}
          ref={(element) => {
            body.ref(element);
            elements.current.bodyTemplate = element;
          }}
          onFocus={() => setTarget("bodyTemplate")}
        />
        <p id={`${ids.bodyTemplate}-aide`} className="text-xs text-slate-500">
          Texte simple : une ligne vide sépare deux paragraphes.
        </p>
        <FieldError id={`${ids.bodyTemplate}-erreur`} message={errors.bodyTemplate?.message} />
      </Field>

      <div>
        <Button type="submit" disabled={busy} aria-busy={busy}>
          {busy ? "Enregistrement…" : campaignId ? "Enregistrer le contenu" : "Enregistrer et continuer"}
        </Button>
      </div>
    </form>
  );
}
