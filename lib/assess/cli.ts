// `npm run -s assess -- FILE` (vocabulary §3): findings JSON on stdout, one line per skipped row or bad
// setting on stderr. Exit 0 when the file was read (even with skipped rows), 2 when it could not be.
import { readFileSync } from 'node:fs';
import { assessShop } from '../findings/assess';
import { findingJson } from '../findings/serialize';
import { parseAssessInput } from './assess-input';

const USAGE = 'usage: npm run -s assess -- FILE   (FILE: {now, policy?, orders, afterSales, traces} JSON; "-" reads stdin)';

function fail(message: string): never {
  process.stderr.write(`assess: ${message}\n`);
  process.exit(2);
}

const file = process.argv[2];
if (file === undefined || file === '--help' || file === '-h') fail(USAGE);

let text: string;
try {
  text = readFileSync(file === '-' ? 0 : file, 'utf8');
} catch (error) {
  fail(`cannot read ${file}: ${(error as Error).message}`);
}

let json: unknown;
try {
  // Files saved by Windows editors start with a byte-order mark that JSON.parse refuses.
  json = JSON.parse(text.replace(/^\uFEFF/, ''));
} catch (error) {
  fail(`${file} is not JSON: ${(error as Error).message}`);
}

// The one place that reads the clock: a file without `now` means "as of right now".
const parsed = parseAssessInput(json, Date.now());
if (!parsed.ok) fail(`${file}: ${parsed.error}`);
const { now, policy, contexts, diagnostics } = parsed.input;
for (const line of diagnostics) process.stderr.write(`assess: ${line}\n`);
process.stdout.write(`${JSON.stringify({ findings: assessShop(contexts, now, policy).map(findingJson) }, null, 2)}\n`);
