import "server-only";
import type { Actor } from "@/lib/auth/actor";
import type { AuditValue } from "@/lib/audit/record";
import { can } from "@/lib/auth/permissions";
import { db as defaultDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { changesOf, type HistoryChange } from "@/lib/history/change-shape";
import type { AuditAction } from "@/lib/generated/prisma/enums";
import { Prisma } from "@/lib/generated/prisma/client";
import type { DbClient } from "@/lib/prisma-client";
import { findFileProspect } from "@/lib/prospects/file-prospect";

export const HISTORY_PER_PAGE = 20;

export type { HistoryChange };

export type HistoryRow = {
  id: string;
  createdAt: Date;
  action: AuditAction;
  entityType: string;
  entityId: string;
  // What the entry is about, e.g. a contact's name or a file name; null for the prospect itself.
  entityLabel: string | null;
  // Null when no signed-in user made the change (the client's onboarding page, the platform's API).
  actorName: string | null;
  changes: HistoryChange[];
};

export type ProspectHistory = { rows: HistoryRow[]; total: number; page: number; perPage: number };

// Fields holding the id of another record, shown by that record's name.
const REFERENCE_FIELDS = {
  ownerId: "user",
  assigneeId: "user",
  partnerId: "partner",
  typeId: "prospectType",
  originId: "origin",
} as const;
type ReferenceKind = (typeof REFERENCE_FIELDS)[keyof typeof REFERENCE_FIELDS];

// A label from the snapshot an event carries: what is left of a deleted record.
function labelFromChanges(entityType: string, changes: HistoryChange[]): string | null {
  const value = (field: string) => {
    const change = changes.find((c) => c.field === field);
    const v = change ? (change.to ?? change.from) : null;
    return v === null ? null : String(v);
  };
  switch (entityType) {
    case "Contact": {
      const name = [value("firstName"), value("lastName")].filter(Boolean).join(" ");
      return name || null;
    }
    case "Attachment":
      return value("fileName");
    case "Action":
      return value("subject");
    case "Connection":
      return value("name");
    case "Invoice":
      return value("number");
    case "OnboardingLink":
      return value("sentToEmail");
    case "Opportunity":
      return value("title");
    default:
      return null;
  }
}

async function currentLabels(db: DbClient, idsByType: Map<string, string[]>): Promise<Map<string, string>> {
  const labels = new Map<string, string>();
  const ids = (type: string) => idsByType.get(type) ?? [];
  const [contacts, attachments, actions, connections, invoices, opportunities] = await Promise.all([
    ids("Contact").length ? db.contact.findMany({ where: { id: { in: ids("Contact") } }, select: { id: true, firstName: true, lastName: true } }) : [],
    ids("Attachment").length ? db.attachment.findMany({ where: { id: { in: ids("Attachment") } }, select: { id: true, fileName: true } }) : [],
    ids("Action").length ? db.action.findMany({ where: { id: { in: ids("Action") } }, select: { id: true, subject: true } }) : [],
    ids("Connection").length ? db.connection.findMany({ where: { id: { in: ids("Connection") } }, select: { id: true, name: true } }) : [],
    ids("Invoice").length
      ? db.invoice.findMany({ where: { id: { in: ids("Invoice") } }, select: { id: true, number: true, supplierName: true } })
      : [],
    ids("Opportunity").length
      ? db.opportunity.findMany({ where: { id: { in: ids("Opportunity") } }, select: { id: true, title: true } })
      : [],
  ]);
  for (const c of contacts) labels.set(c.id, `${c.firstName} ${c.lastName}`.trim());
  for (const a of attachments) labels.set(a.id, a.fileName);
  for (const a of actions) labels.set(a.id, a.subject);
  for (const c of connections) labels.set(c.id, c.name);
  for (const i of invoices) labels.set(i.id, `n° ${i.number} — ${i.supplierName}`);
  for (const o of opportunities) labels.set(o.id, o.title);
  return labels;
}

// Ids stored in reference fields (owner, partner, type, origin) → the names they stand for.
async function referenceNames(db: DbClient, rows: HistoryRow[]): Promise<Record<ReferenceKind, Map<string, string>>> {
  const wanted: Record<ReferenceKind, Set<string>> = { user: new Set(), partner: new Set(), prospectType: new Set(), origin: new Set() };
  for (const row of rows) {
    for (const change of row.changes) {
      const kind = REFERENCE_FIELDS[change.field as keyof typeof REFERENCE_FIELDS];
      if (!kind) continue;
      for (const v of [change.from, change.to]) if (typeof v === "string") wanted[kind].add(v);
    }
  }
  const find = async (kind: ReferenceKind): Promise<{ id: string; name: string }[]> => {
    const ids = [...wanted[kind]];
    if (ids.length === 0) return [];
    const where = { id: { in: ids } };
    const select = { id: true, name: true } as const;
    if (kind === "user") return db.user.findMany({ where, select });
    if (kind === "partner") return db.partner.findMany({ where, select });
    if (kind === "prospectType") return db.prospectType.findMany({ where, select });
    return db.origin.findMany({ where, select });
  };
  const [user, partner, prospectType, origin] = await Promise.all([find("user"), find("partner"), find("prospectType"), find("origin")]);
  const toMap = (list: { id: string; name: string }[]) => new Map(list.map((r) => [r.id, r.name]));
  return { user: toMap(user), partner: toMap(partner), prospectType: toMap(prospectType), origin: toMap(origin) };
}

type EventRow = {
  id: string;
  createdAt: Date;
  action: AuditAction;
  entityType: string;
  entityId: string;
  changes: Prisma.JsonValue;
  actorName: string | null;
  total: number;
};

// One page of a prospect's events with who made them and, beside each row, how many there are
// in all: one statement where a count, the page and its actors' names took three. The id breaks
// ties between events of one transaction, which share their time.
async function readEvents(db: DbClient, prospectId: string, page: number, size: number): Promise<{ events: EventRow[]; total: number }> {
  const events = await db.$queryRaw<EventRow[]>(Prisma.sql`
    SELECT e."id", e."createdAt", e."action"::text AS "action", e."entityType", e."entityId", e."changes",
           u."name" AS "actorName", count(*) OVER ()::int AS "total"
    FROM "AuditEvent" e
    LEFT JOIN "User" u ON u."id" = e."actorId"
    WHERE e."prospectId" = ${prospectId}
    ORDER BY e."createdAt" DESC, e."id" DESC
    OFFSET ${(page - 1) * size} LIMIT ${size}`);
  return { events, total: events[0]?.total ?? 0 };
}

// The « Historique » of a prospect and its children, newest first, one page at a time. Internal
// team only: the history holds internal data, so a partner (or a prospect out of scope) gets
// NOT_FOUND, exactly like a missing prospect.
export async function findProspectHistory(
  actor: Actor,
  prospectId: string,
  { page, perPage = HISTORY_PER_PAGE }: { page: number; perPage?: number },
  db: DbClient = defaultDb,
): Promise<ProspectHistory> {
  if (!can(actor.role, "prospect:internal:read")) throw new AppError("NOT_FOUND");
  const prospect = await findFileProspect(actor, prospectId, db);
  if (!prospect) throw new AppError("NOT_FOUND");

  const size = Math.max(1, Math.min(100, Math.trunc(perPage)));
  let current = Math.max(1, Math.trunc(page) || 1);
  let { events, total } = await readEvents(db, prospect.id, current, size);
  if (events.length === 0 && current > 1) {
    // A page past the end (an old bookmark) shows the last one rather than nothing.
    total = await db.auditEvent.count({ where: { prospectId: prospect.id } });
    current = Math.max(1, Math.ceil(total / size));
    ({ events } = await readEvents(db, prospect.id, current, size));
  }

  const rows: HistoryRow[] = events.map((e) => ({
    id: e.id,
    createdAt: e.createdAt,
    action: e.action,
    entityType: e.entityType,
    entityId: e.entityId,
    entityLabel: null,
    actorName: e.actorName,
    changes: changesOf(e.action, e.changes),
  }));

  const idsByType = new Map<string, string[]>();
  for (const row of rows) {
    if (row.entityType === "Prospect") continue;
    idsByType.set(row.entityType, [...(idsByType.get(row.entityType) ?? []), row.entityId]);
  }
  const [labels, names] = await Promise.all([currentLabels(db, idsByType), referenceNames(db, rows)]);
  for (const row of rows) {
    if (row.entityType !== "Prospect") row.entityLabel = labels.get(row.entityId) ?? labelFromChanges(row.entityType, row.changes);
    row.changes = row.changes.map((change) => {
      const kind = REFERENCE_FIELDS[change.field as keyof typeof REFERENCE_FIELDS];
      if (!kind) return change;
      const name = (v: AuditValue) => (typeof v === "string" ? (names[kind].get(v) ?? v) : v);
      return { ...change, from: name(change.from), to: name(change.to) };
    });
  }

  return { rows, total, page: current, perPage: size };
}
