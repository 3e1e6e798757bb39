// « Listes sur mesure »: each user's saved lists, by name. Another user's list is not found.
import "server-only";
import type { SavedListEntity } from "@/lib/generated/prisma/enums";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { db as defaultDb } from "@/lib/db";
import type { DbClient } from "@/lib/prisma-client";
import type { ListDefinition } from "@/lib/reports/saved-list-rows";
import { readSavedListFilters, type CreateSavedListValues } from "@/lib/reports/saved-list-schemas";
import { assertCanViewReports } from "@/lib/reports/where";

export function nameTakenMessage(name: string): string {
  return `Vous avez déjà une liste nommée « ${name} ». Choisissez un autre nom.`;
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

function nameTaken(name: string): AppError {
  const message = nameTakenMessage(name);
  return new AppError("CONFLICT", message, { name: [message] });
}

export type SavedListSummary = { id: string; name: string; entity: SavedListEntity; columnCount: number; updatedAt: Date };

export async function listSavedLists(actor: Actor, db: DbClient = defaultDb): Promise<SavedListSummary[]> {
  assertCanViewReports(actor);
  const lists = await db.savedList.findMany({
    where: { ownerId: actor.id },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: { id: true, name: true, entity: true, columns: true, updatedAt: true },
  });
  return lists.map(({ columns, ...list }) => ({ ...list, columnCount: columns.length }));
}

export type SavedListDetail = ListDefinition & { id: string };

export async function getSavedListOrThrow(actor: Actor, id: string, db: DbClient = defaultDb): Promise<SavedListDetail> {
  assertCanViewReports(actor);
  const list = await db.savedList.findFirst({
    where: { id, ownerId: actor.id },
    select: { id: true, name: true, entity: true, columns: true, filters: true },
  });
  if (!list) throw new AppError("NOT_FOUND", "Cette liste est introuvable : elle a peut-être été supprimée.");
  return { ...list, filters: readSavedListFilters(list.entity, list.filters) };
}

export async function createSavedList(db: DbClient, actor: Actor, input: CreateSavedListValues): Promise<{ id: string }> {
  assertCanViewReports(actor);
  try {
    return await db.savedList.create({
      data: { ownerId: actor.id, name: input.name, entity: input.entity, columns: input.columns, filters: input.filters },
      select: { id: true },
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken(input.name);
    throw error;
  }
}

export async function renameSavedList(db: DbClient, actor: Actor, input: { id: string; name: string }): Promise<{ id: string }> {
  assertCanViewReports(actor);
  try {
    const { count } = await db.savedList.updateMany({ where: { id: input.id, ownerId: actor.id }, data: { name: input.name } });
    if (count === 0) throw new AppError("NOT_FOUND", "Cette liste est introuvable : elle a peut-être été supprimée.");
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken(input.name);
    throw error;
  }
  return { id: input.id };
}

export async function deleteSavedList(db: DbClient, actor: Actor, input: { id: string }): Promise<{ id: string }> {
  assertCanViewReports(actor);
  const { count } = await db.savedList.deleteMany({ where: { id: input.id, ownerId: actor.id } });
  if (count === 0) throw new AppError("NOT_FOUND", "Cette liste est introuvable : elle a peut-être été supprimée.");
  return { id: input.id };
}
