// Exports read their rows in keyset batches: every row exactly once and in the list's order,
// even when many rows share the sort value (ties broken by id) or have none (nulls last).
import { beforeAll, describe, expect, it } from "vitest";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { KeysetSort } from "@/lib/pagination/keyset";
import { keysetBatches } from "@/lib/reports/export-source";
import { createPartner, createProspect } from "@/tests/factories";
import { getTestDb } from "@/tests/setup/db";

const db = getTestDb();
let partnerId: string;

beforeAll(async () => {
  partnerId = (await createPartner(db, { name: "Cabinet Export" })).id;
  const same = new Date(Date.UTC(2026, 4, 1));
  for (let i = 0; i < 30; i++) {
    await createProspect(db, {
      name: `Export ${i}`,
      partnerId,
      city: i % 3 === 0 ? null : `Ville ${i % 4}`,
      createdAt: i < 20 ? same : new Date(same.getTime() + i * 1000),
    });
  }
});

async function readAll(sort: KeysetSort, batchSize: number) {
  const seen: { id: string; createdAt: Date; city: string | null }[] = [];
  const batches = keysetBatches(
    sort,
    (args) =>
      db.prospect.findMany({
        where: { AND: [{ partnerId }, args.where as Prisma.ProspectWhereInput] },
        orderBy: args.orderBy as Prisma.ProspectOrderByWithRelationInput[],
        take: args.take,
        select: { id: true, createdAt: true, city: true },
      }),
    batchSize,
  );
  let count = 0;
  for await (const rows of batches) {
    expect(rows.length).toBeLessThanOrEqual(batchSize);
    seen.push(...rows);
    count++;
  }
  return { seen, count };
}

describe("keysetBatches", () => {
  it("reads newest first across ties, every row once", async () => {
    const sort: KeysetSort = { field: "createdAt", dir: "desc", nullable: false, idDir: "desc" };
    const { seen, count } = await readAll(sort, 7);
    const expected = await db.prospect.findMany({ where: { partnerId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], select: { id: true } });
    expect(seen.map((r) => r.id)).toEqual(expected.map((r) => r.id));
    expect(count).toBe(5);
  });

  it("puts rows without a value last, in id order", async () => {
    const sort: KeysetSort = { field: "city", dir: "asc", nullable: true };
    const { seen } = await readAll(sort, 4);
    const expected = await db.prospect.findMany({
      where: { partnerId },
      orderBy: [{ city: { sort: "asc", nulls: "last" } }, { id: "asc" }],
      select: { id: true },
    });
    expect(seen.map((r) => r.id)).toEqual(expected.map((r) => r.id));
  });
});
