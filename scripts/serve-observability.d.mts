// Types of serve-observability.mjs (plain JavaScript: the custom server runs without tsx).
import type { Logger } from "pino";
import type { Histogram, Registry } from "prom-client";

export function routePattern(url: string | undefined): string;
export function createLogger(options: { dev: boolean }): Logger;
export function createHttpMetrics(): { registry: Registry; duration: Histogram<"method" | "route" | "status"> };
export function sessionUserId(cookieHeader: string | undefined, secret: string | undefined): Promise<string | undefined>;
export const UNAVAILABLE_HTML: string;
export function createDatabaseGuard(options: {
  databaseUrl: string | undefined;
  intervalMs?: number;
  timeoutMs?: number;
  log?: (message: string) => void;
}): { isDown(): boolean; probe(): Promise<void>; stop(): void };
export function blockedWhileDown(url: string | undefined): boolean;
