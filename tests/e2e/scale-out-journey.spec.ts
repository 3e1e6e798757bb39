import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import pg from "pg";
import { E2E_DATA_DIR, E2E_NEXTAUTH_SECRET, e2eDatabaseUrl } from "./support/app-env";
import { DEMO, fillLogin, loginAs } from "./support/auth";
import { readMails, waitForMail } from "./support/mail";

// Scale-out (README « Production »): a second app server and a second worker, started from the
// same build on the same PostgreSQL as the suite's `npm start` (which runs the first server and
// the first worker), with the same NEXTAUTH_SECRET. A journey spec: it throttles the suite's IP
// address and sends a campaign, so it runs after the specs that count the demo data.
// Two simultaneous first starts migrating and seeding once: tests/integration/supervision.test.ts.

// Playwright runs from the checkout, where the build and the scripts are.
const root = process.cwd();
const portA = Number(process.env.E2E_PORT ?? 3100);
const portB = Number(process.env.E2E_SCALE_OUT_PORT ?? portA + 50);
const urlA = `http://localhost:${portA}`;
const urlB = `http://localhost:${portB}`;

// The runner's own hooks (NODE_OPTIONS, PW_*) are not for the app's processes.
const inherited = Object.fromEntries(
  Object.entries(process.env).filter(([key]) => key !== "NODE_OPTIONS" && !key.startsWith("PW_")),
);

const sharedEnv: NodeJS.ProcessEnv = {
  ...inherited,
  NODE_ENV: "production",
  DATABASE_URL: e2eDatabaseUrl(),
  DATA_DIR: E2E_DATA_DIR,
  NEXTAUTH_SECRET: E2E_NEXTAUTH_SECRET,
  NEXTAUTH_URL: urlB,
  NEXT_TELEMETRY_DISABLED: "1",
  COMPANY_SEARCH_URL: `http://127.0.0.1:${process.env.E2E_REGISTRY_PORT ?? 4010}`,
  SMTP_URL: `smtp://127.0.0.1:${process.env.E2E_SMTP_PORT ?? 2525}`,
  SALES_INBOX_EMAIL: "equipe-commerciale@exemple.test",
  MFA_REQUIRED_ROLES: "",
  SEED_DEMO_DATA: "false",
};

let serverB: ChildProcess | undefined;
let workerB: ChildProcess | undefined;
let db: pg.Client;
const output: string[] = [];

function start(args: string[]): ChildProcess {
  const child = spawn(process.execPath, args, { cwd: root, env: sharedEnv, stdio: ["ignore", "pipe", "pipe"] });
  // Kept for the failure message: a second instance that cannot start says why on its output.
  child.stdout?.on("data", (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => output.push(chunk.toString()));
  return child;
}

async function stop(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGTERM");
  const timeout = setTimeout(() => child.kill("SIGKILL"), 20_000);
  await exited;
  clearTimeout(timeout);
}

async function waitUntil(what: string, check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms.\n${output.join("").slice(-4000)}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

async function clearThrottle(): Promise<void> {
  await db.query(`DELETE FROM "AuthThrottle"`);
}

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  db = new pg.Client({ connectionString: e2eDatabaseUrl() });
  await db.connect();
  // Earlier specs' failed sign-ins from this same address must not block the ones below.
  await clearThrottle();
  serverB = start([path.join(root, "scripts", "serve.mjs"), "--port", String(portB)]);
  workerB = start(["--conditions=react-server", "--import", "tsx", path.join(root, "scripts", "worker.ts")]);
  await waitUntil("second app server live", async () => (await fetch(`${urlB}/api/health/live`)).ok, 120_000);
  // Both workers alive: the launcher's and this one (its own heartbeat row, by PID).
  await waitUntil(
    "second worker heartbeat",
    async () => {
      const { rows } = await db.query(
        `SELECT "pid" FROM "WorkerHeartbeat" WHERE "lastSeenAt" > now() - interval '30 seconds'`,
      );
      return rows.some((r: { pid: number }) => r.pid === workerB?.pid) && rows.length >= 2;
    },
    60_000,
  );
});

test.afterAll(async () => {
  await stop(workerB);
  await stop(serverB);
  if (db) {
    await clearThrottle().catch(() => undefined);
    await db.end();
  }
});

test("both instances are ready and serve the same database", async ({ request }) => {
  for (const url of [urlA, urlB]) {
    const response = await request.get(`${url}/api/health/ready`);
    expect(response.status(), url).toBe(200);
  }
});

test("a session opened on one instance works on the other, and signing out on one ends it on both", async ({ page }) => {
  await loginAs(page, "manager");
  // Cookies are per host, not per port: the browser sends instance A's session cookie to B.
  await page.goto(`${urlB}/`);
  await expect(page.getByRole("heading", { name: "Tableau de bord", level: 1 })).toBeVisible();
  await page.goto(`${urlB}/prospects`);
  await expect(page).toHaveURL(`${urlB}/prospects`);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();

  // Sessions are rows in the shared database: signed out through B, the very same cookie (put
  // back after sign-out cleared it) is refused by A.
  const signedIn = await page.context().cookies();
  expect(signedIn.some((c) => c.name.includes("session-token"))).toBe(true);
  const { csrfToken } = (await (await page.request.get(`${urlB}/api/auth/csrf`)).json()) as { csrfToken: string };
  const signOut = await page.request.post(`${urlB}/api/auth/signout`, { form: { csrfToken, json: "true" } });
  expect(signOut.ok()).toBe(true);
  await page.context().addCookies(signedIn);
  await page.goto(`${urlA}/`);
  await expect(page).toHaveURL(/\/login/);
  await page.goto(`${urlB}/`);
  await expect(page).toHaveURL(/\/login/);
});

async function failSignIn(page: Page, base: string, email: string): Promise<string> {
  await page.goto(`${base}/login`);
  await fillLogin(page, email, "mauvais-mot-de-passe");
  const alert = page.locator("form").getByRole("alert").filter({ hasText: /./ });
  await expect(alert).toBeVisible();
  return (await alert.textContent()) ?? "";
}

test("failed sign-ins count across both instances", async ({ page }) => {
  await clearThrottle();
  const email = DEMO.partnerB.email;
  // Five free failures (LOGIN_THROTTLE_FREE_ATTEMPTS), alternated: neither instance saw five.
  for (const base of [urlA, urlB, urlA, urlB, urlA]) {
    expect(await failSignIn(page, base, email)).not.toContain("Trop de tentatives");
  }
  expect(await failSignIn(page, urlB, email)).toContain("Trop de tentatives");
  expect(await failSignIn(page, urlA, email)).toContain("Trop de tentatives");
  await clearThrottle();
});

test("a campaign sent with two workers running reaches each recipient once", async ({ page }) => {
  test.setTimeout(180_000);
  await clearThrottle();
  await loginAs(page, "sales");
  const marker = `Scale-out ${Date.now()}`;

  // Built and sent on instance B; the two workers share the outbox.
  await page.goto(`${urlB}/campagnes`);
  await page.getByRole("link", { name: "Nouvelle campagne" }).first().click();
  await page.getByLabel("Nom de la campagne").fill(`Invitation ${marker}`);
  await page.getByLabel("Objet").fill(`Invitation ${marker} pour {{company}}`);
  await page.getByLabel("Message").fill("Bonjour {{civility}} {{lastName}},\n\nNotre offre vous attend.\n\n{{senderName}}");
  await page.getByRole("button", { name: "Enregistrer et continuer" }).click();
  await page.getByLabel("Statut", { exact: true }).selectOption({ label: "Prêt à démarrer" });
  await page.getByLabel("Étape", { exact: true }).selectOption({ label: "Prospect" });
  await expect(page.getByText(/\d+ fiches? concernées?/)).toBeVisible();
  await page.getByRole("button", { name: "Enregistrer les filtres" }).click();
  await page.getByRole("button", { name: "Générer le type d'action" }).click();
  await page.getByRole("button", { name: "Enregistrer", exact: true }).click();
  await expect(page.getByText(/actions? d'envoi (ont|a) été créées?\./)).toBeVisible();
  await page.getByRole("link", { name: "Visualiser les actions en attente" }).click();

  const table = page.getByRole("table", { name: "Actions d'envoi de la campagne" });
  const rows = table.getByRole("row").filter({ has: page.getByRole("cell") });
  await expect(rows.first()).toBeVisible();
  const recipients: string[] = [];
  for (const row of await rows.all()) {
    const [, email] = (await row.getByRole("cell").nth(1).locator("span").allTextContents()).map((t) => t.trim());
    recipients.push(email!);
  }
  expect(recipients.length).toBeGreaterThan(1);
  await page.getByRole("button", { name: "Envoyer tout" }).click();
  await page.getByRole("dialog", { name: "Envoyer la campagne ?" }).getByRole("button", { name: "Oui, envoyer" }).click();

  for (const email of recipients) {
    await waitForMail((m) => m.to.some((to) => to.includes(email)) && (m.subject ?? "").includes(marker), 60_000);
  }
  // Every message of the campaign is final; a second delivery would have happened by now.
  await waitUntil(
    "campaign outbox settled",
    async () => {
      const { rows: left } = await db.query(
        `SELECT count(*)::int AS n FROM "OutboxEmail" WHERE "subject" LIKE $1 AND "status" <> 'SENT'`,
        [`%${marker}%`],
      );
      return left[0].n === 0;
    },
    30_000,
  );
  await new Promise((resolve) => setTimeout(resolve, 3_000));
  const received = readMails().filter((m) => (m.subject ?? "").includes(marker));
  expect(received).toHaveLength(recipients.length);
  for (const email of recipients) {
    expect(received.filter((m) => m.to.some((to) => to.includes(email))), email).toHaveLength(1);
  }
});

test("due task reminders fire once with two workers claiming them", async () => {
  test.setTimeout(120_000);
  // Five open tasks of active users fall due at once, each with a subject of its own; the second
  // worker is restarted so that it claims at start while the first one polls.
  const marker = `SO-${Date.now()}`;
  const { rows: tasks } = await db.query<{ id: string; subject: string; email: string }>(
    `UPDATE "Action" a SET "subject" = a."subject" || ' ' || $1 || '-' || a."id",
            "reminderAt" = now() - interval '1 second', "reminderSentAt" = NULL, "reminderByEmail" = true
     FROM "User" u
     WHERE a."id" IN (
       SELECT a2."id" FROM "Action" a2 JOIN "User" u2 ON u2."id" = COALESCE(a2."assigneeId", a2."createdById")
       WHERE a2."done" = false AND u2."active" = true ORDER BY a2."id" LIMIT 5)
       AND u."id" = COALESCE(a."assigneeId", a."createdById")
     RETURNING a."id", a."subject", u."email"`,
    [marker],
  );
  expect(tasks).toHaveLength(5);

  await stop(workerB);
  workerB = start(["--conditions=react-server", "--import", "tsx", path.join(root, "scripts", "worker.ts")]);

  for (const task of tasks) {
    await waitForMail((m) => m.subject === `Rappel : ${task.subject}` && m.to.some((to) => to.includes(task.email)), 60_000);
  }
  await waitUntil(
    "reminder e-mails settled",
    async () => {
      const { rows } = await db.query(
        `SELECT count(*)::int AS n FROM "OutboxEmail" WHERE "subject" LIKE $1 AND "status" <> 'SENT'`,
        [`%${marker}%`],
      );
      return rows[0].n === 0;
    },
    30_000,
  );
  await new Promise((resolve) => setTimeout(resolve, 3_000));
  for (const task of tasks) {
    expect(readMails().filter((m) => m.subject === `Rappel : ${task.subject}`), task.subject).toHaveLength(1);
  }
  const { rows: notifications } = await db.query(
    `SELECT count(*)::int AS n FROM "Notification" WHERE "title" LIKE $1`,
    [`%${marker}%`],
  );
  expect(notifications[0].n).toBe(5);
});
