import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import { AppError } from "@/lib/errors";
import { importScope, UNDO_WINDOW_MS } from "@/lib/imports/queries";
import type { Db } from "@/lib/prisma-client";

export const UNDO_EXPIRED_MESSAGE = "Un import ne peut être annulé que dans les 24 heures qui suivent sa fin.";
export const UNDO_NOT_FINISHED_MESSAGE = "Cet import n'est pas terminé : attendez sa fin pour l'annuler.";
export const undoTouchedMessage = (count: number) =>
  count === 1
    ? "Un dossier de cet import a été modifié ou complété depuis : l'import ne peut plus être annulé."
    : `${count} dossiers de cet import ont été modifiés ou complétés depuis : l'import ne peut plus être annulé.`;

// Deletes the files an import created, all or none: only within 24 h of its end and only when
// none of them changed since (no edit, action, opportunity, document, link or correction).
export async function undoImport(db: Db, actor: Actor, importId: string, now: Date = new Date()): Promise<{ deleted: number }> {
  return db.$transaction(async (tx) => {
    const job = await tx.importJob.findFirst({ where: { AND: [{ id: importId }, importScope(actor)] }, select: { id: true, status: true, finishedAt: true, fileName: true } });
    if (!job) throw new AppError("NOT_FOUND");
    await tx.$queryRaw`SELECT "id" FROM "ImportJob" WHERE "id" = ${job.id} FOR UPDATE`;
    if (job.status !== "DONE" || !job.finishedAt) throw new AppError("VALIDATION", UNDO_NOT_FINISHED_MESSAGE);
    if (now.getTime() - job.finishedAt.getTime() > UNDO_WINDOW_MS) throw new AppError("VALIDATION", UNDO_EXPIRED_MESSAGE);

    const rows = await tx.importRow.findMany({ where: { importId, outcome: "CREATED", prospectId: { not: null } }, select: { prospectId: true } });
    const ids = rows.map((r) => r.prospectId!);
    // Locks the files, so an edit cannot slip in between the check and the deletion.
    if (ids.length > 0) await tx.$queryRaw`SELECT "id" FROM "Prospect" WHERE "id" = ANY(${ids}) FOR UPDATE`;
    const touched = await tx.prospect.count({
      where: {
        id: { in: ids },
        OR: [
          { version: { gt: 1 } },
          { actions: { some: {} } },
          { opportunities: { some: {} } },
          { attachments: { some: {} } },
          { onboardingLinks: { some: {} } },
          { connections: { some: {} } },
          { quotes: { some: {} } },
        ],
      },
    });
    if (touched > 0) throw new AppError("CONFLICT", undoTouchedMessage(touched));

    const { count } = await tx.prospect.deleteMany({ where: { id: { in: ids } } });
    await tx.importJob.update({ where: { id: job.id }, data: { status: "UNDONE", undoneAt: now } });
    await recordAudit(tx, {
      entityType: "ImportJob",
      entityId: job.id,
      prospectId: null,
      actorId: actor.id,
      action: "DELETE",
      changes: { importId: job.id, importedFrom: job.fileName },
    });
    return { deleted: count };
  });
}
