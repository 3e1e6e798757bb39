"use client";

// « Contacts »: several people at the client, exactly one « favori » (the privileged contact,
// who receives the onboarding link). The first contact becomes the favourite, choosing another
// moves it, removing the favourite hands it to the first remaining contact. The server enforces
// the same rule.
import { useFieldArray, useFormContext, useWatch } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { MAX_CONTACTS, emptyContact } from "@/lib/prospects/prospect-form-fields";
import type { ProspectFormValues } from "@/lib/prospects/prospect-form-schema";
import { SelectField, TextField } from "@/components/prospects/wizard/form-controls";

// The phone metadata (29 kB gzip) is fetched the first time a number is typed, not with the page.
async function normalizePhoneInput(value: string): Promise<string> {
  const { normalizePhoneInput: normalize } = await import("@/lib/validation/phone");
  return normalize(value);
}

const CIVILITIES = [
  { value: "", label: "—" },
  { value: "MR", label: "M." },
  { value: "MRS", label: "Mme" },
];

function StarIcon() {
  return (
    <svg aria-hidden="true" viewBox="0 0 20 20" className="h-4 w-4 text-amber-500">
      <path fill="currentColor" d="M10 1.5l2.6 5.3 5.9.9-4.3 4.1 1 5.8L10 14.9l-5.2 2.7 1-5.8L1.5 7.7l5.9-.9z" />
    </svg>
  );
}

export function ContactsTab({ editable }: { editable: boolean }) {
  const { control, setValue, getValues } = useFormContext<ProspectFormValues>();
  // keyName: our contacts carry their own `id`, which react-hook-form must not overwrite.
  const { fields, append, remove } = useFieldArray({ control, name: "contacts", keyName: "fieldKey" });
  const contacts = useWatch({ control, name: "contacts" }) ?? [];

  const makeFavorite = (index: number) => {
    getValues("contacts").forEach((_, i) => {
      setValue(`contacts.${i}.isFavorite`, i === index, { shouldDirty: true });
    });
  };

  const removeContact = (index: number) => {
    const wasFavorite = getValues(`contacts.${index}.isFavorite`);
    remove(index);
    const remaining = getValues("contacts");
    if (wasFavorite && remaining.length > 0 && !remaining.some((c) => c.isFavorite)) {
      setValue("contacts.0.isFavorite", true, { shouldDirty: true });
    }
  };

  const addContact = () => {
    append(emptyContact(fields.length === 0), { shouldFocus: true, focusName: `contacts.${fields.length}.lastName` });
  };

  return (
    <div className="flex flex-col gap-4">
      <p className="text-sm text-slate-600">
        Ajoutez une ou plusieurs personnes chez le client et choisissez le contact « favori » : c&apos;est lui que
        l&apos;équipe commerciale appellera et qui recevra le lien d&apos;inscription. Seule la ligne fixe est obligatoire
        parmi les téléphones.
      </p>

      {fields.length === 0 ? (
        <EmptyState title="Aucun contact pour l'instant." description="Le premier contact ajouté devient le contact favori." />
      ) : (
        <ol className="flex flex-col gap-4">
          {fields.map((field, index) => {
            const current = contacts[index];
            const isFavorite = Boolean(current?.isFavorite);
            const displayName = [current?.firstName, current?.lastName].filter(Boolean).join(" ") || `Contact ${index + 1}`;
            return (
              <li key={field.fieldKey} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
                <fieldset disabled={!editable}>
                  <legend className="flex w-full flex-wrap items-center gap-2 text-sm font-semibold text-slate-900">
                    {displayName}
                    {isFavorite ? (
                      <span className="inline-flex items-center gap-1 rounded-full bg-amber-50 px-2 py-0.5 text-xs font-medium text-amber-800 ring-1 ring-inset ring-amber-200">
                        <StarIcon />
                        Favori
                      </span>
                    ) : null}
                  </legend>
                  <div className="mt-3 grid grid-cols-1 gap-4 sm:grid-cols-6">
                    <SelectField name={`contacts.${index}.civility`} label="Civilité" options={CIVILITIES} className="sm:col-span-1" />
                    <TextField name={`contacts.${index}.lastName`} label="Nom" required className="sm:col-span-2" autoComplete="off" />
                    <TextField name={`contacts.${index}.firstName`} label="Prénom" required className="sm:col-span-3" autoComplete="off" />
                    <TextField name={`contacts.${index}.jobTitle`} label="Fonction" className="sm:col-span-3" />
                    <TextField name={`contacts.${index}.email`} label="Adresse e-mail" type="email" className="sm:col-span-3" autoComplete="off" />
                    <TextField
                      name={`contacts.${index}.landlinePhone`}
                      label="Téléphone fixe"
                      required
                      type="tel"
                      normalize={normalizePhoneInput}
                      className="sm:col-span-3"
                      hint="Par exemple 01 23 45 67 89 ou +33 1 23 45 67 89."
                    />
                    <TextField
                      name={`contacts.${index}.mobilePhone`}
                      label="Téléphone mobile (facultatif)"
                      type="tel"
                      normalize={normalizePhoneInput}
                      className="sm:col-span-3"
                    />
                  </div>
                  <div className="mt-4 flex flex-wrap items-center justify-between gap-3 border-t border-slate-100 pt-3">
                    <label className="inline-flex cursor-pointer items-center gap-2 text-sm text-slate-800">
                      <input
                        type="radio"
                        name="contact-favori"
                        className="h-4 w-4 accent-brand-600"
                        checked={isFavorite}
                        onChange={() => makeFavorite(index)}
                      />
                      Contact favori
                    </label>
                    {editable ? (
                      <Button
                        variant="ghost"
                        size="sm"
                        className="text-red-700 hover:bg-red-50"
                        aria-label={`Retirer le contact ${displayName}`}
                        onClick={() => removeContact(index)}
                      >
                        Retirer ce contact
                      </Button>
                    ) : null}
                  </div>
                </fieldset>
              </li>
            );
          })}
        </ol>
      )}

      {editable ? (
        <div>
          <Button variant="secondary" onClick={addContact} disabled={fields.length >= MAX_CONTACTS}>
            Ajouter un contact
          </Button>
        </div>
      ) : null}
    </div>
  );
}
