import type { DbClient as Db } from "@/lib/prisma-client";
import type { Role } from "@/lib/generated/prisma/enums";
import { hashPassword } from "@/lib/auth/password";
import { sirenFrom, uniqueNumber } from "./random";

export const DEFAULT_TEST_PASSWORD = "Motdepasse-test-2026";

export async function createPartner(
  db: Db,
  overrides: Partial<{
    name: string;
    siren: string;
    directRateBps: number;
    networkRateBps: number;
    agreementStartsOn: string;
    active: boolean;
  }> = {},
) {
  const n = uniqueNumber();
  return db.partner.create({
    data: {
      name: overrides.name ?? `Cabinet partenaire ${n}`,
      siren: overrides.siren ?? sirenFrom(700_000_00 + n),
      active: overrides.active ?? true,
      // Every organisation has an agreement; the default one has been in force for years.
      agreementVersions: {
        create: {
          startsOn: new Date(`${overrides.agreementStartsOn ?? "2020-01-01"}T00:00:00.000Z`),
          directRateBps: overrides.directRateBps ?? 150,
          networkRateBps: overrides.networkRateBps ?? 50,
        },
      },
    },
  });
}

// Hashing is the slow part of a user: tests that create many users can pass a precomputed hash.
export async function createUser(
  db: Db,
  options: {
    role: Role;
    partnerId?: string | null;
    email?: string;
    name?: string;
    password?: string;
    passwordHash?: string;
    active?: boolean;
  },
) {
  const n = uniqueNumber();
  if (options.role === "PARTNER" && !options.partnerId) {
    throw new Error("createUser: a PARTNER user needs a partnerId");
  }
  const passwordHash = options.passwordHash ?? (await hashPassword(options.password ?? DEFAULT_TEST_PASSWORD));
  return db.user.create({
    data: {
      email: options.email ?? `utilisateur${n}@exemple.test`,
      name: options.name ?? `Utilisateur ${n}`,
      role: options.role,
      partnerId: options.role === "PARTNER" ? options.partnerId : null,
      passwordHash,
      active: options.active ?? true,
    },
  });
}
