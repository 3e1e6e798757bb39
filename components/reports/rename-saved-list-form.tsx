"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { controlClasses } from "@/components/ui/field";
import { renameSavedListAction } from "@/lib/reports/actions";
import { SAVED_LIST_NAME_MAX } from "@/lib/reports/saved-list-schemas";

// « Renommer la liste »: the new name is checked on the server (unique per user).
export function RenameSavedListForm({ id, name }: { id: string; name: string }) {
  const router = useRouter();
  const [value, setValue] = useState(name);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [pending, startTransition] = useTransition();

  return (
    <form
      noValidate
      className="flex flex-col gap-2"
      onSubmit={(event) => {
        event.preventDefault();
        setError(null);
        setDone(false);
        startTransition(async () => {
          try {
            const result = await renameSavedListAction({ id, name: value });
            if (!result.ok) {
              setError(result.fieldErrors.name?.[0] ?? result.error);
              return;
            }
          } catch {
            setError("Le nom n'a pas pu être enregistré. Vérifiez votre connexion et réessayez.");
            return;
          }
          setDone(true);
          router.refresh();
        });
      }}
    >
      <label htmlFor="liste-nouveau-nom" className="text-sm font-medium text-slate-700">
        Nouveau nom
      </label>
      <div className="flex flex-wrap gap-2">
        <input
          id="liste-nouveau-nom"
          type="text"
          value={value}
          maxLength={SAVED_LIST_NAME_MAX}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "liste-nouveau-nom-erreur" : undefined}
          onChange={(event) => setValue(event.target.value)}
          className={`${controlClasses} sm:w-80`}
        />
        <Button type="submit" variant="secondary" disabled={pending} aria-busy={pending || undefined}>
          Renommer la liste
        </Button>
      </div>
      <div role="alert" aria-atomic="true">
        {error ? (
          <p id="liste-nouveau-nom-erreur" className="text-sm text-red-700">
            {error}
          </p>
        ) : null}
      </div>
      <div role="status" aria-atomic="true">
        {done ? <p className="text-sm text-emerald-800">La liste a été renommée.</p> : null}
      </div>
    </form>
  );
}
