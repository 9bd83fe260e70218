/**
 * The operator parity corpus as a table-driven test: every case rendered and compared with the
 * operator's golden file as data; pass counts reported by area and held to the committed
 * baseline (test/parity/baseline.json), as is the number of outputs identical to the golden
 * text (key order and formatting). PARITY_UPDATE_BASELINE=1 rewrites the baseline when no
 * area got worse; PARITY_SHOW=<case name substring> prints the reasons of matching failures;
 * PARITY_IGNORE=<top-level keys> leaves sections out of the comparison (diagnosis only: the
 * baseline is never rewritten then).
 */

import * as fs from 'fs';
import * as path from 'path';
import { casesDir, loadCases, runCase } from './corpus';

const BASELINE_FILE = path.join(__dirname, 'baseline.json');
/** Baseline entry counting passing full cases whose YAML text is the golden file byte for byte. */
const TEXT_KEY = 'byte-identical';

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
    const textDiffers: string[] = [];
    let textIdentical = 0;
    const show = process.env.PARITY_SHOW;
    for (const c of cases) {
      const outcome = runCase(c);
      const a = (byArea[c.area] ??= { pass: 0, total: 0 });
      a.total++;
      if (outcome.textIdentical === true) textIdentical++;
      if (outcome.textIdentical === false) textDiffers.push(c.name);
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
      `  byte-identical YAML: ${textIdentical}/${textIdentical + textDiffers.length} passing full cases`,
      failures.length > 0 ? `failing: ${failures.join(' ')}` : 'no failures',
      ...(textDiffers.length > 0 ? [`same data, different text: ${textDiffers.join(' ')}`] : []),
    ].join('\n'));

    const baseline: Record<string, number> = fs.existsSync(BASELINE_FILE)
      ? JSON.parse(fs.readFileSync(BASELINE_FILE, 'utf8'))
      : {};
    const counts: Record<string, number> = Object.fromEntries(areas.map((k) => [k, byArea[k].pass]));
    counts[TEXT_KEY] = textIdentical;
    const regressions = Object.keys(baseline).filter((k) => (counts[k] ?? 0) < baseline[k]);
    if (process.env.PARITY_UPDATE_BASELINE === '1' && !process.env.PARITY_IGNORE && regressions.length === 0) {
      fs.writeFileSync(BASELINE_FILE, JSON.stringify(counts, null, 2) + '\n');
    }
    expect(regressions.map((k) => `${k}: ${counts[k] ?? 0} < baseline ${baseline[k]}`)).toEqual([]);
  });
});
