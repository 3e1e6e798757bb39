import "server-only";
import { closestClash, colorClashMessage, suggestDistinctColor } from "@/lib/calendar/color-distance";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Db as DbClient } from "@/lib/prisma-client";
import type { z } from "zod";
import type {
  actionTypeSchema,
  moveReferenceSchema,
  referenceNameSchema,
  referenceRefSchema,
  ReferenceKind,
  setReferenceActiveSchema,
} from "@/lib/reference/schemas";

export const NAME_TAKEN_MESSAGE = "Ce nom existe déjà dans cette liste.";
export const IN_USE_MESSAGE =
  "Cette valeur est utilisée par des fiches existantes : elle ne peut pas être supprimée. Retirez-la : elle restera affichée sur ces fiches sans être proposée pour les nouvelles.";

type Row = { id: string; position: number; name: string };
type Tx = Prisma.TransactionClient;

// The three lists have the same shape for ordering, retiring and deleting; only the table differs.
function rowsOf(tx: Tx, kind: ReferenceKind): Promise<Row[]> {
  const args = { orderBy: [{ position: "asc" as const }, { name: "asc" as const }], select: { id: true, position: true, name: true } };
  if (kind === "prospectType") return tx.prospectType.findMany(args);
  if (kind === "origin") return tx.origin.findMany(args);
  return tx.actionType.findMany(args);
}

async function setPosition(tx: Tx, kind: ReferenceKind, id: string, position: number) {
  if (kind === "prospectType") await tx.prospectType.update({ where: { id }, data: { position } });
  else if (kind === "origin") await tx.origin.update({ where: { id }, data: { position } });
  else await tx.actionType.update({ where: { id }, data: { position } });
}

async function usageCount(tx: Tx, kind: ReferenceKind, id: string): Promise<number> {
  if (kind === "prospectType") return tx.prospect.count({ where: { typeId: id } });
  if (kind === "origin") return tx.prospect.count({ where: { originId: id } });
  const [actions, campaigns] = await Promise.all([tx.action.count({ where: { typeId: id } }), tx.campaign.count({ where: { actionTypeId: id } })]);
  return actions + campaigns;
}

async function nextPosition(tx: Tx, kind: ReferenceKind): Promise<number> {
  const rows = await rowsOf(tx, kind);
  return rows.reduce((max, r) => Math.max(max, r.position + 1), 0);
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

async function withNameCheck<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("VALIDATION", NAME_TAKEN_MESSAGE, { name: [NAME_TAKEN_MESSAGE] });
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2025") throw new AppError("NOT_FOUND");
    throw error;
  }
}

// Adds a prospect type or origin at the end of its list, or renames it.
export function saveReferenceName(db: DbClient, input: z.output<typeof referenceNameSchema>): Promise<{ id: string }> {
  return withNameCheck(() =>
    db.$transaction(async (tx) => {
      const select = { id: true } as const;
      if (input.id) {
        if (input.kind === "prospectType") return tx.prospectType.update({ where: { id: input.id }, data: { name: input.name }, select });
        return tx.origin.update({ where: { id: input.id }, data: { name: input.name }, select });
      }
      const position = await nextPosition(tx, input.kind);
      if (input.kind === "prospectType") return tx.prospectType.create({ data: { name: input.name, position }, select });
      return tx.origin.create({ data: { name: input.name, position }, select });
    }),
  );
}

export function saveActionType(db: DbClient, input: z.output<typeof actionTypeSchema>): Promise<{ id: string }> {
  const { id, ...data } = input;
  return withNameCheck(() =>
    db.$transaction(async (tx) => {
      // Appointment types are told apart by colour on the calendar: refuse a near-duplicate.
      if (input.isAppointment) {
        const others = await tx.actionType.findMany({
          where: { isAppointment: true, active: true, ...(id ? { id: { not: id } } : {}) },
          select: { name: true, color: true },
        });
        const clash = closestClash(input.color, others);
        if (clash) {
          const message = colorClashMessage(clash, suggestDistinctColor(others));
          throw new AppError("VALIDATION", message, { color: [message] });
        }
      }
      if (id) return tx.actionType.update({ where: { id }, data, select: { id: true } });
      const position = await nextPosition(tx, "actionType");
      return tx.actionType.create({ data: { ...data, position }, select: { id: true } });
    }),
  );
}

// Swaps with the neighbour; positions are renumbered 0…n-1 so ties left by older data resolve.
export async function moveReference(db: DbClient, input: z.output<typeof moveReferenceSchema>): Promise<void> {
  await db.$transaction(async (tx) => {
    const rows = await rowsOf(tx, input.kind);
    const index = rows.findIndex((r) => r.id === input.id);
    if (index === -1) throw new AppError("NOT_FOUND");
    const target = input.direction === "up" ? index - 1 : index + 1;
    if (target < 0 || target >= rows.length) return;
    [rows[index], rows[target]] = [rows[target]!, rows[index]!];
    for (const [position, row] of rows.entries()) {
      if (row.position !== position) await setPosition(tx, input.kind, row.id, position);
    }
  });
}

// Retired values stay on the records that use them but are no longer offered in pickers.
export async function setReferenceActive(db: DbClient, input: z.output<typeof setReferenceActiveSchema>): Promise<void> {
  const where = { id: input.id };
  const data = { active: input.active };
  const updated =
    input.kind === "prospectType"
      ? await db.prospectType.updateMany({ where, data })
      : input.kind === "origin"
        ? await db.origin.updateMany({ where, data })
        : await db.actionType.updateMany({ where, data });
  if (updated.count !== 1) throw new AppError("NOT_FOUND");
}

// Only an unused value can be deleted. The foreign keys (onDelete: Restrict) back the check up
// when a record starts using the value in the meantime.
export async function deleteReference(db: DbClient, input: z.output<typeof referenceRefSchema>): Promise<void> {
  try {
    await db.$transaction(async (tx) => {
      if ((await usageCount(tx, input.kind, input.id)) > 0) throw new AppError("VALIDATION", IN_USE_MESSAGE);
      const where = { id: input.id };
      const deleted =
        input.kind === "prospectType"
          ? await tx.prospectType.deleteMany({ where })
          : input.kind === "origin"
            ? await tx.origin.deleteMany({ where })
            : await tx.actionType.deleteMany({ where });
      if (deleted.count !== 1) throw new AppError("NOT_FOUND");
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2003") throw new AppError("VALIDATION", IN_USE_MESSAGE);
    throw error;
  }
}
