/**
 * Two cases of the operator parity corpus through the command line: `render --skip-selection
 * --no-defaults` on input.yaml must give expected.yaml (compared as YAML data).
 */
import * as fs from 'fs';
import * as path from 'path';
import { parse } from 'yaml';
import { run } from './run';

const CASES = process.env.PARITY_CASES_DIR ?? path.resolve(__dirname, '..', '..', '..', 'shared', 'operator-parity', 'cases');

const PICKED: Array<[string, string[]]> = [
  ['MatchExpressionsServiceMonitor', []],
  ['TopologySharding_ServiceMonitor_4shards_2zones', ['--feature-gates', 'PrometheusTopologySharding']],
];

describe('operator parity through the command line', () => {
  if (!fs.existsSync(CASES)) {
    test('corpus absent', () => {
      console.log(`operator parity corpus not found at ${CASES}; nothing to compare`);
      expect(fs.existsSync(CASES)).toBe(false);
    });
    return;
  }

  test.each(PICKED)('%s', async (name, flags) => {
    const dir = path.join(CASES, name);
    const r = await run(['render', '-f', path.join(dir, 'input.yaml'), '--skip-selection', '--no-defaults', ...flags]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const [header, ...rest] = r.stdout.split('\n');
    expect(header).toBe('# Prometheus default/test');
    expect(parse(rest.join('\n'), { version: '1.1' })).toEqual(parse(fs.readFileSync(path.join(dir, 'expected.yaml'), 'utf8'), { version: '1.1' }));
  });
});
