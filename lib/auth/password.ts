// Argon2id password hashing. Deliberately not server-only: the seed script and the test
// factories (run by tsx and vitest, outside Next) hash demo passwords with it.
import { hash, parseOptions, verify, type Algorithm, type Options } from "@node-rs/argon2";

// OWASP's argon2id baseline (19 MiB, 2 passes, 1 lane): ~20 ms on a small server.
// `Algorithm` is an ambient const enum, which isolatedModules cannot read: 2 is Argon2id.
const ARGON2ID = 2 as Algorithm;
const HASH_OPTIONS: Options = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1, outputLen: 32 };

export async function hashPassword(password: string): Promise<string> {
  return hash(password, HASH_OPTIONS);
}

// A malformed or foreign hash (e.g. an imported account) is a failed sign-in, never a 500.
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// True when a stored hash was made with other parameters than today's, so it is upgraded
// at the next successful sign-in.
export function needsRehash(passwordHash: string): boolean {
  try {
    const current = parseOptions(passwordHash);
    return (
      current.algorithm !== HASH_OPTIONS.algorithm ||
      current.memoryCost !== HASH_OPTIONS.memoryCost ||
      current.timeCost !== HASH_OPTIONS.timeCost ||
      current.parallelism !== HASH_OPTIONS.parallelism ||
      current.outputLen !== HASH_OPTIONS.outputLen
    );
  } catch {
    return true;
  }
}

let dummyHash: Promise<string> | undefined;

// Spends the same time as a real verification, so an unknown e-mail cannot be told apart
// from a wrong password by the response time. Always false.
export async function verifyDummyPassword(password: string): Promise<false> {
  dummyHash ??= hashPassword(`dummy-${Math.random()}-${Date.now()}`).catch((error: unknown) => {
    dummyHash = undefined;
    throw error;
  });
  await verifyPassword(await dummyHash, password);
  return false;
}
