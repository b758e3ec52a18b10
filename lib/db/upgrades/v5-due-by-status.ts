// Version 4 → 5. Frozen with the version: version 5 only adds the waybills' [status+nextCheckAt] index, which
// IndexedDB builds from the rows as they are; no row is rewritten.
export async function dueByStatus(): Promise<void> {}
