import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";

// One transaction-scoped advisory lock for the pipeline columns: editing columns takes it
// exclusively, moving a card takes it shared. So a card cannot land in a column that is being
// retired, and two managers cannot both retire the last « Conclue » column.
const PIPELINE_LOCK_KEY = 7_270_011;

export async function lockColumnsForEdit(tx: Prisma.TransactionClient): Promise<void> {
  await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${PIPELINE_LOCK_KEY})`);
}

export async function lockColumnsForUse(tx: Prisma.TransactionClient): Promise<void> {
  await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock_shared(${PIPELINE_LOCK_KEY})`);
}
