"use client";

// Step 1, « Préparer le contenu du mail »: name, one-line subject and message, with buttons that
// insert a merge field where the cursor is (in the subject or the message, whichever was last used).
import { zodResolver } from "@hookform/resolvers/zod";
import { useId, useRef, useState } from "react";
import { useForm } from "react-hook-form";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { controlClasses, Field } from "@/components/ui/field";
import { createCampaignAction, updateCampaignContentAction } from "@/lib/campaigns/actions";
import { CAMPAIGN_MERGE_FIELDS, mergeFieldToken } from "@/lib/campaigns/merge-fields";
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
  const elements = useRef<Record<Target, HTMLInputElement | HTMLTextAreaElement | null>>({ subjectTemplate: null, bodyTemplate: null });

  const {
    register,
    handleSubmit,
    setValue,
    getValues,
    setError,
    formState: { errors, isSubmitting, isSubmitted },
  } = useForm<CampaignContentInput, unknown, CampaignContentValues>({
    resolver: zodResolver(campaignContentSchema),
    defaultValues: initial,
  });

  const subject = register("subjectTemplate");
  const body = register("bodyTemplate");

  function insert(key: string) {
    const element = elements.current[target];
    const token = mergeFieldToken(key);
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
          Champs de fusion
        </p>
        <p className="text-xs text-slate-500">
          Un clic insère le champ dans {target === "subjectTemplate" ? "l'objet" : "le message"}, à l&apos;emplacement du curseur.
        </p>
        <div role="group" aria-labelledby={`${base}-champs`} className="flex flex-wrap gap-2">
          {CAMPAIGN_MERGE_FIELDS.map((field) => (
            <button
              key={field.key}
              type="button"
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => insert(field.key)}
              aria-label={`Insérer le champ ${field.label}`}
              className="rounded-md border border-slate-300 bg-white px-2 py-1 text-left text-xs text-slate-700 shadow-sm hover:bg-slate-50"
            >
              <span className="block font-medium">{field.label}</span>
              <code className="text-slate-500">{mergeFieldToken(field.key)}</code>
            </button>
          ))}
        </div>
        <p className="text-xs text-slate-500">
          Chaque champ est remplacé par la valeur de la fiche : civilité, prénom et nom du contact favori, nom de la société,
          et votre nom comme expéditeur. Un lien de désabonnement est ajouté au bas de chaque e-mail.
        </p>
      </div>

      <Field id={ids.bodyTemplate} label="Message">
        <textarea
          id={ids.bodyTemplate}
          rows={12}
          maxLength={CAMPAIGN_BODY_MAX}
          aria-invalid={errors.bodyTemplate ? true : undefined}
          aria-describedby={describedBy(ids.bodyTemplate, Boolean(errors.bodyTemplate), `${ids.bodyTemplate}-aide`)}
          className={cn(controlClasses, "h-auto py-2 font-mono")}
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
