// Shared set-up of the onboarding integration tests: the people of a « Prêt à démarrer »
// (partner, sales team, admin) and a prospect with a favourite contact.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { resetEnvCacheForTests } from "@/lib/env";
import { resetStorageForTests } from "@/lib/storage";
import type { DbClient as Db } from "@/lib/prisma-client";
import { createContact, createPartner, createProspect, createUser } from "@/tests/factories";

export function actorOf(user: { id: string; email: string; name: string; role: Actor["role"]; partnerId: string | null }): Actor {
  return { id: user.id, email: user.email, name: user.name, role: user.role, partnerId: user.partnerId };
}

// One precomputed password hash: argon2 per user would dominate the run time.
const PASSWORD_HASH = "$argon2id$v=19$m=19456,t=2,p=1$oEsASbqAGyvhldB+MxTLQQ$1dY9Gwj8m0FsfHe/Z+Sj7HIDVo+G4K0oal08cG4yYz4";

export async function createOnboardingTeam(db: Db) {
  const partner = await createPartner(db, { name: "Cabinet Durand" });
  const otherPartner = await createPartner(db, { name: "Lefèvre Conseil" });
  const make = (role: Actor["role"], extra: { partnerId?: string; active?: boolean; name?: string } = {}) =>
    createUser(db, { role, passwordHash: PASSWORD_HASH, ...extra });
  const partnerUser = await make("PARTNER", { partnerId: partner.id, name: "Claire Durand" });
  const otherPartnerUser = await make("PARTNER", { partnerId: otherPartner.id });
  const sales = await make("SALES", { name: "Julie Petit" });
  const sales2 = await make("SALES", { name: "Thomas Roux" });
  const manager = await make("MANAGER", { name: "Marc Lemoine" });
  const admin = await make("ADMIN");
  const inactiveSales = await make("SALES", { active: false });
  return {
    partner,
    otherPartner,
    users: { partnerUser, otherPartnerUser, sales, sales2, manager, admin, inactiveSales },
    actors: {
      partner: actorOf(partnerUser),
      otherPartner: actorOf(otherPartnerUser),
      sales: actorOf(sales),
      sales2: actorOf(sales2),
      manager: actorOf(manager),
      admin: actorOf(admin),
    },
  };
}

export type OnboardingTeam = Awaited<ReturnType<typeof createOnboardingTeam>>;

export async function createProspectWithFavorite(
  db: Db,
  team: OnboardingTeam,
  options: { email?: string | null; favorite?: boolean; status?: "IN_DISCUSSION" | "READY_TO_START"; readyAt?: Date | null } = {},
) {
  const prospect = await createProspect(db, {
    partnerId: team.partner.id,
    createdById: team.users.partnerUser.id,
    status: options.status ?? "IN_DISCUSSION",
    readyAt: options.readyAt ?? null,
  });
  const contact = await createContact(db, {
    prospectId: prospect.id,
    firstName: "Camille",
    lastName: "Martin",
    email: options.email === undefined ? `camille.${prospect.id}@client.test` : options.email,
    isFavorite: options.favorite ?? true,
  });
  return { prospect, contact };
}

// The smallest files whose content file-type recognises: a PDF and a 1×1 PNG.
export const PDF = Buffer.from("%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");
export const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
  "base64",
);

// The token in an onboarding e-mail (the only place it exists).
export function tokenFromEmail(text: string): string {
  const match = text.match(/\/onboarding\/([A-Za-z0-9_-]{43})(?![A-Za-z0-9_-])/);
  if (!match?.[1]) throw new Error("no onboarding link in the e-mail");
  return match[1];
}

// Points STORAGE_DIR at a fresh temporary folder for the test file, and restores it afterwards.
export function withTemporaryStorage(prefix: string): { readonly dir: string } {
  const state = { dir: "" };
  const original = process.env.STORAGE_DIR;
  beforeAll(() => {
    state.dir = mkdtempSync(path.join(tmpdir(), prefix));
    process.env.STORAGE_DIR = state.dir;
    resetEnvCacheForTests();
    resetStorageForTests();
  });
  afterAll(() => {
    rmSync(state.dir, { recursive: true, force: true });
    if (original === undefined) delete process.env.STORAGE_DIR;
    else process.env.STORAGE_DIR = original;
    resetEnvCacheForTests();
    resetStorageForTests();
  });
  return state;
}
