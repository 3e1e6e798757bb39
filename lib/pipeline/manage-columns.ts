import "server-only";
import type { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { PipelineStageKind } from "@/lib/generated/prisma/enums";
import type { Db } from "@/lib/prisma-client";
import { lockColumnsForEdit } from "@/lib/pipeline/lock";
import type { addColumnSchema, moveColumnSchema, renameColumnSchema, retireColumnSchema } from "@/lib/pipeline/schemas";

export const LABEL_TAKEN_MESSAGE = "Une autre colonne porte déjà ce libellé.";
export const COLUMN_NOT_FOUND_MESSAGE = "Cette colonne n'existe plus : actualisez la page.";
export const LAST_IN_PROGRESS_MESSAGE = "Gardez au moins une colonne « en cours » : ajoutez-en une autre avant de retirer celle-ci.";
export const LAST_WON_MESSAGE = "Gardez au moins une colonne des opportunités conclues : ajoutez-en une autre avant de retirer celle-ci.";
export const TARGET_REQUIRED_MESSAGE = "Cette colonne contient des opportunités : choisissez la colonne qui les reçoit.";
export const TARGET_INVALID_MESSAGE =
  "Choisissez une autre colonne active du même genre (en cours, conclue ou perdue) : ses opportunités gardent ainsi leur statut.";

type Tx = Prisma.TransactionClient;
type Column = { id: string; label: string; kind: PipelineStageKind; position: number };

const columnSelect = { id: true, label: true, kind: true, position: true } as const;

function activeColumns(tx: Tx): Promise<Column[]> {
  return tx.pipelineStage.findMany({ where: { active: true }, orderBy: [{ position: "asc" }, { id: "asc" }], select: columnSelect });
}

function findActive(columns: Column[], id: string): Column {
  const column = columns.find((c) => c.id === id);
  if (!column) throw new AppError("NOT_FOUND", COLUMN_NOT_FOUND_MESSAGE);
  return column;
}

// Labels are unique among active columns, whatever their case or surrounding spaces.
function assertLabelFree(columns: Column[], label: string, exceptId?: string): void {
  const wanted = label.toLocaleLowerCase("fr");
  if (columns.some((c) => c.id !== exceptId && c.label.trim().toLocaleLowerCase("fr") === wanted)) {
    throw new AppError("VALIDATION", LABEL_TAKEN_MESSAGE, { label: [LABEL_TAKEN_MESSAGE] });
  }
}

export async function renamePipelineColumn(db: Db, input: z.output<typeof renameColumnSchema>): Promise<void> {
  await db.$transaction(async (tx) => {
    await lockColumnsForEdit(tx);
    const columns = await activeColumns(tx);
    const column = findActive(columns, input.stageId);
    if (column.label === input.label) return;
    assertLabelFree(columns, input.label, column.id);
    await tx.pipelineStage.update({ where: { id: column.id }, data: { label: input.label }, select: { id: true } });
  });
}

// A new column goes last, after retired ones too, so positions never collide.
export async function addPipelineColumn(db: Db, input: z.output<typeof addColumnSchema>): Promise<{ id: string }> {
  return db.$transaction(async (tx) => {
    await lockColumnsForEdit(tx);
    assertLabelFree(await activeColumns(tx), input.label);
    const last = await tx.pipelineStage.aggregate({ _max: { position: true } });
    return tx.pipelineStage.create({
      data: { label: input.label, kind: input.kind, position: (last._max.position ?? -1) + 1 },
      select: { id: true },
    });
  });
}

// Swaps with the active neighbour; active columns are renumbered in order so old ties resolve.
export async function movePipelineColumn(db: Db, input: z.output<typeof moveColumnSchema>): Promise<void> {
  await db.$transaction(async (tx) => {
    await lockColumnsForEdit(tx);
    const columns = await activeColumns(tx);
    const index = columns.indexOf(findActive(columns, input.stageId));
    const other = input.direction === "up" ? index - 1 : index + 1;
    if (other < 0 || other >= columns.length) return;
    [columns[index], columns[other]] = [columns[other]!, columns[index]!];
    const positions = columns.map((c) => c.position).sort((a, b) => a - b);
    // Keep the slots the active columns already had (retired ones may sit in between).
    const slots = new Set(positions).size === positions.length ? positions : columns.map((_, i) => i);
    for (const [i, column] of columns.entries()) {
      if (column.position !== slots[i]) {
        await tx.pipelineStage.update({ where: { id: column.id }, data: { position: slots[i]! }, select: { id: true } });
      }
    }
  });
}

export type RetireColumnResult = { movedOpportunities: number };

// A column never takes its cards with it: every opportunity it holds (of any period) moves to
// the chosen column of the same kind, each with its audit row, before it is retired.
export async function retirePipelineColumn(
  db: Db,
  actor: Actor,
  input: z.output<typeof retireColumnSchema>,
): Promise<RetireColumnResult> {
  return db.$transaction(async (tx) => {
    await lockColumnsForEdit(tx);
    const columns = await activeColumns(tx);
    const column = findActive(columns, input.stageId);
    const remaining = columns.filter((c) => c.id !== column.id);
    if (column.kind === "IN_PROGRESS" && !remaining.some((c) => c.kind === "IN_PROGRESS")) {
      throw new AppError("VALIDATION", LAST_IN_PROGRESS_MESSAGE);
    }
    if (column.kind === "WON" && !remaining.some((c) => c.kind === "WON")) throw new AppError("VALIDATION", LAST_WON_MESSAGE);

    const held = await tx.opportunity.findMany({
      where: { stageId: column.id },
      select: { id: true, prospectId: true },
      orderBy: { id: "asc" },
    });
    if (held.length > 0) {
      if (!input.targetStageId) {
        throw new AppError("VALIDATION", TARGET_REQUIRED_MESSAGE, { targetStageId: [TARGET_REQUIRED_MESSAGE] });
      }
      const target = remaining.find((c) => c.id === input.targetStageId);
      if (!target || target.kind !== column.kind) {
        throw new AppError("VALIDATION", TARGET_INVALID_MESSAGE, { targetStageId: [TARGET_INVALID_MESSAGE] });
      }
      await tx.opportunity.updateMany({
        where: { id: { in: held.map((o) => o.id) } },
        data: { stageId: target.id, version: { increment: 1 } },
      });
      for (const o of held) {
        await recordAudit(tx, {
          entityType: "Opportunity",
          entityId: o.id,
          prospectId: o.prospectId,
          actorId: actor.id,
          action: "UPDATE",
          changes: { stage: { from: column.label, to: target.label } },
        });
      }
    }
    await tx.pipelineStage.update({ where: { id: column.id }, data: { active: false }, select: { id: true } });
    return { movedOpportunities: held.length };
  });
}
