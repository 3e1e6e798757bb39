import "server-only";
import type { DbClient } from "@/lib/prisma-client";

// This database's install id (see model Installation); created on first use if the row is
// missing (a database emptied by hand), never changed afterwards except by a restore.
export async function getInstallId(db: DbClient): Promise<string> {
  const rows = await db.$queryRaw<{ installId: string }[]>`
    WITH inserted AS (
      INSERT INTO "Installation" ("id", "installId") VALUES (1, replace(gen_random_uuid()::text, '-', ''))
      ON CONFLICT ("id") DO NOTHING
      RETURNING "installId"
    )
    SELECT "installId" FROM inserted
    UNION ALL
    SELECT "installId" FROM "Installation" WHERE "id" = 1
    LIMIT 1`;
  return rows[0]!.installId;
}
