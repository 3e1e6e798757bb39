// The CSV export of every prospect, timed to its last byte (the issue's « 100k rows in ≤ 10 s,
// in bounded memory »), with the web processes' resident memory sampled while it streams.
import { readFileSync } from "node:fs";

export type ExportResult = { status: number; rows: number; megabytes: number; seconds: number; rssBeforeMb: number; rssPeakMb: number };

// The server's process and, under the cluster primary, its copies (Linux's /proc).
function processTree(pid: number): number[] {
  try {
    const children = readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number);
    return [pid, ...children.flatMap(processTree)];
  } catch {
    return [pid];
  }
}

// The largest resident set among the processes, in MB: one copy streams the export.
function maxRssMb(pids: number[]): number {
  let max = 0;
  for (const pid of pids) {
    try {
      const kb = Number(/^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0);
      max = Math.max(max, kb / 1024);
    } catch {
      // Gone meanwhile.
    }
  }
  return max;
}

export async function timeExport(url: string, cookie: string, serverPid: number): Promise<ExportResult> {
  const pids = processTree(serverPid);
  const rssBeforeMb = maxRssMb(pids);
  let rssPeakMb = rssBeforeMb;
  const sampler = setInterval(() => (rssPeakMb = Math.max(rssPeakMb, maxRssMb(pids))), 100);
  const started = performance.now();
  let newlines = 0;
  let bytes = 0;
  try {
    const res = await fetch(url, { headers: { cookie } });
    const reader = res.body?.getReader();
    for (;;) {
      const chunk = await reader?.read();
      if (!chunk || chunk.done) break;
      bytes += chunk.value.byteLength;
      for (const byte of chunk.value) if (byte === 10) newlines += 1;
    }
    return {
      status: res.status,
      // Less the header line (no generated field holds a line break).
      rows: Math.max(0, newlines - 1),
      megabytes: bytes / 1e6,
      seconds: (performance.now() - started) / 1000,
      rssBeforeMb,
      rssPeakMb,
    };
  } finally {
    clearInterval(sampler);
  }
}
