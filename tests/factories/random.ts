// Deterministic pseudo-random data, so the demo seed is the same on every machine
// and a failing test can be replayed.
export type Rng = {
  next(): number;
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  chance(probability: number): boolean;
};

export function createRng(seed = 20261122): Rng {
  let state = seed >>> 0;
  const next = () => {
    // mulberry32
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => {
      if (items.length === 0) throw new Error("pick() on an empty list");
      return items[Math.floor(next() * items.length)] as (typeof items)[number];
    },
    chance: (p) => next() < p,
  };
}

let sequence = 0;
// Unique within a process: tests call factories many times without naming things.
export function uniqueNumber(): number {
  sequence += 1;
  return sequence;
}

// A SIREN passing the Luhn check, derived from any number.
export function sirenFrom(n: number): string {
  const base = String(n % 100_000_000).padStart(8, "0");
  for (let check = 0; check <= 9; check++) {
    const candidate = base + String(check);
    if (luhnValid(candidate)) return candidate;
  }
  throw new Error("unreachable: one Luhn digit always exists");
}

export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

// French intra-community VAT number: FR + key + SIREN.
export function vatFromSiren(siren: string): string {
  const key = (12 + 3 * (Number(siren) % 97)) % 97;
  return `FR${String(key).padStart(2, "0")}${siren}`;
}
