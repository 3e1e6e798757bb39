// The one place that reads process.env: parsed and validated once, on first use,
// so `next build` can run without a database URL.
import { z } from "zod";
import "@/lib/zod-fr";

const booleanFromString = z
  .enum(["true", "false", "1", "0", ""])
  .optional()
  .transform((v) => v === "true" || v === "1");

const optionalString = z
  .string()
  .optional()
  .transform((v) => (v && v.trim() !== "" ? v.trim() : undefined));

// `NAME=` (as in .env.example) means unset.
const emptyAsUnset = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

// Positive integer from a string, bounded: a typo such as "10s" is refused at start.
const intSetting = (min: number, max: number, fallback: number) => z.coerce.number().int().min(min).max(max).default(fallback);

const postgresUrl = (name: string) =>
  z
    .string()
    .trim()
    .refine((v) => /^postgres(ql)?:\/\/[^\s]+$/.test(v), `${name} doit être une URL postgres:// ou postgresql://`);

// Only SMTP: an http:// or mistyped URL must stop the start, not deliver somewhere odd.
const smtpUrl = optionalString.refine(
  (v) => v === undefined || (/^smtps?:\/\/[^\s]+$/.test(v) && URL.canParse(v)),
  "SMTP_URL doit être une URL smtp:// ou smtps://",
);

// Outbox delivery settings, shared by the app (health) and the worker.
const deliverySettings = {
  // Messages a worker claims together (each keeps its own lease until sent).
  SMTP_BATCH_SIZE: intSetting(1, 100, 1),
  // Grace after a sending worker vanished before the message is sent again (same Message-ID).
  SMTP_STUCK_AFTER_SECONDS: intSetting(1, 24 * 60 * 60, 600),
  // Lease on a message being sent, renewed every third of it while the SMTP exchange lasts.
  SMTP_LEASE_SECONDS: intSetting(1, 60 * 60, 60),
};

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z
    .string()
    .min(1, "DATABASE_URL est requis (le lanceur `npm start` le fournit pour la base embarquée)")
    .pipe(postgresUrl("DATABASE_URL")),
  // Connections per process to PostgreSQL, wait for a free one, and an interactive
  // transaction's own time limit (Prisma's defaults, 2 s and 5 s, fail writes under load).
  DATABASE_POOL_SIZE: intSetting(1, 200, 10),
  DATABASE_CONNECT_TIMEOUT_MS: intSetting(100, 120_000, 5000),
  DATABASE_TRANSACTION_WAIT_MS: intSetting(100, 120_000, 10_000),
  DATABASE_TRANSACTION_TIMEOUT_MS: intSetting(100, 600_000, 20_000),
  NEXTAUTH_SECRET: z.string().min(32, "NEXTAUTH_SECRET doit faire au moins 32 caractères"),
  NEXTAUTH_URL: z.url().optional(),
  // Sliding session lifetime in seconds (8 h by default).
  SESSION_MAX_AGE: z.coerce.number().int().positive().default(8 * 60 * 60),
  // Absolute session lifetime in seconds, whatever the activity (7 days by default).
  SESSION_ABSOLUTE_MAX_AGE: z.coerce.number().int().positive().default(7 * 24 * 60 * 60),
  // Roles that must use a second factor (TOTP), comma-separated; empty: none. ADMIN by default.
  MFA_REQUIRED_ROLES: z
    .string()
    .default("ADMIN")
    .transform((v) => v.split(",").map((r) => r.trim().toUpperCase()).filter(Boolean))
    .pipe(z.array(z.enum(["PARTNER", "SALES", "MANAGER", "ADMIN"], { error: "MFA_REQUIRED_ROLES : rôles PARTNER, SALES, MANAGER ou ADMIN" }))),
  // Failed sign-ins allowed per window before each further try is delayed.
  LOGIN_THROTTLE_FREE_ATTEMPTS: z.coerce.number().int().positive().default(5),
  LOGIN_THROTTLE_WINDOW_SECONDS: z.coerce.number().int().positive().default(15 * 60),
  LOGIN_THROTTLE_MAX_BLOCK_SECONDS: z.coerce.number().int().positive().default(5 * 60),
  // Behind a reverse proxy, the client IP comes from X-Forwarded-For.
  TRUST_PROXY: booleanFromString,

  // Copies of the web server on this machine (the launcher sets it from its own WEB_CONCURRENCY):
  // what one process may send the company registry is its limit divided among them.
  WEB_CONCURRENCY: z.preprocess(emptyAsUnset, intSetting(1, 64, 1)),
  // French company registry (API Recherche d'entreprises).
  COMPANY_SEARCH_URL: z.url().default("https://recherche-entreprises.api.gouv.fr"),
  COMPANY_SEARCH_TIMEOUT_MS: z.coerce.number().int().min(200).max(30_000).default(4000),

  // Attachments: size limit, and where files live (local disk unless an S3 bucket is configured).
  UPLOAD_MAX_BYTES: z.coerce.number().int().positive().default(15 * 1024 * 1024),
  // Files one user (or one client link) may upload per window, and total size per prospect.
  UPLOAD_RATE_LIMIT: intSetting(1, 10_000, 30),
  UPLOAD_RATE_WINDOW_SECONDS: intSetting(1, 24 * 60 * 60, 600),
  UPLOAD_PROSPECT_QUOTA_MB: intSetting(1, 1_000_000, 500),
  // clamd that scans every uploaded file before it is kept (unset: no scanning).
  CLAMAV_URL: optionalString.refine(
    (v) => v === undefined || (/^(tcp|unix):\/\/\S+$/.test(v) && URL.canParse(v)),
    "CLAMAV_URL doit être tcp://hôte:port ou unix:///chemin/du/socket",
  ),
  // Default: $DATA_DIR/uploads, next to the embedded database, so one folder holds all data.
  STORAGE_DIR: optionalString,
  DATA_DIR: z.string().min(1).default(".data"),
  S3_BUCKET: optionalString,
  S3_REGION: z.string().default("us-east-1"),
  S3_ENDPOINT: optionalString,
  S3_ACCESS_KEY_ID: optionalString,
  S3_SECRET_ACCESS_KEY: optionalString,
  S3_FORCE_PATH_STYLE: booleanFromString,

  // E-mail: SMTP server (unset = messages kept in the « Boîte d'envoi » admin page), sender, and
  // the internal sales team's inbox alerted when a file is « Prêt à démarrer ».
  SMTP_URL: smtpUrl,
  ...deliverySettings,
  MAIL_FROM: z.string().min(3).default("CRM Partenaires <no-reply@crm.localhost>"),
  SALES_INBOX_EMAIL: z.email().default("commercial@demo.fr"),
  // Lifetime of the client's single-use onboarding link, in hours (7 days by default).
  ONBOARDING_LINK_TTL_HOURS: z.coerce.number().int().positive().default(7 * 24),
  // Issuer printed on quotes (« Devis ») PDFs. The address is one line per « | »-separated part;
  // the e-mail defaults to SALES_INBOX_EMAIL.
  QUOTE_ISSUER_NAME: z.string().trim().min(1).max(120).default("CRM Partenaires"),
  QUOTE_ISSUER_ADDRESS: optionalString,
  QUOTE_ISSUER_SIREN: z
    .string()
    .optional()
    .transform((v) => (v && v.replace(/\s+/g, "") !== "" ? v.replace(/\s+/g, "") : undefined))
    .refine((v) => v === undefined || /^\d{9}$/.test(v), "QUOTE_ISSUER_SIREN doit comporter 9 chiffres"),
  QUOTE_ISSUER_EMAIL: z.email().optional().or(z.literal("").transform(() => undefined)),
  QUOTE_ISSUER_PHONE: optionalString,
  QUOTE_PAYMENT_TERMS: z
    .string()
    .trim()
    .min(1)
    .max(300)
    .default("Paiement à 30 jours à réception de facture, par virement bancaire."),
  // Bearer token of GET /api/metrics (Prometheus); unset = no metrics endpoint.
  METRICS_TOKEN: optionalString.refine((v) => v === undefined || v.length >= 16, "METRICS_TOKEN doit faire au moins 16 caractères"),
  // The app server also runs the background worker (e-mails, alerts); set false to run it alone
  // with `npm run worker`.
  RUN_WORKER_IN_APP: z
    .enum(["true", "false", "1", "0"])
    .default("true")
    .transform((v) => v === "true" || v === "1"),
  // Benchmark only (`npm run bench`): append every SQL statement the app runs, with its
  // parameters, as JSON lines to this file, so the floor server replays the page's own SQL.
  QUERY_LOG_FILE: optionalString,
});

export type Env = z.infer<typeof envSchema>;

// One line an operator reads in a journal: « Configuration invalide : SMTP_URL doit être… ».
export class ConfigError extends Error {
  constructor(issues: readonly { path: readonly PropertyKey[]; message: string }[]) {
    const details = issues.map((i) => (i.message.includes(String(i.path[0] ?? "")) ? i.message : `${i.path.join(".")} : ${i.message}`));
    super(`Configuration invalide : ${details.join(" ; ")}`);
    this.name = "ConfigError";
  }
}

// Where attachments live on local disk when no S3 bucket is configured.
export function uploadsDir(env: { STORAGE_DIR?: string; DATA_DIR: string }): string {
  return env.STORAGE_DIR ?? `${env.DATA_DIR.replace(/\/+$/, "")}/uploads`;
}

let cached: Env | undefined;

export function getEnv(): Env {
  if (cached) return cached;
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) throw new ConfigError(parsed.error.issues);
  cached = parsed.data;
  return cached;
}

// The launcher checks the app's whole configuration before starting anything, with the database
// URL and secret it will provide itself filled in.
export function checkAppEnv(source: NodeJS.ProcessEnv): void {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) throw new ConfigError(parsed.error.issues);
}

// The background worker runs outside the app (the launcher, `npm run worker`) without the app's
// database URL or secrets in its environment: it reads only what delivery and storage need.
const workerEnvSchema = envSchema.pick({
  // Links in reminder e-mails; the launcher sets it for the worker as for the app.
  NEXTAUTH_URL: true,
  SMTP_URL: true,
  SMTP_BATCH_SIZE: true,
  SMTP_STUCK_AFTER_SECONDS: true,
  SMTP_LEASE_SECONDS: true,
  MAIL_FROM: true,
  STORAGE_DIR: true,
  DATA_DIR: true,
  S3_BUCKET: true,
  S3_REGION: true,
  S3_ENDPOINT: true,
  S3_ACCESS_KEY_ID: true,
  S3_SECRET_ACCESS_KEY: true,
  S3_FORCE_PATH_STYLE: true,
  // The import's « Compléter avec le registre » (lib/imports).
  COMPANY_SEARCH_URL: true,
  COMPANY_SEARCH_TIMEOUT_MS: true,
});

export type WorkerEnv = z.infer<typeof workerEnvSchema>;

export function getWorkerEnv(): WorkerEnv {
  const parsed = workerEnvSchema.safeParse(process.env);
  if (!parsed.success) throw new ConfigError(parsed.error.issues);
  return parsed.data;
}

// Tests change the environment between cases; production never calls this.
export function resetEnvCacheForTests(): void {
  cached = undefined;
}

// What `npm start` / `npm run dev` need before the app exists: whether to start the embedded
// PostgreSQL, where its data lives, and the ports. The app itself only sees getEnv().
const launcherEnvSchema = z.object({
  DATABASE_URL: optionalString.refine(
    (v) => v === undefined || /^postgres(ql)?:\/\/[^\s]+$/.test(v),
    "DATABASE_URL doit être une URL postgres:// ou postgresql://",
  ),
  SMTP_URL: smtpUrl,
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  DATA_DIR: z.string().min(1).default(".data"),
  EMBEDDED_PG_PORT: z.coerce.number().int().min(1).max(65535).default(5433),
  NEXTAUTH_SECRET: optionalString.refine(
    (v) => v === undefined || v.length >= 32,
    "NEXTAUTH_SECRET doit faire au moins 32 caractères (laissez-le vide pour qu'un secret soit généré)",
  ),
  NEXTAUTH_URL: z.url().optional(),
  TRUST_PROXY: booleanFromString,
  // Copies of the web server sharing PORT (node:cluster); unset: one per core, at most 4.
  WEB_CONCURRENCY: z.preprocess(emptyAsUnset, z.coerce.number().int().min(1).max(64).optional()),
  DATABASE_CONNECT_TIMEOUT_MS: intSetting(100, 120_000, 5000),
  RUN_WORKER_IN_APP: z
    .enum(["true", "false", "1", "0"])
    .default("true")
    .transform((v) => v === "true" || v === "1"),
  // Seed the demo data when the database has no user yet.
  SEED_DEMO_DATA: z
    .enum(["true", "false", "1", "0"])
    .default("true")
    .transform((v) => v === "true" || v === "1"),
});

export type LauncherEnv = z.infer<typeof launcherEnvSchema>;

export function getLauncherEnv(): LauncherEnv {
  const parsed = launcherEnvSchema.safeParse(process.env);
  if (!parsed.success) throw new ConfigError(parsed.error.issues);
  return parsed.data;
}

// The database tooling around the app: the integration-test harness and the embedded server's logs.
const toolingEnvSchema = z.object({
  // A local PostgreSQL for the integration tests instead of a throwaway embedded one.
  TEST_DATABASE_URL: z
    .string()
    .optional()
    .transform((v) => (v && v.trim() !== "" ? v.trim() : undefined))
    .refine((v) => v === undefined || /^postgres(ql)?:\/\//.test(v), "TEST_DATABASE_URL doit être une URL postgres://"),
  // Print the embedded PostgreSQL server's own log lines.
  EMBEDDED_PG_DEBUG: booleanFromString,
  // `npm run bench`: an existing PostgreSQL server to create the benchmark database on, instead
  // of a throwaway embedded one (the URL's database is only used to connect; the bench database
  // is created beside it and dropped at the end).
  BENCH_DATABASE_URL: z
    .string()
    .optional()
    .transform((v) => (v && v.trim() !== "" ? v.trim() : undefined))
    .refine((v) => v === undefined || /^postgres(ql)?:\/\//.test(v), "BENCH_DATABASE_URL doit être une URL postgres://"),
});

export type ToolingEnv = z.infer<typeof toolingEnvSchema>;

export function getToolingEnv(): ToolingEnv {
  const parsed = toolingEnvSchema.safeParse(process.env);
  if (!parsed.success) throw new ConfigError(parsed.error.issues);
  return parsed.data;
}

// Absolute base URL for links sent outside the app (e-mails): NEXTAUTH_URL, set by the launcher.
export function appUrl(): string {
  return (getEnv().NEXTAUTH_URL ?? "http://localhost:3000").replace(/\/+$/, "");
}
