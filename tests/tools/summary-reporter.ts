import type { Reporter, TestModule } from 'vitest/node';

/**
 * Prints the closing line CI counts: `N passed, N failed[, N skipped]`.
 * A file that fails to import counts as one failure, so a broken suite can never read as green.
 */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<unknown>): void {
    let passed = 0;
    let failed = unhandledErrors.length;
    let skipped = 0;
    for (const testModule of testModules) {
      let testsInModule = 0;
      for (const testCase of testModule.children.allTests()) {
        testsInModule += 1;
        const state = testCase.result().state;
        if (state === 'passed') passed += 1;
        else if (state === 'failed') failed += 1;
        else skipped += 1;
      }
      if (testsInModule === 0 || testModule.state() === 'failed') {
        if (testModule.errors().length > 0) failed += 1;
      }
    }
    const tail = skipped > 0 ? `, ${skipped} skipped` : '';
    process.stdout.write(`\n${passed} passed, ${failed} failed${tail}\n`);
  }
}
