// SIGTERM to npm's PID (what systemd or Docker sends) stops the launcher and everything it
// started, the embedded PostgreSQL included, so the next start does not fail with
// DATA_DIR_IN_USE (issue 11). Signalled while the app is being prepared: no build is needed.
import { spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "@/tests/support/free-port";

const root = path.resolve(import.meta.dirname, "../..");
let tmp: string;

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), "crm-signals-"));
  await chmod(tmp, 0o755);
});

afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

// Every live process whose command line or environment mentions the test's DATA_DIR.
function processesUsing(dir: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, "utf8");
      const environ = readFileSync(`/proc/${entry}/environ`, "utf8");
      if (cmdline.includes(dir) || environ.includes(`DATA_DIR=${dir}`)) pids.push(Number(entry));
    } catch {
      // Gone meanwhile, or not ours to read.
    }
  }
  return pids;
}

function npmStart(env: Record<string, string>) {
  const child = spawn("npm", ["start"], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: "", SEED_DEMO_DATA: "false", SMTP_URL: "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr.on("data", (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const waitForOutput = async (pattern: RegExp, timeoutMs = 90_000) => {
    const deadline = Date.now() + timeoutMs;
    while (!pattern.test(output)) {
      if (Date.now() > deadline) throw new Error(`« ${pattern} » absent de la sortie :\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  };
  return { child, exited, waitForOutput, output: () => output };
}

describe("npm start and signals", () => {
  it("SIGTERM to npm's PID stops the launcher and the embedded PostgreSQL; the next start is not refused", { timeout: 240_000 }, async () => {
    const dataDir = path.join(tmp, "data");
    const env = { DATA_DIR: dataDir, PORT: String(await freePort()), EMBEDDED_PG_PORT: String(await freePort()) };

    const first = npmStart(env);
    await first.waitForOutput(/Schéma à jour|Migrations appliquées/);
    expect(existsSync(path.join(dataDir, "postgres", "postmaster.pid"))).toBe(true);
    first.child.kill("SIGTERM");
    await first.exited;
    await expect.poll(() => processesUsing(dataDir), { timeout: 40_000, interval: 250 }).toEqual([]);
    expect(existsSync(path.join(dataDir, "postgres", "postmaster.pid"))).toBe(false);

    const second = npmStart(env);
    await second.waitForOutput(/Schéma à jour/);
    expect(second.output()).not.toMatch(/DATA_DIR_IN_USE|déjà utilisé/);
    second.child.kill("SIGTERM");
    await second.exited;
    await expect.poll(() => processesUsing(dataDir), { timeout: 40_000, interval: 250 }).toEqual([]);
  });
});
