import "server-only";
import type { PipelineStageKind } from "@/lib/generated/prisma/enums";
import type { Db } from "@/lib/prisma-client";

export type PipelineColumn = { id: string; label: string; kind: PipelineStageKind; position: number };
// For « Modifier les colonnes »: how many opportunities (any period, any status) a column holds.
export type EditableColumn = PipelineColumn & { heldCount: number };

export function listActiveColumns(db: Db): Promise<PipelineColumn[]> {
  return db.pipelineStage.findMany({
    where: { active: true },
    orderBy: [{ position: "asc" }, { id: "asc" }],
    select: { id: true, label: true, kind: true, position: true },
  });
}

export async function listEditableColumns(db: Db): Promise<EditableColumn[]> {
  const columns = await listActiveColumns(db);
  const counts = await db.opportunity.groupBy({
    by: ["stageId"],
    where: { stageId: { in: columns.map((c) => c.id) } },
    _count: { _all: true },
  });
  const held = new Map(counts.map((c) => [c.stageId, c._count._all]));
  return columns.map((c) => ({ ...c, heldCount: held.get(c.id) ?? 0 }));
}
