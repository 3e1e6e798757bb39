// Structured logs of the processes outside Next.js (worker, launcher children): one JSON line per
// event in production, readable text in development (pino-pretty). Never pass tokens or
// personal data in fields. Not server-only: the worker runs outside Next.js.
import pino, { type Logger } from "pino";

export function createLogger(service: string, options: { pretty?: boolean } = {}): Logger {
  const pretty = options.pretty ?? process.env.NODE_ENV === "development";
  return pino({
    base: { service },
    timestamp: pino.stdTimeFunctions.isoTime,
    ...(pretty ? { transport: { target: "pino-pretty", options: { translateTime: "SYS:HH:MM:ss" } } } : {}),
  });
}
