import "server-only";
import { cache } from "react";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Contact, Prospect } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { prospectScope } from "@/lib/auth/scope";
import { db as defaultDb } from "@/lib/db";
import type { DbClient } from "@/lib/prisma-client";

type Named = { id: string; name: string } | null;

// The records a file's foreign keys point at, by name; null where the key is null.
export type FileProspectNames = { partner: Named; createdBy: Named; owner: Named; type: Named; origin: Named };

// The prospect behind a file, with its contacts and the names its keys point at.
export type FileProspect = Prospect & { contacts: Contact[]; names: FileProspectNames };

const NO_NAMES: FileProspectNames = { partner: null, createdBy: null, owner: null, type: null, origin: null };

type NamesRow = { partnerName: string | null; createdByName: string | null; ownerName: string | null; typeName: string | null; originName: string | null };

// One statement for the five names, where Prisma's includes would run one each (and an
// `IN (NULL)` for every key that is null).
async function readNames(db: DbClient, p: Prospect): Promise<FileProspectNames> {
  if (!p.partnerId && !p.createdById && !p.ownerId && !p.typeId && !p.originId) return NO_NAMES;
  const [row] = await db.$queryRaw<NamesRow[]>(Prisma.sql`
    SELECT (SELECT "name" FROM "Partner" WHERE "id" = ${p.partnerId}) AS "partnerName",
           (SELECT "name" FROM "User" WHERE "id" = ${p.createdById}) AS "createdByName",
           (SELECT "name" FROM "User" WHERE "id" = ${p.ownerId}) AS "ownerName",
           (SELECT "name" FROM "ProspectType" WHERE "id" = ${p.typeId}) AS "typeName",
           (SELECT "name" FROM "Origin" WHERE "id" = ${p.originId}) AS "originName"`);
  const named = (id: string | null, name: string | null | undefined): Named => (id && name != null ? { id, name } : null);
  return {
    partner: named(p.partnerId, row?.partnerName),
    createdBy: named(p.createdById, row?.createdByName),
    owner: named(p.ownerId, row?.ownerName),
    type: named(p.typeId, row?.typeName),
    origin: named(p.originId, row?.originName),
  };
}

async function readFileProspect(actor: Actor, id: string, db: DbClient): Promise<FileProspect | null> {
  // The access rule: partner scoping in the `where`, so another partner's prospect is not found.
  const prospect = await db.prospect.findFirst({ where: { AND: [{ id }, prospectScope(actor)] } });
  if (!prospect) return null;
  const [contacts, names] = await Promise.all([
    db.contact.findMany({ where: { prospectId: prospect.id }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] }),
    readNames(db, prospect),
  ]);
  return { ...prospect, contacts, names };
}

const readOncePerRequest = cache(readFileProspect);

// The prospect of the file in the actor's scope, or null when missing or out of scope (a 404).
// Read once per request (React's cache(), keyed on the request's actor object, the id and the
// client): the page, its earner line, corrections, connections and history all share it
// instead of each re-reading the row for its own access check. Outside a request (tests,
// server actions) it simply reads.
export function findFileProspect(actor: Actor, id: string, db: DbClient = defaultDb): Promise<FileProspect | null> {
  return readOncePerRequest(actor, id, db);
}
