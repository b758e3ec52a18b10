// The one harness of the fuzz suite (tests/unit/fuzz/*.fuzz.test.ts). Every untrusted entry point is fuzzed
// through `fuzz`, which separates the two failures that matter: a crash (the code under test threw) and a
// silent mis-read (it returned, but the oracle found a value changed or dropped without a word).
// `npm test` runs each property a bounded number of times; `npm run fuzz` multiplies them by FUZZ_SCALE and
// writes one tally line per property to FUZZ_REPORT, which tests/tools/fuzz-report.ts sums up.
import { appendFileSync } from 'node:fs';
import fc from 'fast-check';

const SCALE = Math.max(1, Number(process.env.FUZZ_SCALE ?? 1) || 1);
const REPORT = process.env.FUZZ_REPORT;

export interface FuzzTally {
  entry: string;
  property: string;
  inputs: number;
  crashes: number;
  misreads: number;
  /** The failing input (after shrinking) and what went wrong, when one failed. */
  failure: string | null;
}

export interface FuzzSpec<I, O> {
  /** The untrusted entry point, as the report names it: `assess CLI`, `Kuaidi100 body`, `backup import`… */
  entry: string;
  /** What the oracle checks, in a few words. */
  property: string;
  input: fc.Arbitrary<I>;
  /** Calls the code under test. A throw here is a crash. */
  run: (input: I) => O;
  /** Null when the output is right for the input; otherwise what was mis-read (a silent mis-read). */
  oracle?: (input: I, output: O) => string | null;
  /** Inputs in `npm test`; `npm run fuzz` multiplies them. */
  runs: number;
  seed?: number;
  /** Inputs tried first on every run: counterexamples found before, kept as regressions. */
  examples?: I[];
}

class Crash extends Error {}
class Misread extends Error {}

/** Runs one fuzz property; throws (failing the test) on the first crash or mis-read, shrunk by fast-check. */
export function fuzz<I, O>(spec: FuzzSpec<I, O>): FuzzTally {
  let first: 'crash' | 'misread' | null = null;
  const details = fc.check(
    fc.property(spec.input, (input) => {
      let output: O;
      try {
        output = spec.run(input);
      } catch (error) {
        first ??= 'crash';
        throw new Crash(error instanceof Error ? `${error.name}: ${error.message}` : String(error));
      }
      const problem = spec.oracle?.(input, output) ?? null;
      if (problem !== null) {
        first ??= 'misread';
        throw new Misread(problem);
      }
    }),
    runParameters(spec),
  );
  return settle(spec, details, first);
}

/**
 * `fuzz` for an entry point that answers asynchronously (one that stores, say, in fake-indexeddb): the same
 * crash / mis-read tally, with `run` and `oracle` awaited.
 */
export async function fuzzAsync<I, O>(
  spec: Omit<FuzzSpec<I, O>, 'run' | 'oracle'> & {
    run: (input: I) => Promise<O>;
    oracle?: (input: I, output: O) => Promise<string | null> | string | null;
  },
): Promise<FuzzTally> {
  let first: 'crash' | 'misread' | null = null;
  const details = await fc.check(
    fc.asyncProperty(spec.input, async (input) => {
      let output: O;
      try {
        output = await spec.run(input);
      } catch (error) {
        first ??= 'crash';
        throw new Crash(error instanceof Error ? `${error.name}: ${error.message}` : String(error));
      }
      const problem = (await spec.oracle?.(input, output)) ?? null;
      if (problem !== null) {
        first ??= 'misread';
        throw new Misread(problem);
      }
    }),
    runParameters(spec),
  );
  return settle(spec, details, first);
}

function runParameters<I>(spec: { runs: number; seed?: number; examples?: I[] }): fc.Parameters<[I]> {
  return {
    numRuns: spec.runs * SCALE,
    ...(spec.seed === undefined ? {} : { seed: spec.seed }),
    ...(spec.examples === undefined ? {} : { examples: spec.examples.map((example): [I] => [example]) }),
  };
}

/** What a failed run threw: an error as `Name: message`, text as it is, any other value as fast-check prints it. */
function thrownText(thrown: unknown): string {
  if (thrown === null || thrown === undefined) return 'failed';
  if (thrown instanceof Error) return String(thrown);
  return typeof thrown === 'string' ? thrown : fc.stringify(thrown);
}

/** The tally of one property's run, written to FUZZ_REPORT; throws (failing the test) when an input failed. */
function settle<I>(spec: { entry: string; property: string }, details: fc.RunDetails<[I]>, first: 'crash' | 'misread' | null): FuzzTally {
  const failure = details.failed
    ? `${thrownText(details.errorInstance)} for ${fc.stringify(details.counterexample?.[0])} (seed ${details.seed}, path ${details.counterexamplePath ?? ''})`
    : null;
  const tally: FuzzTally = {
    entry: spec.entry,
    property: spec.property,
    inputs: details.numRuns,
    crashes: first === 'crash' ? 1 : 0,
    misreads: first === 'misread' ? 1 : 0,
    failure,
  };
  if (REPORT !== undefined && REPORT !== '') appendFileSync(REPORT, `${JSON.stringify(tally)}\n`);
  if (failure !== null) throw new Error(`${spec.entry}: ${spec.property}: ${failure}`);
  return tally;
}
