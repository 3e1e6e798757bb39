import { defineConfig, devices } from "@playwright/test";
import { findChromium } from "./tests/e2e/support/find-chromium";
import { E2E_DATA_DIR, E2E_NEXTAUTH_SECRET } from "./tests/e2e/support/app-env";
import { E2E_MAIL_DIR } from "./tests/e2e/support/mail";

// The end-to-end suite runs the real `npm start` path (embedded PostgreSQL, migrations,
// demo seed, production build) on its own data directory and ports.
const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://localhost:${port}`;
const registryPort = Number(process.env.E2E_REGISTRY_PORT ?? 4010);
const smtpPort = Number(process.env.E2E_SMTP_PORT ?? 2525);
const mailDir = E2E_MAIL_DIR;

const chromiumLaunch = {
  executablePath: findChromium(),
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
};

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL,
    locale: "fr-FR",
    timezoneId: "Europe/Paris",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "chromium",
      testIgnore: /-journey\.spec\.ts/,
      use: { ...devices["Desktop Chrome"], launchOptions: chromiumLaunch },
    },
    // Add prospects, actions and quotes to the shared demo data, so they run after the specs that
    // count the seed's rows.
    {
      name: "journeys",
      testMatch: /-journey\.spec\.ts/,
      dependencies: ["chromium"],
      use: { ...devices["Desktop Chrome"], launchOptions: chromiumLaunch },
    },
  ],
  webServer: [
    // The French company registry, faked locally with the API's real JSON shape.
    {
      command: `npx tsx tests/support/fake-registry.ts --port ${registryPort}`,
      port: registryPort,
      reuseExistingServer: false,
      timeout: 60_000,
    },
    // A real SMTP server that writes every message it receives under .data/e2e-mail.
    {
      command: `rm -rf ${mailDir} && npx tsx tests/support/smtp-sink.ts --port ${smtpPort} --dump-dir ${mailDir}`,
      port: smtpPort,
      reuseExistingServer: false,
      timeout: 60_000,
    },
    // The app exactly as `npm start` runs it, on its own data directory and ports.
    {
      command: `rm -rf ${E2E_DATA_DIR} && npx tsx scripts/start.ts`,
      url: `${baseURL}/login`,
      reuseExistingServer: false,
      timeout: 15 * 60_000,
      stdout: "pipe",
      stderr: "pipe",
      gracefulShutdown: { signal: "SIGTERM", timeout: 20_000 },
      env: {
        PORT: String(port),
        DATA_DIR: E2E_DATA_DIR,
        EMBEDDED_PG_PORT: process.env.E2E_PG_PORT ?? "5434",
        DATABASE_URL: "",
        NEXTAUTH_URL: baseURL,
        NEXTAUTH_SECRET: E2E_NEXTAUTH_SECRET,
        SEED_DEMO_DATA: "true",
        COMPANY_SEARCH_URL: `http://127.0.0.1:${registryPort}`,
        SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
        SALES_INBOX_EMAIL: "equipe-commerciale@exemple.test",
        // The demo accounts sign in with their password alone; accounts.spec.ts enrols a second
        // factor itself.
        MFA_REQUIRED_ROLES: "",
      },
    },
  ],
});
