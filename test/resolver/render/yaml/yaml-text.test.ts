import * as fs from 'fs';
import { renderPrometheusConfig, toPrometheusYaml } from '../../../../src/resolver/render';
import { configYamlText, libraryYaml } from '../../../../src/resolver/render/yaml-text';
import { KubeObject } from '../../../../src/resolver/types';
import { casesDir, loadCases } from '../../../parity/corpus';

/** Strings whose YAML text is not themselves, or only just is. */
const TRICKY_STRINGS = [
  // YAML 1.1 null, booleans, numbers and times
  '', '~', 'null', 'Null', 'NULL', 'nULL', 'y', 'Y', 'n', 'N', 'yes', 'Yes', 'YES', 'no', 'NO', 'on', 'On', 'ON', 'off', 'Off',
  'true', 'True', 'TRUE', 'false', 'FALSE', 'tRUE', '0', '-0', '+1', '42', '0755', '08', '0b101', '0x1F', '0x1g', '1_000', '1.5',
  '.5', '1.', '.', '1e3', 'e5', 'E5', '1E+3', '.inf', '-.Inf', '.nan', '.NaN', '1:30', '190:20:30', '1:30.5', '2001-12-14',
  '2001-12-14t21:59:43.10-05:00', '2001-12-14 21:59:43.10 -5', '<<', '=', '30s', '1h30m', '10.0.0.1', '10.0.0.1:9090',
  // indicators and comments
  '$(SHARD)', '${1}', '$1', '$(POD_NAME)', 'a: b', 'a:b', 'a:', ':', ': a', 'http://x:9090/metrics', 'a #b', 'a#b', '#a', '-', '- a',
  '-a', '--', '?', '? a', '?a', '[a]', '{a}', 'a,b', ',a', '*a', '&a', '!a', '|a', '>a', "'a", '"a', '%a', '@a', '`a', 'a]',
  'it\'s', 'say "hi"', 'both \' and "', '\\', '\\n', '(.+);(\\d+)', '__meta_kubernetes_pod_label_(.+)', '.*', '^a$', 'a|b',
  // whitespace
  ' a', 'a ', '  ', ' ', '\t', 'a\tb', '\ta', 'a\t', 'a :b', 'a\t#b', 'a\t: b',
  // line breaks and document markers
  'a\nb', 'a\n', 'a\n\n', '\na', '\n', '\n\n', 'a\n b', 'a \nb', 'a\n\nb', ' a\nb', 'a\nb ', 'a\n  ', 'x\n- y', 'a: b\nc: d',
  '---', '--- a', '...', '... a', '%YAML 1.1', 'a\n---\nb', 'a\n...', 'a\n%b', '----', 'a---', 'a\r\nb', 'a\rb', 'a\u2028---',
  'a\u2029b', 'a\u0085b', 'line one\nline two\nline three that is rather long, longer than forty characters',
  '"quoted"\nand more', 'tab\tand\nnewline', 'trailing spaces  \nhere',
  // unicode and control characters
  'é', 'naïve', '日本語', '🙂', 'a\u00a0b', '\u00a0', '\u0000', 'a\u0007b', '\u001b[0m', '\u007f', '\u0080', '\u009f', '\ud800', 'x\udfffy',
  '\ufeffbom', 'a\u200bb',
];

/** A long string with spaces: never folded (lineWidth 0). */
const LONG = 'word '.repeat(60).trim();
/** A key too long to be written as an implicit key. */
const LONG_KEY = 'k'.repeat(1100);

const OTHER_SCALARS: unknown[] = [
  0, -0, 1, -1, 1.5, -2.25, 1e21, 1e-7, 123456789012, Number.MAX_SAFE_INTEGER, NaN, Infinity, -Infinity, BigInt(12345678901234567890),
  true, false, null,
];

function expectSameText(data: Record<string, unknown>): void {
  expect(configYamlText(data)).toBe(libraryYaml(data));
}

describe('the YAML text of plain data is the yaml library Document text', () => {
  test('tricky strings as values at every depth, as sequence items and as keys', () => {
    for (const s of [...TRICKY_STRINGS, LONG]) {
      expectSameText({ v: s });
      expectSameText({ a: { b: { v: s } } });
      expectSameText({ list: [s, 'x', s], nested: [[s], [[s]]], maps: [{ k: s }, { j: [s, { k: s }] }] });
      expectSameText({ [s]: 'v' });
      expectSameText({ a: { [s]: s }, b: [{ [s]: [s] }] });
      expectSameText({ a: [{ b: { [s]: { [s]: 1 } } }] });
    }
  });

  test('numbers, booleans and null', () => {
    for (const v of OTHER_SCALARS) {
      expectSameText({ v, a: { v }, s: [v, [v]], m: [{ v }] });
    }
  });

  test('empty collections, undefined entries and shared values', () => {
    const shared = ['a', 'b'];
    expectSameText({});
    expectSameText({ u: undefined });
    expectSameText({ e: [], o: {}, eo: [[], {}, [[]], [{}]], u: { x: undefined }, list: [undefined, null, 'x'], n: null });
    expectSameText({ p: shared, q: shared, r: { shared } });
    expectSameText({ a: { b: [{ c: [] }, { d: {} }, { e: undefined, f: 1 }] } });
  });

  test('keys longer than 1024 characters are explicit', () => {
    expectSameText({ [LONG_KEY]: 'v' });
    expectSameText({ [LONG_KEY]: ['a', 'b'], x: { [LONG_KEY]: { a: 1, b: [1] } } });
    expectSameText({ list: [{ [LONG_KEY]: [] }, { [LONG_KEY]: {} }, { [`${LONG_KEY}\n`]: 'v' }] });
    // At the limit: 1024 characters stay implicit, 1025 do not, quotes count.
    for (const key of ['k'.repeat(1024), 'k'.repeat(1025), `a: ${'k'.repeat(1019)}`, `a: ${'k'.repeat(1018)}`]) {
      expectSameText({ [key]: 'v', a: { [key]: [1] } });
    }
  });

  test('objects without a prototype and keys that look like indices', () => {
    const bare = Object.assign(Object.create(null), { b: 1, a: 'x' });
    expectSameText({ bare, 10: 'ten', 2: 'two', x: 'x' });
  });

  test('data other than plain objects, arrays and scalars is written by the library', () => {
    const data = { m: new Map<unknown, unknown>([['a', 1], [2, 'b']]), s: new Set(['x']), d: new Date(0), j: { toJSON: () => 'j' } };
    expect(configYamlText(data)).toBe(libraryYaml(data));
    expect(toPrometheusYaml(data)).toBe(libraryYaml(data));
  });

  test('random nested data built from tricky strings', () => {
    let seed = 42;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const pieces = [...TRICKY_STRINGS, 'job', 'a', 'b', 'c'];
    const randomString = () => Array.from({ length: 1 + random(3) }, () => pieces[random(pieces.length)]).join(random(2) ? '' : ' ');
    const randomValue = (depth: number): unknown => {
      const pick = random(depth > 3 ? 3 : 6);
      if (pick === 0) return randomString();
      if (pick === 1) return OTHER_SCALARS[random(OTHER_SCALARS.length)];
      if (pick === 2) return random(4) === 0 ? undefined : randomString();
      if (pick === 3) return Array.from({ length: random(4) }, () => randomValue(depth + 1));
      return Object.fromEntries(Array.from({ length: random(4) }, () => [randomString(), randomValue(depth + 1)]));
    };
    for (let i = 0; i < 500; i++) {
      const data = Object.fromEntries(Array.from({ length: 1 + random(4) }, () => [randomString(), randomValue(0)]));
      expectSameText(data);
    }
  });
});

const MONITOR_LISTS: Record<string, string> = {
  ServiceMonitor: 'serviceMonitors',
  PodMonitor: 'podMonitors',
  Probe: 'probes',
  ScrapeConfig: 'scrapeConfigs',
};

describe('the operator parity corpus', () => {
  const dir = casesDir();
  const cases = fs.existsSync(dir) ? loadCases(dir) : [];

  test('every configuration the renderer produces for the corpus has the library text', () => {
    let compared = 0;
    for (const c of cases) {
      const prometheus = c.objects.find((o) => o.kind === 'Prometheus' || o.kind === 'PrometheusAgent');
      if (!prometheus) continue;
      const lists: Record<string, KubeObject[]> = { serviceMonitors: [], podMonitors: [], probes: [], scrapeConfigs: [] };
      const objects: KubeObject[] = [];
      for (const o of c.objects) {
        if (o === prometheus) continue;
        const list = MONITOR_LISTS[o.kind];
        if (list && String(o.apiVersion).startsWith('monitoring.coreos.com/')) lists[list].push(o);
        else objects.push(o);
      }
      let config: Record<string, unknown>;
      try {
        config = renderPrometheusConfig({
          prometheus, ...lists, objects, ruleConfigMapNames: c.ruleConfigMapNames, options: c.options, checkReferences: false,
        }).config;
      } catch {
        continue;
      }
      expect({ name: c.name, text: toPrometheusYaml(config) }).toEqual({ name: c.name, text: libraryYaml(config) });
      compared++;
    }
    console.log(`compared the YAML text of ${compared} corpus configurations`);
    if (cases.length > 0) expect(compared).toBeGreaterThan(300);
  });
});
