// A real clamd (Debian's clamav-daemon, installed by .ci/run) with a signature database made
// here: only the EICAR test signature, matched anywhere in any file, since signature downloads
// are impossible on these machines.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { chmod, mkdtemp, rm, writeFile } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { freePort } from "./free-port";

export const CLAMD_BINARY = "/usr/sbin/clamd";
// The EICAR anti-virus test string (harmless by design), assembled so this file is not flagged.
export const EICAR = ["X5O!P%@AP[4\\PZX54(P^)7CC)7}$", "EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*"].join("");

export type Clamd = { url: string; stop(): Promise<void> };

async function ping(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1", () => socket.end("zPING\0"));
    let reply = "";
    socket.on("data", (d) => (reply += d.toString()));
    socket.on("close", () => resolve(reply.startsWith("PONG")));
    socket.on("error", () => resolve(false));
  });
}

export async function startClamd(): Promise<Clamd> {
  if (!existsSync(CLAMD_BINARY)) {
    throw new Error(`${CLAMD_BINARY} introuvable : installez clamav-daemon (bash .ci/run le fait).`);
  }
  const dir = await mkdtemp(path.join(os.tmpdir(), "crm-clamd-"));
  await chmod(dir, 0o755);
  const port = await freePort();
  // Body signature, any file type, anywhere in the file: the EICAR string inside a PDF is found.
  await writeFile(path.join(dir, "eicar.ndb"), `Crm.Test.EICAR:0:*:${Buffer.from(EICAR).toString("hex")}\n`);
  await writeFile(
    path.join(dir, "clamd.conf"),
    [`DatabaseDirectory ${dir}`, `TCPSocket ${port}`, "TCPAddr 127.0.0.1", "Foreground yes", "LogSyslog no", `User ${os.userInfo().username}`].join("\n") + "\n",
  );
  const child: ChildProcess = spawn(CLAMD_BINARY, ["-c", path.join(dir, "clamd.conf")], { stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout?.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr?.on("data", (d: Buffer) => (output += d.toString()));
  const deadline = Date.now() + 60_000;
  while (!(await ping(port))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`clamd n'a pas démarré :\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    url: `tcp://127.0.0.1:${port}`,
    async stop() {
      child.kill("SIGTERM");
      await new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once("exit", resolve)));
      await rm(dir, { recursive: true, force: true });
    },
  };
}
