import "server-only";
import { cache } from "react";
import type { PipelineStageKind } from "@/lib/generated/prisma/enums";
import type { Db } from "@/lib/prisma-client";

export type PipelineColumn = { id: string; label: string; kind: PipelineStageKind; position: number };
// For « Modifier les colonnes »: how many opportunities (any period, any status) a column holds.
export type EditableColumn = PipelineColumn & { heldCount: number };

// Read once per request (React's cache()): the board and the column editor both need it.
export const listActiveColumns = cache(
  (db: Db): Promise<PipelineColumn[]> =>
    db.pipelineStage.findMany({
      where: { active: true },
      orderBy: [{ position: "asc" }, { id: "asc" }],
      select: { id: true, label: true, kind: true, position: true },
    }),
);

export async function listEditableColumns(db: Db): Promise<EditableColumn[]> {
  const columns = await listActiveColumns(db);
  // Every opportunity is in the board's rollup (OpportunityStageRollup), whatever its status or
  // date: its rows add up to a column's count without reading the opportunities.
  const counts = await db.opportunityStageRollup.groupBy({
    by: ["stageId"],
    where: { stageId: { in: columns.map((c) => c.id) } },
    _sum: { count: true },
  });
  const held = new Map(counts.map((c) => [c.stageId, c._sum.count ?? 0]));
  return columns.map((c) => ({ ...c, heldCount: held.get(c.id) ?? 0 }));
}
