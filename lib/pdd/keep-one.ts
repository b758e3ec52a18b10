// One row per id within one list of console rows (a capture's page, an `npm run assess` file): which of two
// rows with the same id is kept, and the words for the one left out. Shared so that the extension and the
// command line keep the same row.
import { plainOrQuoted } from '../text/quote';

export interface IndexedRow<T> {
  facts: T;
  /** The row's place in its list, for the diagnostics. */
  index: number;
}

/**
 * Keeps one row per id. Rows that say the same keep the first; rows that differ keep the one whose facts
 * sort first as JSON: nothing in the list says which is newer, and a choice by place would make the
 * result depend on the order of the rows. Returns the reason the other row was left out, naming it by
 * `label` (`orders[3]`, `[3]`), or null when the id was new.
 */
export function keepOne<T>(
  kept: Map<string, IndexedRow<T>>,
  id: string,
  row: IndexedRow<T>,
  field: string,
  label: (index: number) => string,
): { dropped: IndexedRow<T>; reason: string } | null {
  const other = kept.get(id);
  if (other === undefined) {
    kept.set(id, row);
    return null;
  }
  const rowJson = JSON.stringify(row.facts);
  const otherJson = JSON.stringify(other.facts);
  const [winner, loser] = rowJson < otherJson || (rowJson === otherJson && row.index < other.index) ? [row, other] : [other, row];
  kept.set(id, winner);
  const differs = rowJson === otherJson ? '' : ` (it differs from ${label(winner.index)}, which is kept)`;
  return { dropped: loser, reason: `${field} ${plainOrQuoted(id)} repeated, row skipped${differs}` };
}
