// Reads behind the accounts pages. Managers only ever see PARTNER accounts.
import "server-only";
import { PARTNER_AGREEMENT_AUDIT_ENTITY } from "@/lib/agreements/create-agreement-version";
import { findAgreementInForce } from "@/lib/agreements/agreement-in-force";
import { ACCOUNTS_PER_PAGE, type AuthLogParams, type PartnerListParams, type UserListParams } from "@/lib/accounts/list-params";
import { NO_PASSWORD_HASH } from "@/lib/accounts/manage-users";
import { PARTNER_AUDIT_ENTITY } from "@/lib/accounts/partners";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { parisDayStart, addDays, parisDayOf } from "@/lib/dates";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/prisma-client";

function paginate(total: number, requested: number, perPage: number = ACCOUNTS_PER_PAGE) {
  const page = Math.min(requested, Math.max(1, Math.ceil(total / perPage)));
  return { page, skip: (page - 1) * perPage, perPage };
}

export async function findPartners(db: Db, params: PartnerListParams) {
  const where: Prisma.PartnerWhereInput = {
    ...(params.status === "all" ? {} : { active: params.status === "active" }),
    ...(params.q ? { OR: [{ name: { contains: params.q, mode: "insensitive" } }, { siren: { contains: params.q.replace(/\s/g, "") } }, { city: { contains: params.q, mode: "insensitive" } }] } : {}),
  };
  const total = await db.partner.count({ where });
  const { page, skip, perPage } = paginate(total, params.page, params.perPage);
  const rows = await db.partner.findMany({
    where,
    orderBy: [
      params.sort === "city" ? { city: { sort: params.dir, nulls: "last" } } : { name: params.dir },
      { name: "asc" },
      { id: "asc" },
    ],
    skip,
    take: perPage,
    select: { id: true, name: true, siren: true, city: true, active: true, _count: { select: { users: true, prospects: true } } },
  });
  return { rows, total, page, perPage };
}

export async function listPartnerOptions(db: Db) {
  return db.partner.findMany({ where: { active: true }, orderBy: { name: "asc" }, select: { id: true, name: true } });
}

export async function getPartnerDetail(db: Db, id: string) {
  const partner = await db.partner.findUnique({
    where: { id },
    select: {
      id: true,
      name: true,
      siren: true,
      street: true,
      postalCode: true,
      city: true,
      contactEmail: true,
      active: true,
      createdAt: true,
      _count: { select: { prospects: true } },
      agreementVersions: {
        orderBy: { startsOn: "desc" },
        select: { id: true, startsOn: true, directRateBps: true, networkRateBps: true, entitlementMonths: true, notes: true, createdAt: true },
      },
      users: { orderBy: { name: "asc" }, select: { id: true, name: true, email: true, active: true, lastLoginAt: true } },
    },
  });
  if (!partner) return null;
  const history = await db.auditEvent.findMany({
    where: { entityId: id, entityType: { in: [PARTNER_AUDIT_ENTITY, PARTNER_AGREEMENT_AUDIT_ENTITY] } },
    orderBy: { createdAt: "desc" },
    take: 100,
    select: { id: true, entityType: true, action: true, changes: true, createdAt: true, actor: { select: { name: true } } },
  });
  return { ...partner, history };
}

// « Mon organisation »: colleagues and the agreement in force today.
export async function getMyOrganisation(db: Db, actor: Actor) {
  if (!actor.partnerId) return null;
  const partner = await db.partner.findUnique({
    where: { id: actor.partnerId },
    select: {
      id: true,
      name: true,
      siren: true,
      street: true,
      postalCode: true,
      city: true,
      contactEmail: true,
      users: { where: { active: true }, orderBy: { name: "asc" }, select: { id: true, name: true, email: true } },
    },
  });
  if (!partner) return null;
  const agreement = await findAgreementInForce(db, partner.id, new Date());
  return { ...partner, agreement };
}

function userWhere(actor: Actor, params: UserListParams): Prisma.UserWhereInput {
  const and: Prisma.UserWhereInput[] = [];
  if (!can(actor.role, "user:manage")) and.push({ role: "PARTNER" });
  if (params.role) and.push({ role: params.role });
  if (params.partnerId) and.push({ partnerId: params.partnerId });
  if (params.status === "active") and.push({ active: true, passwordHash: { not: NO_PASSWORD_HASH } });
  if (params.status === "inactive") and.push({ active: false });
  if (params.status === "invited") and.push({ active: true, passwordHash: NO_PASSWORD_HASH });
  const monthAgo = new Date(Date.now() - 30 * 24 * 3600 * 1000);
  if (params.lastSignIn === "recent") and.push({ lastLoginAt: { gte: monthAgo } });
  if (params.lastSignIn === "old") and.push({ lastLoginAt: { lt: monthAgo } });
  if (params.lastSignIn === "never") and.push({ lastLoginAt: null });
  if (params.q) and.push({ OR: [{ name: { contains: params.q, mode: "insensitive" } }, { email: { contains: params.q, mode: "insensitive" } }] });
  return { AND: and };
}

export async function findUsers(db: Db, actor: Actor, params: UserListParams) {
  const where = userWhere(actor, params);
  const total = await db.user.count({ where });
  const { page, skip, perPage } = paginate(total, params.page, params.perPage);
  const rows = await db.user.findMany({
    where,
    orderBy: [
      // Never signed in sorts after everyone else whatever the direction.
      params.sort === "lastLoginAt" ? { lastLoginAt: { sort: params.dir, nulls: "last" } } : params.sort === "email" ? { email: params.dir } : { name: params.dir },
      { name: "asc" },
      { id: "asc" },
    ],
    skip,
    take: perPage,
    select: { id: true, name: true, email: true, role: true, active: true, lastLoginAt: true, passwordHash: true, totpEnabledAt: true, partner: { select: { id: true, name: true } } },
  });
  return {
    rows: rows.map(({ passwordHash, ...row }) => ({ ...row, invited: passwordHash === NO_PASSWORD_HASH })),
    total,
    page,
    perPage,
  };
}

// A manager asking for a staff account gets null (the page then answers 404).
export async function getUserDetail(db: Db, actor: Actor, id: string) {
  const user = await db.user.findFirst({
    where: { id, ...(can(actor.role, "user:manage") ? {} : { role: "PARTNER" }) },
    select: {
      id: true,
      name: true,
      email: true,
      role: true,
      partnerId: true,
      active: true,
      lastLoginAt: true,
      createdAt: true,
      passwordHash: true,
      totpEnabledAt: true,
      partner: { select: { id: true, name: true } },
    },
  });
  if (!user) return null;
  const { passwordHash, ...rest } = user;
  const openSessions = await db.session.count({ where: { userId: id, revokedAt: null, expiresAt: { gt: new Date() } } });
  return { ...rest, invited: passwordHash === NO_PASSWORD_HASH, openSessions };
}

export async function findAuthEvents(db: Db, params: AuthLogParams) {
  const and: Prisma.AuthEventWhereInput[] = [];
  if (params.kind) and.push({ kind: params.kind });
  if (params.from) and.push({ createdAt: { gte: parisDayStart(params.from) } });
  if (params.to) and.push({ createdAt: { lt: parisDayStart(addDays(params.to, 1)) } });
  if (params.q) {
    const users = await db.user.findMany({
      where: { OR: [{ name: { contains: params.q, mode: "insensitive" } }, { email: { contains: params.q, mode: "insensitive" } }] },
      select: { id: true },
      take: 200,
    });
    const ids = users.map((u) => u.id);
    and.push({ OR: [{ userId: { in: ids } }, { actorId: { in: ids } }, { email: { contains: params.q, mode: "insensitive" } }] });
  }
  const where = { AND: and };
  const total = await db.authEvent.count({ where });
  const { page, skip, perPage } = paginate(total, params.page, params.perPage);
  const events = await db.authEvent.findMany({ where, orderBy: [{ createdAt: params.dir }, { id: params.dir }], skip, take: perPage });
  const ids = [...new Set(events.flatMap((e) => [e.userId, e.actorId]).filter((v): v is string => Boolean(v)))];
  const names = new Map((await db.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true, email: true } })).map((u) => [u.id, u]));
  const rows = events.map((e) => ({
    ...e,
    user: e.userId ? (names.get(e.userId) ?? null) : null,
    actor: e.actorId ? (names.get(e.actorId) ?? null) : null,
  }));
  return { rows, total, page, perPage, today: parisDayOf(new Date()) };
}
