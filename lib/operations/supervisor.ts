// Keeps a process of the launcher running (the worker, the embedded PostgreSQL): restarts it
// when it dies, waiting longer after each quick failure, and gives up after too many in a row
// so the launcher can exit non-zero and let systemd, Docker or Kubernetes take over.
// Not server-only: the launcher (scripts/start.ts) runs outside Next.js.
import type { ChildProcess } from "node:child_process";

// A started process: resolves `exited` with its exit code (null when killed by a signal).
export type Running = { exited: Promise<number | null>; stop(): Promise<void> };

export type SuperviseOptions = {
  // In log lines: « Le worker », « PostgreSQL embarqué ».
  name: string;
  start: () => Promise<Running>;
  log: (message: string) => void;
  // Called once when the process cannot be kept up.
  onGiveUp: (message: string) => void;
  initialDelayMs?: number;
  maxDelayMs?: number;
  // A run this long resets the failure count.
  healthyAfterMs?: number;
  maxFailures?: number;
};

export type Supervisor = {
  // The first start: rejects when it fails (a configuration problem, not a crash).
  started: Promise<void>;
  restarts(): number;
  stop(): Promise<void>;
};

export const SUPERVISOR_DEFAULTS = { initialDelayMs: 1000, maxDelayMs: 30_000, healthyAfterMs: 60_000, maxFailures: 5 } as const;

export function restartDelayMs(failures: number, initialMs: number, maxMs: number): number {
  return Math.min(maxMs, initialMs * 2 ** Math.max(0, Math.min(failures - 1, 20)));
}

export function supervise(options: SuperviseOptions): Supervisor {
  const settings = { ...SUPERVISOR_DEFAULTS, ...options };
  let current: Running | undefined;
  let stopping = false;
  let restarts = 0;
  let wake: (() => void) | undefined;

  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  const started = (async () => {
    current = await settings.start();
  })();

  void started.then(
    async () => {
      let failures = 0;
      let since = Date.now();
      for (;;) {
        const code = await current!.exited;
        current = undefined;
        if (stopping) return;
        failures = Date.now() - since >= settings.healthyAfterMs ? 1 : failures + 1;
        if (failures > settings.maxFailures) {
          settings.onGiveUp(`${settings.name} s'est arrêté ${failures} fois de suite : abandon, arrêt de l'application.`);
          return;
        }
        let delay = restartDelayMs(failures, settings.initialDelayMs, settings.maxDelayMs);
        settings.log(
          `${settings.name} s'est arrêté (${code === null ? "tué par un signal" : `code ${code}`}) : redémarrage dans ${Math.round(delay / 100) / 10} s`,
        );
        for (;;) {
          await pause(delay);
          if (stopping) return;
          try {
            since = Date.now();
            current = await settings.start();
            restarts += 1;
            settings.log(`${settings.name} redémarré`);
            break;
          } catch (error) {
            failures += 1;
            const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
            if (failures > settings.maxFailures) {
              settings.onGiveUp(`${settings.name} ne redémarre pas (${reason}) : abandon, arrêt de l'application.`);
              return;
            }
            delay = restartDelayMs(failures, settings.initialDelayMs, settings.maxDelayMs);
            settings.log(`${settings.name} : redémarrage impossible (${reason}), nouvel essai dans ${Math.round(delay / 1000)} s`);
          }
        }
      }
    },
    () => undefined,
  );

  return {
    started,
    restarts: () => restarts,
    async stop() {
      stopping = true;
      wake?.();
      await started.catch(() => undefined);
      await current?.stop();
    },
  };
}

// A child process as a Running: stop() sends SIGTERM, then SIGKILL after `killAfterMs`.
export function runningChild(child: ChildProcess, killAfterMs = 30_000): Running {
  const exited = new Promise<number | null>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve(child.exitCode);
    else child.once("exit", (code) => resolve(code));
  });
  return {
    exited,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), killAfterMs);
      await exited;
      clearTimeout(timer);
    },
  };
}

// A process we did not spawn ourselves (the embedded PostgreSQL's postmaster), watched by PID.
export function runningPid(pid: number, stop: () => Promise<void>, pollMs = 1000): Running {
  let timer: NodeJS.Timeout | undefined;
  const exited = new Promise<number | null>((resolve) => {
    timer = setInterval(() => {
      if (!isAlive(pid)) {
        clearInterval(timer);
        resolve(null);
      }
    }, pollMs);
  });
  return {
    exited,
    async stop() {
      clearInterval(timer);
      await stop();
    },
  };
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
