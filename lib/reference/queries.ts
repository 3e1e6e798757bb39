import "server-only";
import { db as defaultDb } from "@/lib/db";
import type { ActionCategory } from "@/lib/generated/prisma/enums";
import type { DbClient } from "@/lib/prisma-client";

export type ReferenceRow = { id: string; name: string; active: boolean; usage: number };
export type ActionTypeRow = ReferenceRow & {
  color: string;
  category: ActionCategory;
  isAppointment: boolean;
  visibleToPartner: boolean;
  subjectTemplate: string | null;
  bodyTemplate: string | null;
};

const order = [{ position: "asc" as const }, { name: "asc" as const }];

// Every value, retired ones included, in list order, with how many records use it (only unused
// values can be deleted).
export async function listReferenceLists(db: DbClient = defaultDb) {
  const [types, origins, actionTypes] = await Promise.all([
    db.prospectType.findMany({ orderBy: order, select: { id: true, name: true, active: true, _count: { select: { prospects: true } } } }),
    db.origin.findMany({ orderBy: order, select: { id: true, name: true, active: true, _count: { select: { prospects: true } } } }),
    db.actionType.findMany({
      orderBy: order,
      select: {
        id: true,
        name: true,
        active: true,
        color: true,
        category: true,
        isAppointment: true,
        visibleToPartner: true,
        subjectTemplate: true,
        bodyTemplate: true,
        _count: { select: { actions: true, campaigns: true } },
      },
    }),
  ]);
  const plain = ({ _count, ...row }: { id: string; name: string; active: boolean; _count: { prospects: number } }): ReferenceRow => ({
    ...row,
    usage: _count.prospects,
  });
  return {
    prospectTypes: types.map(plain),
    origins: origins.map(plain),
    actionTypes: actionTypes.map(({ _count, ...row }): ActionTypeRow => ({ ...row, usage: _count.actions + _count.campaigns })),
  };
}
