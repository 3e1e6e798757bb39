// `npm start` refuses a bad configuration before migrating, seeding or starting anything: one
// French line on stderr and exit code 1, one case per failure an operator met (issue 11).
import { spawn } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "@/tests/support/free-port";

const root = path.resolve(import.meta.dirname, "../..");
let tmp: string;
let taken: net.Server;
let takenPort = 0;
const sockets = new Set<net.Socket>();

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), "crm-launch-"));
  // Accepts connections and never answers: a taken port, and a database that hangs.
  taken = net.createServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => taken.listen(0, resolve));
  takenPort = (taken.address() as net.AddressInfo).port;
});

afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await new Promise<void>((resolve) => taken.close(() => resolve()));
  await rm(tmp, { recursive: true, force: true });
});

// The launcher as `npm start` runs it, with only the variables given (plus PATH and HOME).
async function launch(env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string; ms: number }> {
  const port = String(await freePort());
  const started = Date.now();
  const childEnv = {
    PATH: process.env.PATH ?? "",
    HOME: process.env.HOME ?? tmp,
    DATA_DIR: path.join(tmp, "data"),
    PORT: port,
    EMBEDDED_PG_PORT: String(await freePort()),
    ...env,
  } as unknown as NodeJS.ProcessEnv;
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    cwd: root,
    env: childEnv,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  const timer = setTimeout(() => child.kill("SIGKILL"), 30_000);
  return new Promise((resolve) =>
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, ms: Date.now() - started });
    }),
  );
}

function expectOneFrenchLine(result: { code: number | null; stderr: string; stdout: string }, pattern: RegExp) {
  expect(result.code).toBe(1);
  const lines = result.stderr.trim().split("\n");
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^\[crm\] /);
  expect(lines[0]).toMatch(pattern);
  expect(result.stderr + result.stdout).not.toMatch(/\n\s+at /);
  // Nothing was started before refusing.
  expect(result.stdout).not.toMatch(/Migrations|PostgreSQL embarqué|démonstration/);
}

describe("npm start refuses a bad configuration", { timeout: 60_000 }, () => {
  it("a DATABASE_URL that is not postgres://", async () => {
    expectOneFrenchLine(await launch({ DATABASE_URL: "mysql://crm:crm@127.0.0.1:3306/crm" }), /DATABASE_URL doit être une URL postgres:\/\//);
  });

  it("an SMTP_URL that is not a URL", async () => {
    expectOneFrenchLine(await launch({ SMTP_URL: "not a url" }), /SMTP_URL doit être une URL smtp:\/\/ ou smtps:\/\//);
  });

  it("an http:// SMTP_URL", async () => {
    expectOneFrenchLine(await launch({ SMTP_URL: "http://relais.exemple.test" }), /SMTP_URL doit être une URL smtp:\/\//);
  });

  it("a NEXTAUTH_SECRET under 32 characters", async () => {
    expectOneFrenchLine(await launch({ NEXTAUTH_SECRET: "abcde" }), /NEXTAUTH_SECRET doit faire au moins 32 caractères/);
  });

  it("a WEB_CONCURRENCY that is not a number of processes", async () => {
    expectOneFrenchLine(await launch({ WEB_CONCURRENCY: "deux" }), /WEB_CONCURRENCY : Entrée invalide : nombre attendu/);
  });

  it("a taken PORT, before migrating or seeding", async () => {
    expectOneFrenchLine(await launch({ PORT: String(takenPort) }), new RegExp(`Le port ${takenPort} \\(PORT\\) est déjà utilisé`));
  });

  it("a taken EMBEDDED_PG_PORT", async () => {
    expectOneFrenchLine(
      await launch({ EMBEDDED_PG_PORT: String(takenPort) }),
      new RegExp(`Le port ${takenPort} \\(EMBEDDED_PG_PORT\\) est déjà utilisé`),
    );
  });

  it("an unwritable DATA_DIR", async () => {
    const file = path.join(tmp, "a-file");
    await writeFile(file, "");
    expectOneFrenchLine(await launch({ DATA_DIR: path.join(file, "data") }), /DATA_DIR n'est pas accessible en écriture/);
  });

  it("a database that accepts connections but never answers: « Base de données injoignable » within the timeout", async () => {
    const result = await launch({
      DATABASE_URL: `postgresql://crm:secret@127.0.0.1:${takenPort}/crm`,
      DATABASE_CONNECT_TIMEOUT_MS: "1000",
    });
    expectOneFrenchLine(result, /Base de données injoignable : pas de réponse en 1 s/);
    expect(result.stderr).not.toContain("secret");
    expect(result.ms).toBeLessThan(15_000);
  });
});
