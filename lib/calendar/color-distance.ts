// How different two calendar colours look (CIEDE2000 ΔE on CIELAB, D65), so no two active
// appointment types share a near-identical colour, and a distinct colour to suggest instead.
// Client-safe: the admin form checks as the colour is picked, the server on save.
import { safeColor } from "@/lib/calendar/colors";

// Below this, two filled chips read as « the same green » at a glance.
export const MIN_APPOINTMENT_DELTA_E = 20;

type Lab = { l: number; a: number; b: number };

function linear(value: number): number {
  const c = value / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

export function hexToLab(color: string): Lab {
  const hex = safeColor(color);
  const [r, g, b] = [1, 3, 5].map((i) => linear(parseInt(hex.slice(i, i + 2), 16))) as [number, number, number];
  const x = (0.4124564 * r + 0.3575761 * g + 0.1804375 * b) / 0.95047;
  const y = 0.2126729 * r + 0.7151522 * g + 0.072175 * b;
  const z = (0.0193339 * r + 0.119192 * g + 0.9503041 * b) / 1.08883;
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : (24389 / 27 * t + 16) / 116);
  const [fx, fy, fz] = [f(x), f(y), f(z)];
  return { l: 116 * fy - 16, a: 500 * (fx - fy), b: 200 * (fy - fz) };
}

const rad = (deg: number) => (deg * Math.PI) / 180;
const deg = (r: number) => (r * 180) / Math.PI;

// CIEDE2000 (Sharma, Wu & Dalal, 2005), kL = kC = kH = 1.
export function deltaE2000(first: string, second: string): number {
  const p = hexToLab(first);
  const q = hexToLab(second);
  const c1 = Math.hypot(p.a, p.b);
  const c2 = Math.hypot(q.a, q.b);
  const cBar = (c1 + c2) / 2;
  const g = 0.5 * (1 - Math.sqrt(cBar ** 7 / (cBar ** 7 + 25 ** 7)));
  const a1 = (1 + g) * p.a;
  const a2 = (1 + g) * q.a;
  const c1p = Math.hypot(a1, p.b);
  const c2p = Math.hypot(a2, q.b);
  const h = (b: number, a: number) => (b === 0 && a === 0 ? 0 : (deg(Math.atan2(b, a)) + 360) % 360);
  const h1 = h(p.b, a1);
  const h2 = h(q.b, a2);
  const dL = q.l - p.l;
  const dC = c2p - c1p;
  let dh = 0;
  if (c1p * c2p !== 0) dh = Math.abs(h2 - h1) <= 180 ? h2 - h1 : h2 - h1 > 180 ? h2 - h1 - 360 : h2 - h1 + 360;
  const dH = 2 * Math.sqrt(c1p * c2p) * Math.sin(rad(dh / 2));
  const lBar = (p.l + q.l) / 2;
  const cBarP = (c1p + c2p) / 2;
  let hBar = h1 + h2;
  if (c1p * c2p !== 0) hBar = Math.abs(h1 - h2) <= 180 ? (h1 + h2) / 2 : h1 + h2 < 360 ? (h1 + h2 + 360) / 2 : (h1 + h2 - 360) / 2;
  const t = 1 - 0.17 * Math.cos(rad(hBar - 30)) + 0.24 * Math.cos(rad(2 * hBar)) + 0.32 * Math.cos(rad(3 * hBar + 6)) - 0.2 * Math.cos(rad(4 * hBar - 63));
  const sL = 1 + (0.015 * (lBar - 50) ** 2) / Math.sqrt(20 + (lBar - 50) ** 2);
  const sC = 1 + 0.045 * cBarP;
  const sH = 1 + 0.015 * cBarP * t;
  const rT = -2 * Math.sqrt(cBarP ** 7 / (cBarP ** 7 + 25 ** 7)) * Math.sin(rad(60 * Math.exp(-(((hBar - 275) / 25) ** 2))));
  return Math.sqrt((dL / sL) ** 2 + (dC / sC) ** 2 + (dH / sH) ** 2 + rT * (dC / sC) * (dH / sH));
}

// Strong, readable colours (black or white text reaches 4.5:1 on each) to suggest from.
export const SUGGESTED_COLORS = [
  "#2563EB", "#16A34A", "#DC2626", "#9333EA", "#EA580C", "#0891B2", "#CA8A04", "#DB2777",
  "#4F46E5", "#65A30D", "#0F766E", "#7C2D12", "#1E293B", "#BE185D", "#6D28D9", "#B45309",
] as const;

export type ColorClash = { name: string; color: string; deltaE: number };

// The active appointment type whose colour is closest to `color`, when closer than allowed.
export function closestClash(color: string, others: ReadonlyArray<{ name: string; color: string }>): ColorClash | null {
  let worst: ColorClash | null = null;
  for (const other of others) {
    const deltaE = deltaE2000(color, other.color);
    if (deltaE < MIN_APPOINTMENT_DELTA_E && (!worst || deltaE < worst.deltaE)) worst = { ...other, deltaE };
  }
  return worst;
}

// The suggested colour farthest from every other active appointment type's.
export function suggestDistinctColor(others: ReadonlyArray<{ color: string }>): string {
  let best: string = SUGGESTED_COLORS[0];
  let bestDistance = -1;
  for (const candidate of SUGGESTED_COLORS) {
    const distance = Math.min(Infinity, ...others.map((o) => deltaE2000(candidate, o.color)));
    if (distance > bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

export function colorClashMessage(clash: ColorClash, suggestion: string): string {
  return `Couleur trop proche de celle de « ${clash.name} » (écart ${Math.round(clash.deltaE)}, il faut au moins ${MIN_APPOINTMENT_DELTA_E}) : les deux se confondraient dans le calendrier. Essayez par exemple ${suggestion}.`;
}
