// The Node check every entry command runs first (tests/tools/check-node.cjs, from ensure-deps.sh).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../../..');
const { satisfies } = createRequire(import.meta.url)('../../tools/check-node.cjs') as { satisfies: (version: string, range: string) => boolean };
const RANGE = (JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8')) as { engines: { node: string } }).engines.node;

/** Runs `command` with every Node process in it reporting `version` (a preload stubs process.versions). */
function withNodeVersion(version: string, command: string, args: string[]) {
  return spawnSync(command, args, {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, FAKE_NODE_VERSION: version, NODE_OPTIONS: `--require=${resolve(ROOT, 'tests/unit/tools/fake-node-version.cjs')}` },
  });
}

describe('the Node version check', () => {
  test('package.json states what vite 8, rolldown, vitest 4 and eslint 10 need', () => {
    expect(RANGE).toBe('^20.19.0 || ^22.13.0 || >=24.0.0');
  });

  test.each([
    ['20.19.0', true],
    ['20.20.2', true],
    ['22.13.0', true],
    ['22.12.0', false],
    ['24.0.0', true],
    ['25.3.1', true],
    ['18.20.8', false],
    ['20.18.3', false],
    ['21.7.3', false],
    ['22.11.0', false],
    ['23.11.0', false],
  ])('Node %s: %s', (version, supported) => {
    expect(satisfies(version, RANGE)).toBe(supported);
  });

  test('a range form it does not read is an error, never a pass', () => {
    expect(() => satisfies('20.20.2', '~20.19.0')).toThrow('understands');
  });

  test('on a supported Node it says nothing', () => {
    const run = withNodeVersion('22.13.0', process.execPath, ['tests/tools/check-node.cjs']);
    expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 0, stderr: '' });
  });

  test('npm test on an older Node says which Node it needs and stops before anything else', () => {
    const run = withNodeVersion('18.20.8', 'bash', ['tests/tools/run-tests.sh']);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`Order Sentinel needs Node ${RANGE} (package.json engines); this is Node 18.20.8.`);
    expect(run.stdout).not.toContain('== typecheck');
  });
});
