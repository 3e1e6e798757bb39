// Checks the launcher makes before migrating, seeding or starting anything, each failing with
// one French line an operator can act on. Not server-only: used by scripts/start.ts.
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import pg from "pg";

export class StartupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "StartupError";
  }
}

export function assertWritableDir(dir: string, name = "DATA_DIR"): void {
  const probe = path.join(dir, `.write-test-${process.pid}`);
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(probe, "");
    rmSync(probe, { force: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "erreur";
    throw new StartupError(`${name} n'est pas accessible en écriture : ${dir} (${code})`);
  }
}

// Probed on every interface, as the servers will listen: a port taken on 127.0.0.1 only counts.
export function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once("error", () => resolve(false));
    probe.listen({ port, exclusive: true }, () => probe.close(() => resolve(true)));
  });
}

export async function assertPortFree(port: number, name: string): Promise<void> {
  if (!(await isPortFree(port))) {
    throw new StartupError(`Le port ${port} (${name}) est déjà utilisé : arrêtez l'autre programme ou choisissez un autre ${name}.`);
  }
}

// The URL without its password, for messages.
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "URL illisible";
  }
}

// One round trip within `timeoutMs`, or « Base de données injoignable : … ».
export async function assertDatabaseReachable(url: string, timeoutMs: number): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs, query_timeout: timeoutMs });
  client.on("error", () => undefined);
  try {
    await client.connect();
    await client.query("SELECT 1");
  } catch (error) {
    const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
    const hint = /timeout/i.test(reason ?? "") ? `pas de réponse en ${Math.round(timeoutMs / 100) / 10} s` : reason;
    throw new StartupError(`Base de données injoignable : ${hint} (${redactUrl(url)})`);
  } finally {
    await client.end().catch(() => undefined);
  }
}
