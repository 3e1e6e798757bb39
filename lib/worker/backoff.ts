// Delay before the next delivery attempt after `attempts` failed ones: base, 2×base, 4×base…
// capped, so a long SMTP outage is retried about hourly rather than hammered.
export function retryDelayMs(attempts: number, options: { baseMs: number; maxMs: number }): number {
  const exponent = Math.max(0, attempts - 1);
  return Math.min(options.maxMs, options.baseMs * 2 ** Math.min(exponent, 30));
}
