import { defineConfig, devices } from "@playwright/test";
import { findChromium } from "./tests/e2e/support/find-chromium";

// The end-to-end suite runs the real `npm start` path (embedded PostgreSQL, migrations,
// demo seed, production build) on its own data directory and ports.
const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://localhost:${port}`;

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
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
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
        },
      },
    },
  ],
  webServer: {
    command: "rm -rf .data/e2e && npx tsx scripts/start.ts",
    url: `${baseURL}/login`,
    reuseExistingServer: false,
    timeout: 15 * 60_000,
    stdout: "pipe",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 20_000 },
    env: {
      PORT: String(port),
      DATA_DIR: ".data/e2e",
      EMBEDDED_PG_PORT: process.env.E2E_PG_PORT ?? "5434",
      DATABASE_URL: "",
      NEXTAUTH_URL: baseURL,
      NEXTAUTH_SECRET: "e2e-secret-not-for-production-0123456789abcdef",
      SEED_DEMO_DATA: "true",
    },
  },
});
