import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Every platform clock is computed in Asia/Shanghai whatever the machine's zone, so the whole unit
// suite runs under three zones: the platform's own, UTC, and one with daylight saving.
const UNIT_TIME_ZONES = [
  ['unit', 'Asia/Shanghai'],
  ['unit-utc', 'UTC'],
  ['unit-la', 'America/Los_Angeles'],
] as const;

export default defineConfig({
  test: {
    reporters: ['default', './tests/tools/summary-reporter.ts'],
    projects: [
      ...UNIT_TIME_ZONES.map(([name, timeZone]) => ({
        plugins: [WxtVitest()],
        test: {
          name,
          include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx'],
          setupFiles: ['fake-indexeddb/auto'],
          environment: 'node',
          env: { TZ: timeZone },
        },
      })),
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.e2e.test.ts'],
          environment: 'node',
          testTimeout: 90_000,
          hookTimeout: 120_000,
          fileParallelism: false,
          expect: { poll: { timeout: 15_000 } },
        },
      },
    ],
  },
});
