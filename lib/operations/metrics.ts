import "server-only";
import { createHash, timingSafeEqual } from "node:crypto";
import type { DbClient } from "@/lib/prisma-client";

// The bearer token of /api/metrics, compared in constant time (hashes of equal length).
export function isMetricsTokenValid(header: string | null, expected: string): boolean {
  const presented = /^Bearer\s+(.+)$/i.exec(header ?? "")?.[1]?.trim();
  if (!presented) return false;
  const a = createHash("sha256").update(presented).digest();
  const b = createHash("sha256").update(expected).digest();
  return timingSafeEqual(a, b);
}

function gauge(name: string, help: string, samples: { labels?: Record<string, string>; value: number }[]): string {
  const lines = [`# HELP ${name} ${help}`, `# TYPE ${name} gauge`];
  for (const s of samples) {
    const labels = s.labels
      ? `{${Object.entries(s.labels)
          .map(([k, v]) => `${k}="${v.replace(/["\\\n]/g, "_")}"`)
          .join(",")}}`
      : "";
    lines.push(`${name}${labels} ${Number.isFinite(s.value) ? s.value : 0}`);
  }
  return lines.join("\n");
}

// What the database says about delivery and reminders, in Prometheus text format. Counts and
// ages only. Computed from the tables, so it is the same whichever instance is scraped.
export async function databaseMetrics(db: DbClient, now = new Date()): Promise<string> {
  const [byStatus, retries, oldest, reminder, heartbeat] = await Promise.all([
    db.outboxEmail.groupBy({ by: ["status"], _count: { _all: true } }),
    db.$queryRaw<{ retries: bigint | null }[]>`SELECT SUM("attempts" - 1) AS retries FROM "OutboxEmail" WHERE "attempts" > 1`,
    db.outboxEmail.aggregate({ where: { status: { in: ["PENDING", "SENDING"] } }, _min: { createdAt: true } }),
    db.action.aggregate({ where: { reminderSentAt: null, reminderAt: { lte: now } }, _min: { reminderAt: true } }),
    db.workerHeartbeat.aggregate({ _max: { lastSeenAt: true } }),
  ]);
  const count = (status: string) => byStatus.find((g) => g.status === status)?._count._all ?? 0;
  const age = (at: Date | null | undefined) => (at ? Math.max(0, (now.getTime() - at.getTime()) / 1000) : 0);
  return [
    gauge("crm_outbox_backlog", "E-mails en attente ou en cours d'envoi", [{ value: count("PENDING") + count("SENDING") }]),
    gauge("crm_outbox_oldest_pending_seconds", "Âge du plus ancien e-mail non envoyé", [{ value: age(oldest._min.createdAt) }]),
    gauge(
      "crm_outbox_emails",
      "E-mails par statut (envoyés, en échec, suspendus…)",
      ["PENDING", "SENDING", "SENT", "FAILED", "HELD"].map((status) => ({ labels: { status }, value: count(status) })),
    ),
    gauge("crm_outbox_retries", "Tentatives d'envoi répétées (au-delà de la première)", [{ value: Number(retries[0]?.retries ?? 0) }]),
    gauge("crm_reminder_lag_seconds", "Retard du plus ancien rappel échu non déclenché", [{ value: age(reminder._min.reminderAt) }]),
    gauge("crm_worker_heartbeat_age_seconds", "Âge du dernier signe de vie d'un worker", [
      { value: heartbeat._max.lastSeenAt ? age(heartbeat._max.lastSeenAt) : -1 },
    ]),
  ].join("\n");
}
