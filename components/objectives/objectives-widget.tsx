// « Objectifs chiffrés »: the board of the pipeline columns for a rep (or all) over a period,
// with the target and share achieved; managers also set targets and edit the columns.
import { BoardLegend } from "@/components/objectives/board-legend";
import { ColumnEditor } from "@/components/objectives/column-editor";
import { ObjectivesBoard } from "@/components/objectives/objectives-board";
import { ObjectivesToolbar } from "@/components/objectives/objectives-toolbar";
import { TargetForm } from "@/components/objectives/target-form";
import { TargetSummary } from "@/components/objectives/target-summary";
import { SectionCard } from "@/components/ui/card";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { monthInputValue, OBJECTIVE_PERIOD_LABELS } from "@/lib/objectives/period";
import { getObjectivesBoard } from "@/lib/objectives/queries";
import type { ObjectivesParams } from "@/lib/objectives/schemas";
import { listEditableColumns } from "@/lib/pipeline/queries";

export async function ObjectivesWidget({ actor, params }: { actor: Actor; params: ObjectivesParams }) {
  const canManage = can(actor.role, "objective:manage");
  const now = new Date();
  const [board, editableColumns] = await Promise.all([
    getObjectivesBoard(actor, { period: params.periode, repId: params.representant, expanded: params.colonnes }, db, now),
    canManage ? listEditableColumns(db) : Promise.resolve([]),
  ]);
  const repName = board.repId ? (board.repOptions.find((r) => r.id === board.repId)?.name ?? actor.name) : null;

  return (
    <SectionCard id="objectifs-chiffres" title="Objectifs chiffrés">
      <div className="flex flex-col gap-4 p-4">
        <ObjectivesToolbar period={board.period} repId={board.repId} repOptions={board.repOptions} />
        <p className="text-sm text-slate-600">
          {OBJECTIVE_PERIOD_LABELS[board.period]} ({board.bounds.label}) · {repName ?? "Tous les représentants"}
        </p>
        <TargetSummary
          targetCents={board.targetCents}
          achievedCents={board.achievedCents}
          share={board.share}
          periodLabel={OBJECTIVE_PERIOD_LABELS[board.period].toLowerCase()}
        />
        <BoardLegend />
        <ObjectivesBoard
          columns={board.columns}
          canMove={can(actor.role, "opportunity:manage")}
          query={{ periode: board.period, ...(board.repId && board.repOptions.length > 0 ? { representant: board.repId } : {}) }}
        />
        {canManage ? (
          <div className="flex flex-col gap-3 border-t border-slate-200 pt-3">
            <TargetForm reps={board.repOptions} defaultRepId={board.repId} defaultMonth={monthInputValue(now)} />
            <ColumnEditor columns={editableColumns} />
          </div>
        ) : null}
      </div>
    </SectionCard>
  );
}
