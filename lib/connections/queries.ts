import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ConnectionRelation, ConnectionSource } from "@/lib/generated/prisma/enums";
import type { Actor } from "@/lib/auth/actor";
import { findAgreementInForceToday } from "@/lib/agreements/agreement-in-force";
import { db as defaultDb } from "@/lib/db";
import type { DbClient } from "@/lib/prisma-client";
import { findFileProspect } from "@/lib/prospects/file-prospect";

export type ConnectionItem = {
  // Stable React key: the SIREN for invoice suppliers, the row id for recorded connections.
  key: string;
  name: string;
  siren: string | null;
  relation: ConnectionRelation;
  // What the platform's invoices say: suppliers that submitted invoices to this client.
  invoiceCount: number;
  lastInvoiceAt: Date | null;
  // The Connection row recorded for it, if any (the sales team can remove SALES ones).
  connection: { id: string; source: ConnectionSource; linkedProspectId: string | null } | null;
};

export type ProspectConnections = {
  items: ConnectionItem[];
  // The referring partner organisation and its agreement's network rate today, or null for a
  // direct prospect.
  partner: { name: string; networkRateBps: number } | null;
};

type InvoiceSupplier = { siren: string; name: string; invoiceCount: number; lastInvoiceAt: Date };

// Suppliers of a client from its invoices: one line per SIREN, under the name of its latest
// invoice (suppliers rename themselves), with how many invoices and the latest date.
async function invoiceSuppliers(db: DbClient, clientId: string): Promise<InvoiceSupplier[]> {
  return db.$queryRaw<InvoiceSupplier[]>(Prisma.sql`
    SELECT "supplierSiren" AS siren,
           (array_agg("supplierName" ORDER BY "submittedAt" DESC, "id" DESC))[1] AS name,
           count(*)::int AS "invoiceCount",
           max("submittedAt") AS "lastInvoiceAt"
    FROM "Invoice"
    WHERE "clientId" = ${clientId}
    GROUP BY "supplierSiren"`);
}

const collator = new Intl.Collator("fr", { sensitivity: "base" });

// The « Connexions » tab: the client's suppliers and customers as the platform knows them, or
// null when the prospect is missing or outside the actor's scope.
export async function getProspectConnections(
  actor: Actor,
  prospectId: string,
  db: DbClient = defaultDb,
): Promise<ProspectConnections | null> {
  const file = await findFileProspect(actor, prospectId, db);
  if (!file) return null;
  const prospect = { id: file.id, partner: file.names.partner };

  const [suppliers, recorded, agreement] = await Promise.all([
    invoiceSuppliers(db, prospect.id),
    db.connection.findMany({
      where: { prospectId: prospect.id },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { id: true, name: true, siren: true, relation: true, source: true, linkedProspectId: true },
    }),
    prospect.partner ? findAgreementInForceToday(db, prospect.partner.id) : null,
  ]);

  const items: ConnectionItem[] = suppliers.map((s) => ({
    key: `siren-${s.siren}`,
    name: s.name,
    siren: s.siren,
    relation: "SUPPLIER",
    invoiceCount: s.invoiceCount,
    lastInvoiceAt: s.lastInvoiceAt,
    connection: null,
  }));
  const bySiren = new Map(items.map((item) => [item.siren, item]));

  for (const row of recorded) {
    // A recorded supplier that also invoices is one line, not two.
    const known = row.relation === "SUPPLIER" && row.siren ? bySiren.get(row.siren) : undefined;
    if (known && !known.connection) {
      known.connection = { id: row.id, source: row.source, linkedProspectId: row.linkedProspectId };
      continue;
    }
    items.push({
      key: row.id,
      name: row.name,
      siren: row.siren,
      relation: row.relation,
      invoiceCount: 0,
      lastInvoiceAt: null,
      connection: { id: row.id, source: row.source, linkedProspectId: row.linkedProspectId },
    });
  }

  items.sort((a, b) => (a.relation === b.relation ? collator.compare(a.name, b.name) : a.relation === "SUPPLIER" ? -1 : 1));
  const partner = prospect.partner
    ? { name: prospect.partner.name, networkRateBps: agreement?.networkRateBps ?? 0 }
    : null;
  return { items, partner };
}
