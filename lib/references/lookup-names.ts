import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ActionCategory, PipelineStageKind } from "@/lib/generated/prisma/enums";
import type { DbClient } from "@/lib/prisma-client";

export type ActionTypeRef = { name: string; color: string; category: ActionCategory };
export type StageRef = { id: string; label: string; kind: PipelineStageKind };

export type ReferenceNames = {
  users: Map<string, string>;
  actionTypes: Map<string, ActionTypeRef>;
  stages: Map<string, StageRef>;
};

type Row = { kind: "user" | "type" | "stage"; id: string; name: string; color: string | null; extra: string | null };

export type ReferenceIds = { users?: Iterable<string | null>; actionTypes?: Iterable<string>; stages?: Iterable<string> };

// A list read whose relation names are still to look up: the ids it needs, and how to finish it
// once they are known. Several lists of one page can then share one lookup.
export type NamedRead<T> = { ids: ReferenceIds; build: (names: ReferenceNames) => T };

export function mergeReferenceIds(...all: ReferenceIds[]): ReferenceIds {
  return {
    users: all.flatMap((ids) => [...(ids.users ?? [])]),
    actionTypes: all.flatMap((ids) => [...(ids.actionTypes ?? [])]),
    stages: all.flatMap((ids) => [...(ids.stages ?? [])]),
  };
}

const unique = (ids: Iterable<string | null | undefined>) => [...new Set([...ids].filter((id): id is string => !!id))];

// The users, action types and pipeline stages a list of actions or opportunities points at, in
// one statement: Prisma's `select` of each relation runs one query per relation and per list
// (and an `IN (NULL)` when every key is null).
export async function lookupReferenceNames(db: DbClient, ids: ReferenceIds): Promise<ReferenceNames> {
  const users = unique(ids.users ?? []);
  const actionTypes = unique(ids.actionTypes ?? []);
  const stages = unique(ids.stages ?? []);
  const names: ReferenceNames = { users: new Map(), actionTypes: new Map(), stages: new Map() };
  const parts: Prisma.Sql[] = [];
  if (users.length) parts.push(Prisma.sql`SELECT 'user' AS "kind", "id", "name", NULL AS "color", NULL AS "extra" FROM "User" WHERE "id" = ANY(${users}::text[])`);
  if (actionTypes.length) {
    parts.push(
      Prisma.sql`SELECT 'type' AS "kind", "id", "name", "color"::text AS "color", "category"::text AS "extra" FROM "ActionType" WHERE "id" = ANY(${actionTypes}::text[])`,
    );
  }
  if (stages.length) parts.push(Prisma.sql`SELECT 'stage' AS "kind", "id", "label" AS "name", NULL AS "color", "kind"::text AS "extra" FROM "PipelineStage" WHERE "id" = ANY(${stages}::text[])`);
  if (parts.length === 0) return names;
  // Every branch names its columns: the first one present names the result's.
  const rows = await db.$queryRaw<Row[]>(Prisma.join(parts, " UNION ALL "));
  for (const row of rows) {
    if (row.kind === "user") names.users.set(row.id, row.name);
    else if (row.kind === "type") names.actionTypes.set(row.id, { name: row.name, color: row.color ?? "", category: row.extra as ActionCategory });
    else names.stages.set(row.id, { id: row.id, label: row.name, kind: row.extra as PipelineStageKind });
  }
  return names;
}

// An action's type always exists (the foreign key restricts its deletion), so a miss is a bug.
export function actionTypeOf(names: ReferenceNames, typeId: string): ActionTypeRef {
  const type = names.actionTypes.get(typeId);
  if (!type) throw new Error(`Type d'action introuvable : ${typeId}`);
  return type;
}

// A list read finished with its own lookup.
export async function resolveNames<T>(db: DbClient, read: NamedRead<T>): Promise<T> {
  return read.build(await lookupReferenceNames(db, read.ids));
}
