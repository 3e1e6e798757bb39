// The one place that reads process.env: parsed and validated once, on first use,
// so `next build` can run without a database URL.
import { z } from "zod";

const booleanFromString = z
  .enum(["true", "false", "1", "0", ""])
  .optional()
  .transform((v) => v === "true" || v === "1");

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z
    .string()
    .min(1, "DATABASE_URL est requis (le lanceur `npm start` le fournit pour la base embarquée)")
    .refine((v) => /^postgres(ql)?:\/\//.test(v), "DATABASE_URL doit être une URL postgres://"),
  NEXTAUTH_SECRET: z.string().min(32, "NEXTAUTH_SECRET doit faire au moins 32 caractères"),
  NEXTAUTH_URL: z.url().optional(),
  // Sliding session lifetime in seconds (8 h by default).
  SESSION_MAX_AGE: z.coerce.number().int().positive().default(8 * 60 * 60),
  // Failed sign-ins allowed per window before each further try is delayed.
  LOGIN_THROTTLE_FREE_ATTEMPTS: z.coerce.number().int().positive().default(5),
  LOGIN_THROTTLE_WINDOW_SECONDS: z.coerce.number().int().positive().default(15 * 60),
  LOGIN_THROTTLE_MAX_BLOCK_SECONDS: z.coerce.number().int().positive().default(5 * 60),
  // Behind a reverse proxy, the client IP comes from X-Forwarded-For.
  TRUST_PROXY: booleanFromString,
});

export type Env = z.infer<typeof envSchema>;

let cached: Env | undefined;

export function getEnv(): Env {
  if (cached) return cached;
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    const details = parsed.error.issues.map((i) => `  - ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`Configuration invalide :\n${details}`);
  }
  cached = parsed.data;
  return cached;
}

// Tests change the environment between cases; production never calls this.
export function resetEnvCacheForTests(): void {
  cached = undefined;
}
