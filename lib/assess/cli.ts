// `npm run -s assess -- FILE` (lib/findings/README.md § `npm run assess`): findings JSON on stdout, one line per skipped row or bad
// setting on stderr. Exit 0 when the file was read (even with skipped rows), 2 when it could not be.
import { readFileSync } from 'node:fs';
import { assessShop } from '../findings/assess';
import { findingJson } from '../findings/serialize';
import { escapeText, oneLine } from '../text/quote';
import { parseAssessInput } from './assess-input';

/** How much of the JSON parser's message is shown: it quotes the input around the error. */
const PARSE_ERROR_LENGTH = 200;

const USAGE = 'usage: npm run -s assess -- FILE   (FILE: {now, policy?, orders, afterSales, traces} JSON; "-" reads stdin)';

function fail(message: string): never {
  process.stderr.write(`assess: ${message}\n`);
  process.exit(2);
}

const file = process.argv[2];
if (file === undefined || file === '--help' || file === '-h') fail(USAGE);
/** The path as typed, on one line whatever characters it has. */
const shownFile = oneLine(file);

let text: string;
try {
  text = readFileSync(file === '-' ? 0 : file, 'utf8');
} catch (error) {
  fail(`cannot read ${shownFile}: ${oneLine((error as Error).message)}`);
}

let json: unknown;
try {
  // Files saved by Windows editors start with a byte-order mark that JSON.parse refuses.
  json = JSON.parse(text.replace(/^\uFEFF/, ''));
} catch (error) {
  // The parser's message quotes the input around the error, newlines and all: escaped like a value.
  fail(`${shownFile} is not JSON: ${escapeText((error as Error).message, PARSE_ERROR_LENGTH)}`);
}

// The one place that reads the clock: a file without `now` means "as of right now".
const parsed = parseAssessInput(json, Date.now());
if (!parsed.ok) fail(`${shownFile}: ${parsed.error}`);
const { now, policy, contexts, diagnostics } = parsed.input;
for (const line of diagnostics) process.stderr.write(`assess: ${line}\n`);
process.stdout.write(`${JSON.stringify({ findings: assessShop(contexts, now, policy).map(findingJson) }, null, 2)}\n`);
