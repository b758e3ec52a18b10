// Lookups in sorted lists of times, shared by the month simulations (the shop month, its plan, the
// notification month): each asks "the first visit or capture at or after this instant" many thousand times.

/** Index of the first of `times` (ascending) at or after `at`; `times.length` when none is. */
export function firstAtOrAfter(times: readonly number[], at: number): number {
  let low = 0;
  let high = times.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((times[mid] as number) < at) low = mid + 1;
    else high = mid;
  }
  return low;
}
