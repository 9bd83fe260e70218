/**
 * The operator parity corpus as a table-driven test: every case rendered and compared with the
 * operator's golden file as data; pass counts reported by area and held to the committed
 * baseline (test/parity/baseline.json). PARITY_UPDATE_BASELINE=1 rewrites the baseline when no
 * area got worse; PARITY_SHOW=<case name substring> prints the reasons of matching failures;
 * PARITY_IGNORE=<top-level keys> leaves sections out of the comparison (diagnosis only: the
 * baseline is never rewritten then).
 */

import * as fs from 'fs';
import * as path from 'path';
import { casesDir, loadCases, runCase } from './corpus';

const BASELINE_FILE = path.join(__dirname, 'baseline.json');

interface AreaCount { pass: number; total: number }

describe('operator parity corpus', () => {
  const dir = casesDir();
  if (!fs.existsSync(dir)) {
    test('corpus absent', () => {
      console.log(`operator parity corpus not found at ${dir}; nothing to compare`);
      expect(fs.existsSync(dir)).toBe(false);
    });
    return;
  }

  test('every area passes at least as many cases as the baseline', () => {
    const cases = loadCases(dir);
    const byArea: Record<string, AreaCount> = {};
    const failures: string[] = [];
    const show = process.env.PARITY_SHOW;
    for (const c of cases) {
      const outcome = runCase(c);
      const a = (byArea[c.area] ??= { pass: 0, total: 0 });
      a.total++;
      if (outcome.pass) {
        a.pass++;
      } else {
        failures.push(`${c.area}/${c.name}`);
        if (show !== undefined && c.name.includes(show)) console.log(`${c.name}: ${outcome.reason}`);
      }
    }
    const areas = Object.keys(byArea).sort();
    const total = areas.reduce((s, k) => s + byArea[k].total, 0);
    const passed = areas.reduce((s, k) => s + byArea[k].pass, 0);
    const lines = areas.map((k) => `  ${k.padEnd(15)} ${String(byArea[k].pass).padStart(3)}/${byArea[k].total}`);
    console.log([
      `operator parity: ${passed}/${total} (${((100 * passed) / total).toFixed(1)}%)`,
      ...lines,
      failures.length > 0 ? `failing: ${failures.join(' ')}` : 'no failures',
    ].join('\n'));

    const baseline: Record<string, number> = fs.existsSync(BASELINE_FILE)
      ? JSON.parse(fs.readFileSync(BASELINE_FILE, 'utf8'))
      : {};
    const regressions = Object.keys(baseline).filter((k) => (byArea[k]?.pass ?? 0) < baseline[k]);
    if (process.env.PARITY_UPDATE_BASELINE === '1' && !process.env.PARITY_IGNORE && regressions.length === 0) {
      const next = Object.fromEntries(areas.map((k) => [k, byArea[k].pass]));
      fs.writeFileSync(BASELINE_FILE, JSON.stringify(next, null, 2) + '\n');
    }
    expect(regressions.map((k) => `${k}: ${byArea[k]?.pass ?? 0} < baseline ${baseline[k]}`)).toEqual([]);
  });
});
