import "server-only";
import { cache } from "react";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { db as defaultDb } from "@/lib/db";
import type { DbClient } from "@/lib/prisma-client";

export type ReferenceOption = { value: string; label: string };

// The internal team's choices for a prospect: type, origin, sales rep and referring partner.
export type InternalOptions = {
  types: ReferenceOption[];
  origins: ReferenceOption[];
  owners: ReferenceOption[];
  partners: ReferenceOption[];
};

type Current = { typeId?: string | null; originId?: string | null; ownerId?: string | null };

const RETIRED = " (retiré)";

// The active partner organisations by name, read once per request (React's cache()): the
// prospect file's forms each offer them.
export const listActivePartners = cache(
  (db: DbClient): Promise<{ id: string; name: string }[]> =>
    db.partner.findMany({ where: { active: true }, orderBy: { name: "asc" }, select: { id: true, name: true } }),
);

// Pickers offer active values only; a value retired since it was chosen still shows on the file
// it is set on (`current`), marked as retired. The list filters (`current` = "all") offer every
// value, since retired ones still sit on existing files. Null for partners: they get none.
export async function listInternalOptions(
  actor: Actor,
  current: Current | "all" = {},
  db: DbClient = defaultDb,
): Promise<InternalOptions | null> {
  if (!can(actor.role, "prospect:read:any")) return null;
  const all = current === "all";
  const keep = (id: string | null | undefined) => (id && !all ? [{ id }] : []);
  const activeOr = (id: string | null | undefined) => (all ? {} : { OR: [{ active: true }, ...keep(id)] });
  const pick = current === "all" ? {} : current;
  const [types, origins, owners, partners] = await Promise.all([
    db.prospectType.findMany({ where: activeOr(pick.typeId), orderBy: [{ position: "asc" }, { name: "asc" }] }),
    db.origin.findMany({ where: activeOr(pick.originId), orderBy: [{ position: "asc" }, { name: "asc" }] }),
    db.user.findMany({
      where: all ? { role: { in: ["SALES", "MANAGER"] } } : { OR: [{ active: true, role: { in: ["SALES", "MANAGER"] } }, ...keep(pick.ownerId)] },
      orderBy: { name: "asc" },
      select: { id: true, name: true, active: true },
    }),
    all ? db.partner.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } }) : listActivePartners(db),
  ]);
  const option = (suffix: string) => (r: { id: string; name: string; active: boolean }) => ({
    value: r.id,
    label: r.active ? r.name : `${r.name}${suffix}`,
  });
  return {
    types: types.map(option(RETIRED)),
    origins: origins.map(option(RETIRED)),
    owners: owners.map(option(" (inactif)")),
    partners: partners.map((p) => ({ value: p.id, label: p.name })),
  };
}
