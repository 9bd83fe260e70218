import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { parse } from 'yaml';
import { STACK } from './run';

const ROOT = path.resolve(__dirname, '..', '..');

/** Runs the real entry point as a separate node process, through ts-node. */
function bin(args: string[], input?: string) {
  return spawnSync(process.execPath, ['-r', 'ts-node/register/transpile-only', path.join(ROOT, 'src', 'cli', 'main.ts'), ...args], {
    cwd: ROOT, input, encoding: 'utf8', timeout: 60_000,
  });
}

describe('the cdk8s-prometheus entry point', () => {
  test('renders a configuration to stdout and exits 0', () => {
    const r = bin(['render', '-f', STACK, '-R', '--prometheus', 'monitoring/k8s']);
    expect(r.status).toBe(0);
    expect(parse(r.stdout).scrape_configs.map((j: any) => j.job_name)).toEqual(['serviceMonitor/apps/web/0']);
  });

  test('reads stdin and exits 2 with a one-line error on bad input', () => {
    const r = bin(['render', '-f', '-'], 'apiVersion: v1\nkind: [\n');
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^error: <stdin>:\d+ \(document 1\): malformed YAML: [^\n]+\n$/);
  });

  test('starts with a node shebang so that npm can install it as a bin', () => {
    const text = fs.readFileSync(path.join(ROOT, 'src', 'cli', 'main.ts'), 'utf8');
    expect(text.startsWith('#!/usr/bin/env node\n')).toBe(true);
  });
});
