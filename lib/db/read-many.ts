// Reading many rows of one shop by key. One request per key is right for a page of 50 orders but slow
// for a capture of thousands (and IndexedDB cursors that jump between keys, Dexie's anyOf, are slower
// still). When the keys are many and the rows between the smallest and largest key are few, one range
// read filtered in memory replaces them all; the first capture of a shop, with nothing stored, costs a
// single count.
import type { Table } from 'dexie';

/** Below this many keys, one request per key is cheap enough. */
const FEW_KEYS = 64;
/** A range read is worth it while it returns at most this many rows per key asked for. */
const RANGE_ROWS_PER_KEY = 2;

function bounds(values: readonly string[]): [string, string] {
  let min = values[0]!;
  let max = values[0]!;
  for (const value of values) {
    if (value < min) min = value;
    if (value > max) max = value;
  }
  return [min, max];
}

/**
 * Rows whose compound key or index `[shopId+<field>]` has one of `values`. `index` null means the primary
 * key (`[shopId+<field>]` tables); `field` names the property to filter a range read by.
 */
export async function readManyOfShop<T, K>(
  table: Table<T, K>,
  index: string | null,
  shopId: string,
  field: keyof T & string,
  values: Iterable<string>,
): Promise<T[]> {
  const wanted = [...new Set(values)];
  if (wanted.length === 0) return [];
  const where = () => table.where(index ?? ':id');
  if (wanted.length > FEW_KEYS) {
    const [min, max] = bounds(wanted);
    const range = () => where().between([shopId, min], [shopId, max], true, true);
    if ((await range().count()) <= wanted.length * RANGE_ROWS_PER_KEY) {
      const set = new Set(wanted);
      return range()
        .filter((row) => set.has(row[field] as string))
        .toArray();
    }
  }
  if (index === null) {
    const rows = await table.bulkGet(wanted.map((value) => [shopId, value] as unknown as K));
    return rows.filter((row): row is NonNullable<typeof row> => row !== undefined);
  }
  const lists = await Promise.all(wanted.map((value) => where().equals([shopId, value]).toArray()));
  return lists.flat();
}
