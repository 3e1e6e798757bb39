// The choices offered by the reports' « Filtres » and the custom-list form.
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db as defaultDb } from "@/lib/db";
import type { DbClient } from "@/lib/prisma-client";
import { listInternalOptions, type InternalOptions, type ReferenceOption } from "@/lib/prospects/internal-options";

const NO_OPTIONS: InternalOptions = { types: [], origins: [], owners: [], partners: [] };

// Every value, retired ones included: they still sit on existing files.
export async function reportFilterOptions(actor: Actor, db: DbClient = defaultDb): Promise<InternalOptions> {
  return (await listInternalOptions(actor, "all", db)) ?? NO_OPTIONS;
}

export type SavedListFormOptions = InternalOptions & { actionTypes: ReferenceOption[] };

export async function savedListFormOptions(actor: Actor, db: DbClient = defaultDb): Promise<SavedListFormOptions> {
  const [options, actionTypes] = await Promise.all([
    reportFilterOptions(actor, db),
    db.actionType.findMany({ orderBy: [{ position: "asc" }, { name: "asc" }], select: { id: true, name: true, active: true } }),
  ]);
  return {
    ...options,
    actionTypes: actionTypes.map((t) => ({ value: t.id, label: t.active ? t.name : `${t.name} (retiré)` })),
  };
}
