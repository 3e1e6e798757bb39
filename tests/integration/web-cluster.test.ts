// The web server's copies under node:cluster (scripts/serve-cluster.mjs, WEB_CONCURRENCY): they
// share one port, one that dies while serving is replaced, one that cannot start stops the
// server with code 1 (so the launcher stops the application), SIGTERM stops them all, and
// /api/metrics adds up every copy's metrics. Driven through a fixture without Next.js.
import { spawn, type ChildProcess } from "node:child_process";
import http from "node:http";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { freePort } from "@/tests/support/free-port";

const fixture = path.resolve(import.meta.dirname, "../support/cluster-fixture.mjs");
const started: ChildProcess[] = [];

afterEach(() => {
  for (const child of started.splice(0)) if (child.exitCode === null) child.kill("SIGKILL");
});

function startCluster(port: number, processes: number, extra: Record<string, string> = {}) {
  const child = spawn(process.execPath, [fixture], {
    env: { ...process.env, FIXTURE_PORT: String(port), FIXTURE_PROCESSES: String(processes), ...extra },
    stdio: ["ignore", "pipe", "inherit"],
  });
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  started.push(child);
  return { child, exited, output: () => output };
}

// A new connection per request (no keep-alive), so the primary hands each to the next copy.
function get(port: number, urlPath: string): Promise<string> {
  return new Promise((resolve, reject) => {
    http
      .get({ port, path: urlPath, agent: false }, (res) => {
        let body = "";
        res.on("data", (chunk: Buffer) => (body += chunk.toString()));
        res.on("end", () => resolve(body));
      })
      .on("error", reject);
  });
}

async function until<T>(probe: () => Promise<T | undefined>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error("condition non atteinte à temps");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe("the web server's copies (WEB_CONCURRENCY)", () => {
  it("share one port, replace a copy that dies, add up their metrics and stop together on SIGTERM", async () => {
    const port = await freePort();
    const server = startCluster(port, 2);
    let sent = 0;
    const pidsSeen = new Set<string>();
    await until(async () => {
      const [pid, concurrency] = (await get(port, "/")).split(" ");
      sent += 1;
      expect(concurrency).toBe("2");
      pidsSeen.add(pid!);
      return pidsSeen.size === 2 ? true : undefined;
    });

    // Every copy's counter, summed by the primary, whichever copy answered the scrape.
    sent += 1;
    const metrics = await get(port, "/metrics");
    expect(metrics).toMatch(new RegExp(`^fixture_requests_total ${sent}$`, "m"));

    const crashed = await get(port, "/crash");
    const replaced = await until(async () => {
      const [pid] = (await get(port, "/")).split(" ");
      return pid !== crashed && !pidsSeen.has(pid!) ? pid : undefined;
    });
    expect(alive(Number(crashed))).toBe(false);
    expect(server.output()).toContain(`Processus web ${crashed} arrêté (code 1) : relancé`);

    const copies = [...pidsSeen, replaced!].map(Number).filter((pid) => pid !== Number(crashed));
    server.child.kill("SIGTERM");
    expect(await server.exited).toBe(0);
    for (const pid of copies) expect(alive(pid)).toBe(false);
  });

  it("stops with code 1 when a copy cannot start, rather than restart it forever", async () => {
    const port = await freePort();
    const server = startCluster(port, 2, { FIXTURE_FAIL_AT_START: "1" });
    expect(await server.exited).toBe(1);
    expect(server.output()).toContain("Un processus web s'est arrêté au démarrage (code 3)");
  });
});
