// A small seeded generator (sfc32): the synthetic shop and the demo provider (演示模式) draw the same
// timelines for the same seed on every machine. lib/ takes no Math.random(); randomness here is a seed.

export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  /** Real number in [min, max). */
  between(min: number, max: number): number;
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** A string of `count` (1 to 15) decimal digits, leading zeros allowed. */
  digits(count: number): string;
  /** The number behind `digits`: an integer below 10^count (count 1 to 15). */
  digitsValue(count: number): number;
}

/**
 * Draws items with probability proportional to their weights (binary search over cumulative weights;
 * a 100k-order shop draws a few hundred thousand times).
 */
export function weightedPicker<T>(items: readonly T[], weightOf: (item: T) => number): (random: Random) => T {
  if (items.length === 0) throw new Error('weighted pick from an empty list');
  const bounds: number[] = [];
  let total = 0;
  for (const item of items) bounds.push((total += weightOf(item)));
  return (random) => {
    const roll = random.next() * total;
    let low = 0;
    let high = bounds.length - 1;
    while (low < high) {
      const mid = (low + high) >> 1;
      if ((bounds[mid] as number) > roll) high = mid;
      else low = mid + 1;
    }
    return items[low] as T;
  };
}

export function createRandom(seed: number): Random {
  // Spread the seed over the four words, then discard the first outputs (sfc32's usual warm-up).
  let a = 0x9e3779b9 ^ seed;
  let b = 0x243f6a88 ^ Math.imul(seed, 0x85ebca6b);
  let c = 0xb7e15162 ^ Math.imul(seed, 0xc2b2ae35);
  let d = 1;
  const nextUint = (): number => {
    a |= 0;
    b |= 0;
    c |= 0;
    d |= 0;
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  for (let i = 0; i < 15; i++) nextUint();

  const next = (): number => nextUint() / 4294967296;
  const digitsValue = (count: number): number => {
    if (!(count >= 1 && count <= 15)) throw new RangeError(`digits: count ${count} is not 1 to 15`);
    // Below 2^53, so exact: up to 6 high digits times 10^9, plus 9 low digits.
    const low = nextUint() % 1_000_000_000;
    return count <= 9 ? low % 10 ** count : (nextUint() % 10 ** (count - 9)) * 1_000_000_000 + low;
  };
  const random: Random = {
    next,
    int: (min, max) => {
      if (!(min <= max)) throw new RangeError(`empty range [${min}, ${max}]`);
      return min + Math.floor(next() * (max - min + 1));
    },
    between: (min, max) => min + next() * (max - min),
    chance: (probability) => next() < probability,
    pick: (items) => {
      if (items.length === 0) throw new Error('pick from an empty list');
      return items[Math.floor(next() * items.length)] as (typeof items)[number];
    },
    digits: (count) => String(digitsValue(count)).padStart(count, '0'),
    digitsValue: (count) => digitsValue(count),
  };
  return random;
}

/** A 32-bit seed from a text (FNV-1a): the demo provider's timeline of a waybill follows from its number. */
export function seedOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
