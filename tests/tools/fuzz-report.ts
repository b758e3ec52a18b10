// `npm run fuzz` prints this: what the fuzz suite tried, per entry point, from the tallies the properties wrote.
import { existsSync, readFileSync } from 'node:fs';
import type { FuzzTally } from '../unit/fuzz/fuzz';

const file = process.argv[2];
if (file === undefined || !existsSync(file)) {
  process.stderr.write(`fuzz-report: no tallies at ${String(file)} (did any fuzz test run?)\n`);
  process.exit(1);
}
const tallies = readFileSync(file, 'utf8')
  .split('\n')
  .filter((line) => line !== '')
  .map((line) => JSON.parse(line) as FuzzTally);
const byEntry = new Map<string, { properties: number; inputs: number; crashes: number; misreads: number }>();
for (const tally of tallies) {
  const sum = byEntry.get(tally.entry) ?? { properties: 0, inputs: 0, crashes: 0, misreads: 0 };
  sum.properties += 1;
  sum.inputs += tally.inputs;
  sum.crashes += tally.crashes;
  sum.misreads += tally.misreads;
  byEntry.set(tally.entry, sum);
}
const rows = [...byEntry].sort(([a], [b]) => (a < b ? -1 : 1));
const width = Math.max(...rows.map(([entry]) => entry.length), 'entry point'.length);
process.stdout.write(`${'entry point'.padEnd(width)}  properties     inputs  crashes  silent mis-reads\n`);
const total = { properties: 0, inputs: 0, crashes: 0, misreads: 0 };
for (const [entry, sum] of rows) {
  process.stdout.write(
    `${entry.padEnd(width)}  ${String(sum.properties).padStart(10)}  ${String(sum.inputs).padStart(9)}  ${String(sum.crashes).padStart(7)}  ${String(sum.misreads).padStart(16)}\n`,
  );
  total.properties += sum.properties;
  total.inputs += sum.inputs;
  total.crashes += sum.crashes;
  total.misreads += sum.misreads;
}
process.stdout.write(
  `${'total'.padEnd(width)}  ${String(total.properties).padStart(10)}  ${String(total.inputs).padStart(9)}  ${String(total.crashes).padStart(7)}  ${String(total.misreads).padStart(16)}\n`,
);
for (const tally of tallies) if (tally.failure !== null) process.stdout.write(`FAILED ${tally.entry}: ${tally.property}: ${tally.failure}\n`);
process.exit(total.crashes + total.misreads === 0 ? 0 : 1);
