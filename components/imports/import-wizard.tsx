"use client";

// « Importer des prospects »: 1. the file and its column mapping (matched by header, correctable),
// 2. the preview (valid / to fix / duplicate, with reasons), 3. the import, run by the worker.
import { useId, useState, useTransition } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { Badge } from "@/components/ui/badge";
import { Button, buttonClasses } from "@/components/ui/button";
import { SelectInput } from "@/components/ui/field";
import type { ActionResult } from "@/lib/action-result";
import { IMPORT_FIELDS, MAX_IMPORT_ROWS, type ImportMapping } from "@/lib/imports/fields";
import type { ImportAnalysis, ImportPreview } from "@/lib/imports/prepare-import";

type Option = { value: string; label: string };
export type ImportChoices = { partners: Option[]; owners: Option[]; types: Option[]; origins: Option[] } | null;

const NETWORK_ERROR = "Le fichier n'a pas pu être envoyé. Vérifiez votre connexion et réessayez.";
const STATUS_LABELS = { valid: "Valide", invalid: "À corriger", duplicate: "Doublon" } as const;
const STATUS_TONES = { valid: "success", invalid: "danger", duplicate: "warning" } as const;
const IGNORE = "";

async function post<T>(body: FormData): Promise<ActionResult<T>> {
  try {
    const response = await fetch("/api/imports", { method: "POST", body });
    return (await response.json()) as ActionResult<T>;
  } catch {
    return { ok: false, error: NETWORK_ERROR, fieldErrors: {} };
  }
}

export function ImportWizard({ choices }: { choices: ImportChoices }) {
  const router = useRouter();
  const ids = useId();
  const [file, setFile] = useState<File | null>(null);
  const [analysis, setAnalysis] = useState<ImportAnalysis | null>(null);
  const [mapping, setMapping] = useState<ImportMapping>([]);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [options, setOptions] = useState({ partnerId: "", ownerId: "", typeId: "", originId: "" });
  const [enrich, setEnrich] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function form(step: string): FormData {
    const body = new FormData();
    body.set("step", step);
    body.set("file", file!);
    body.set("mapping", JSON.stringify(mapping.map((m) => m ?? "")));
    for (const [key, value] of Object.entries(options)) body.set(key, value);
    body.set("enrich", enrich ? "true" : "");
    return body;
  }

  function analyse(selected: File | null) {
    setFile(selected);
    setAnalysis(null);
    setPreview(null);
    setError(null);
    if (!selected) return;
    const body = new FormData();
    body.set("step", "analyse");
    body.set("file", selected);
    startTransition(async () => {
      const result = await post<ImportAnalysis>(body);
      if (!result.ok) return setError(result.error);
      setAnalysis(result.data);
      setMapping(result.data.mapping);
    });
  }

  function check() {
    setError(null);
    startTransition(async () => {
      const result = await post<ImportPreview>(form("apercu"));
      if (!result.ok) return setError(result.error);
      setPreview(result.data);
    });
  }

  function start() {
    setError(null);
    startTransition(async () => {
      const result = await post<{ id: string }>(form("lancer"));
      if (!result.ok) return setError(result.error);
      router.push(`/prospects/importer/${result.data.id}`);
    });
  }

  const changeMapping = (index: number, value: string) => {
    setPreview(null);
    setMapping((current) => current.map((m, i) => (i === index ? ((value || null) as ImportMapping[number]) : m)));
  };
  const fieldOptions: Option[] = [{ value: IGNORE, label: "— Ne pas importer —" }, ...IMPORT_FIELDS.map((f) => ({ value: f.key, label: f.label }))];

  return (
    <div className="flex flex-col gap-6">
      {error ? (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          {error}
        </p>
      ) : null}

      <section aria-labelledby={`${ids}-fichier`} className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
        <h2 id={`${ids}-fichier`} className="text-base font-semibold text-slate-900">
          1. Fichier et correspondance des colonnes
        </h2>
        <p className="text-sm text-slate-600">
          Fichier CSV (séparateur « ; » ou « , ») ou Excel (.xlsx), {MAX_IMPORT_ROWS.toLocaleString("fr-FR")} lignes au plus, la première ligne
          portant les en-têtes.{" "}
          <a className="text-brand-700 underline" href="/api/imports/modele">
            Télécharger le modèle
          </a>
        </p>
        <div className="flex flex-col gap-1">
          <label htmlFor={`${ids}-file`} className="text-sm font-medium text-slate-700">
            Fichier à importer
          </label>
          <input
            id={`${ids}-file`}
            type="file"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            disabled={pending}
            onChange={(e) => analyse(e.target.files?.[0] ?? null)}
            className="text-sm"
          />
        </div>
        {choices ? (
          <div className="grid gap-3 sm:grid-cols-2">
            <SelectInput id={`${ids}-partner`} label="Partenaire apporteur" value={options.partnerId} onChange={(e) => { setPreview(null); setOptions({ ...options, partnerId: e.target.value }); }} options={[{ value: "", label: "Aucun (dossier direct)" }, ...choices.partners]} />
            <SelectInput id={`${ids}-owner`} label="Commercial" value={options.ownerId} onChange={(e) => setOptions({ ...options, ownerId: e.target.value })} options={[{ value: "", label: "Moi-même" }, ...choices.owners]} />
            <SelectInput id={`${ids}-type`} label="Type de prospect" value={options.typeId} onChange={(e) => setOptions({ ...options, typeId: e.target.value })} options={[{ value: "", label: "Non renseigné" }, ...choices.types]} />
            <SelectInput id={`${ids}-origin`} label="Origine" value={options.originId} onChange={(e) => setOptions({ ...options, originId: e.target.value })} options={[{ value: "", label: "Non renseignée" }, ...choices.origins]} />
          </div>
        ) : null}
        {analysis ? (
          <>
            <p className="text-sm text-slate-700">
              {analysis.rowCount.toLocaleString("fr-FR")} ligne(s) de données. Vérifiez à quel champ correspond chaque colonne :
            </p>
            <table className="w-full text-left text-sm">
              <thead>
                <tr className="border-b border-slate-200 text-slate-600">
                  <th scope="col" className="py-2 pr-3 font-medium">Colonne du fichier</th>
                  <th scope="col" className="py-2 pr-3 font-medium">Exemple</th>
                  <th scope="col" className="py-2 font-medium">Champ</th>
                </tr>
              </thead>
              <tbody>
                {analysis.headers.map((header, index) => (
                  <tr key={index} className="border-b border-slate-100">
                    <td className="py-2 pr-3 font-medium text-slate-900">{header || `Colonne ${index + 1}`}</td>
                    <td className="py-2 pr-3 text-slate-600">{analysis.sample[0]?.[index] ?? ""}</td>
                    <td className="py-2">
                      <select
                        aria-label={`Champ pour la colonne « ${header || index + 1} »`}
                        className="h-9 w-full rounded-md border border-slate-300 bg-white px-2 text-sm"
                        value={mapping[index] ?? IGNORE}
                        onChange={(e) => changeMapping(index, e.target.value)}
                      >
                        {fieldOptions.map((o) => (
                          <option key={o.value} value={o.value}>
                            {o.label}
                          </option>
                        ))}
                      </select>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <div>
              <Button onClick={check} disabled={pending}>
                {pending && !preview ? "Vérification…" : "Vérifier les lignes"}
              </Button>
            </div>
          </>
        ) : null}
      </section>

      {preview ? (
        <section aria-labelledby={`${ids}-apercu`} className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
          <h2 id={`${ids}-apercu`} className="text-base font-semibold text-slate-900">
            2. Aperçu et validation
          </h2>
          <p className="text-sm text-slate-700">
            <strong>{preview.valid}</strong> ligne(s) valide(s) · <strong>{preview.invalid}</strong> à corriger · <strong>{preview.duplicate}</strong> doublon(s)
            sur {preview.total}. Seules les lignes valides seront créées ; les autres figureront dans le rapport avec leur motif.
          </p>
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Aperçu des lignes</caption>
            <thead>
              <tr className="border-b border-slate-200 text-slate-600">
                <th scope="col" className="py-2 pr-3 font-medium">Ligne</th>
                <th scope="col" className="py-2 pr-3 font-medium">Nom</th>
                <th scope="col" className="py-2 pr-3 font-medium">SIREN</th>
                <th scope="col" className="py-2 pr-3 font-medium">État</th>
                <th scope="col" className="py-2 font-medium">Motif</th>
              </tr>
            </thead>
            <tbody>
              {preview.rows.map((row) => (
                <tr key={row.rowNumber} className="border-b border-slate-100 align-top">
                  <td className="py-2 pr-3 tabular-nums">{row.rowNumber}</td>
                  <td className="py-2 pr-3">{row.name}</td>
                  <td className="py-2 pr-3 tabular-nums">{row.siren}</td>
                  <td className="py-2 pr-3">
                    <Badge tone={STATUS_TONES[row.status]}>{STATUS_LABELS[row.status]}</Badge>
                  </td>
                  <td className="py-2 text-slate-700">{row.messages.join(" ")}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {preview.valid > 20 ? <p className="text-xs text-slate-500">Les 20 premières lignes valides sont affichées.</p> : null}
          <div className="flex items-start gap-2 text-sm">
            <input id={`${ids}-enrich`} type="checkbox" className="mt-1 h-4 w-4 accent-brand-600" checked={enrich} onChange={(e) => setEnrich(e.target.checked)} />
            <label htmlFor={`${ids}-enrich`} className="text-slate-700">
              <span className="font-medium">Compléter avec le registre</span>
              <span className="block text-xs text-slate-500">
                Pour les lignes avec un SIREN, les cellules vides (raison sociale, SIRET, NAF, forme juridique, adresse, TVA) sont remplies depuis le
                registre des entreprises pendant l&apos;import, au rythme qu&apos;il autorise : la progression de l&apos;import en tient compte.
              </span>
            </label>
          </div>
          <div className="flex flex-wrap gap-2">
            <Button onClick={start} disabled={pending || preview.valid === 0}>
              {pending ? "Lancement…" : `Importer ${preview.valid} prospect(s)`}
            </Button>
            <Link className={buttonClasses("secondary")} href="/prospects">
              Annuler
            </Link>
          </div>
        </section>
      ) : null}
    </div>
  );
}
