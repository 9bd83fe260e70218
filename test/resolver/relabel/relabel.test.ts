import { parseRelabelConfig, parseRelabelConfigs, relabel, RawRelabelConfig } from '../../../src/resolver/relabel';

function run(labels: Record<string, string>, ...raw: RawRelabelConfig[]) {
  return relabel(labels, parseRelabelConfigs(raw, 'test'));
}

describe('defaults', () => {
  test('separator ;, regex (.*), replacement $1, action replace', () => {
    const rule = parseRelabelConfig({ target_label: 'x' }, 'r');
    expect(rule.separator).toBe(';');
    expect(rule.regex.source).toBe('(.*)');
    expect(rule.replacement).toBe('$1');
    expect(rule.action).toBe('replace');
  });

  test('explicit empty strings are kept, not defaulted', () => {
    const rule = parseRelabelConfig({ target_label: 'x', separator: '', replacement: '' }, 'r');
    expect(rule.separator).toBe('');
    expect(rule.replacement).toBe('');
  });

  test('the action is case-insensitive', () => {
    expect(parseRelabelConfig({ action: 'Drop', source_labels: ['a'] }, 'r').action).toBe('drop');
  });

  test('numeric regex values from YAML are read as text', () => {
    expect(run({ port: '1024' }, { action: 'keep', source_labels: ['port'], regex: 1024 }).keep).toBe(true);
  });
});

describe('replace', () => {
  test('joins source labels with the separator and writes the expansion', () => {
    expect(run({ a: 'foo', b: 'bar' }, { source_labels: ['a', 'b'], regex: '(f.*);(.*)', target_label: 'c', replacement: '${2}-$1' }).labels)
      .toEqual({ a: 'foo', b: 'bar', c: 'bar-foo' });
  });

  test('the regex is anchored at both ends', () => {
    expect(run({ a: 'xfoox' }, { source_labels: ['a'], regex: 'foo', target_label: 'b', replacement: 'hit' }).labels).toEqual({ a: 'xfoox' });
  });

  test('no match leaves the labels alone', () => {
    expect(run({ a: 'foo' }, { source_labels: ['a'], regex: 'bar', target_label: 'a', replacement: 'x' }).labels).toEqual({ a: 'foo' });
  });

  test('an empty result deletes the target label', () => {
    expect(run({ a: 'foo', job: 'j' }, { target_label: 'job', replacement: '' }).labels).toEqual({ a: 'foo' });
  });

  test('missing source labels read as empty strings', () => {
    expect(run({}, { source_labels: ['nope', 'nada'], target_label: 'x', regex: '(.*)', replacement: '[$1]' }).labels).toEqual({ x: '[;]' });
  });

  test('the target label can be templated; an invalid expanded name skips the rule', () => {
    expect(run({ a: 'foo' }, { source_labels: ['a'], regex: '(.*)', target_label: 'x_${1}', replacement: 'v' }).labels).toEqual({ a: 'foo', x_foo: 'v' });
    expect(run({ a: '1-2' }, { source_labels: ['a'], regex: '(.*)', target_label: '${1}', replacement: 'v' }).labels).toEqual({ a: '1-2' });
  });

  test('. does not match a newline', () => {
    expect(run({ a: 'foo\nbar' }, { source_labels: ['a'], target_label: 'b' }).labels).toEqual({ a: 'foo\nbar' });
  });
});

describe('template expansion (Go regexp.Expand)', () => {
  const expand = (replacement: string, regex = '(?P<first>[a-z]+)-(\\d+)', input = 'abc-42') =>
    run({ in: input }, { source_labels: ['in'], regex, target_label: 'out', replacement }).labels.out;

  test('$1 and ${1}', () => {
    expect(expand('$1')).toBe('abc');
    expect(expand('${2}')).toBe('42');
  });

  test('$1_x names the group "1_x", which does not exist and expands to nothing', () => {
    expect(expand('$1_x:$2')).toBe(':42');
    expect(expand('${1}_x')).toBe('abc_x');
  });

  test('named groups with $name and ${name}', () => {
    expect(expand('$first/${first}')).toBe('abc/abc');
  });

  test('$$ is a literal dollar', () => {
    expect(expand('$$1')).toBe('$1');
    expect(expand('a$$$1')).toBe('a$abc');
  });

  test('a malformed reference keeps the dollar', () => {
    expect(expand('$-x')).toBe('$-x');
    expect(expand('${1')).toBe('${1');
    expect(expand('cost $')).toBe('cost $');
  });

  test('unknown and out-of-range groups expand to nothing; leading zeros make a name', () => {
    expect(expand('[$9]')).toBe('[]');
    expect(expand('[$01]')).toBe('[]');
    expect(expand('[$0]')).toBe('[abc-42]');
  });

  test('a group that did not take part expands to nothing', () => {
    expect(expand('<$1|$2>', '(a)|(b)', 'b')).toBe('<|b>');
  });
});

describe('keep and drop', () => {
  test('keep drops the set when the regex does not match', () => {
    expect(run({ a: 'foo' }, { action: 'keep', source_labels: ['a'], regex: 'f.*' }).keep).toBe(true);
    expect(run({ a: 'foo' }, { action: 'keep', source_labels: ['a'], regex: 'b.*' })).toEqual({ keep: false, labels: {} });
  });

  test('drop drops the set when the regex matches', () => {
    expect(run({ a: 'foo' }, { action: 'drop', source_labels: ['a'], regex: 'f.*' }).keep).toBe(false);
    expect(run({ a: 'foo' }, { action: 'drop', source_labels: ['a'], regex: 'b.*' }).keep).toBe(true);
  });

  test('the operator idiom (value);true needs the labelpresent label', () => {
    const rule = { action: 'keep', source_labels: ['l', 'present'], regex: '(bar);true' };
    expect(run({ l: 'bar', present: 'true' }, rule).keep).toBe(true);
    expect(run({ l: 'bar' }, rule).keep).toBe(false);
  });

  test('later rules do not run after a drop', () => {
    expect(run({ a: 'x' }, { action: 'drop', source_labels: ['a'], regex: 'x' }, { target_label: 'b', replacement: 'y' })).toEqual({ keep: false, labels: {} });
  });
});

describe('keepequal and dropequal', () => {
  test('compare the joined source values with the target label', () => {
    expect(run({ a: '1', b: '1' }, { action: 'keepequal', source_labels: ['a'], target_label: 'b' }).keep).toBe(true);
    expect(run({ a: '1', b: '2' }, { action: 'keepequal', source_labels: ['a'], target_label: 'b' }).keep).toBe(false);
    expect(run({ a: '1', b: '1' }, { action: 'dropequal', source_labels: ['a'], target_label: 'b' }).keep).toBe(false);
    expect(run({ a: '1' }, { action: 'dropequal', source_labels: ['a'], target_label: 'b' }).keep).toBe(true);
  });

  test('reject any other field', () => {
    expect(() => parseRelabelConfig({ action: 'keepequal', source_labels: ['a'], target_label: 'b', regex: '(.*)' }, 'r'))
      .toThrow("r: keepequal action requires only 'source_labels' and `target_label`, and no other fields");
  });
});

describe('hashmod', () => {
  test('md5 of the value, last 8 bytes big-endian, modulo the modulus', () => {
    expect(run({ c: 'baz' }, { action: 'hashmod', source_labels: ['c'], target_label: 'd', modulus: 1000 }).labels.d).toBe('976');
    expect(run({ a: 'foo\nbar' }, { action: 'hashmod', source_labels: ['a'], target_label: 'b', modulus: 1000 }).labels.b).toBe('734');
  });

  test('a modulus above 2^53 is exact (uint64 arithmetic)', () => {
    // h mod 1000 = 976 implies h mod 8 = 0, and 8 divides 2^60, so h mod 2^60 must be a multiple of 8.
    const d = BigInt(run({ c: 'baz' }, { action: 'hashmod', source_labels: ['c'], target_label: 'd', modulus: 2 ** 60 }).labels.d);
    expect(d % 8n).toBe(0n);
    expect(d < 2n ** 60n).toBe(true);
    expect(d > 2n ** 53n).toBe(true);
  });

  test('requires a modulus', () => {
    expect(() => parseRelabelConfig({ action: 'hashmod', source_labels: ['a'], target_label: 'b' }, 'r'))
      .toThrow('r: relabel configuration for hashmod requires non-zero modulus');
  });
});

describe('labelmap, labeldrop, labelkeep', () => {
  test('labelmap copies matching labels under the expanded name', () => {
    expect(run({ __meta_kubernetes_pod_label_app: 'web', __meta_kubernetes_pod_label_tier: 'fe', other: 'x' },
      { action: 'labelmap', regex: '__meta_kubernetes_pod_label_(.+)' }).labels)
      .toEqual({ __meta_kubernetes_pod_label_app: 'web', __meta_kubernetes_pod_label_tier: 'fe', app: 'web', tier: 'fe', other: 'x' });
  });

  test('labelmap onto one name: the label set last wins (base labels in name order first)', () => {
    expect(run({ a_x: '1', b_x: '2' }, { action: 'labelmap', regex: '[ab]_(x)', replacement: '$1' }).labels.x).toBe('2');
  });

  test('labeldrop and labelkeep work on names', () => {
    expect(run({ a1: '1', a2: '2', b: '3' }, { action: 'labeldrop', regex: 'a.' }).labels).toEqual({ b: '3' });
    expect(run({ a1: '1', a2: '2', b: '3' }, { action: 'labelkeep', regex: 'a.' }).labels).toEqual({ a1: '1', a2: '2' });
  });

  test('labeldrop takes no other field', () => {
    expect(() => parseRelabelConfig({ action: 'labeldrop', regex: 'a', source_labels: ['x'] }, 'r'))
      .toThrow("r: labeldrop action requires only 'regex', and no other fields");
  });
});

describe('lowercase and uppercase', () => {
  test('map the joined value into the target label', () => {
    expect(run({ a: 'FoO', b: 'Bar' }, { action: 'lowercase', source_labels: ['a', 'b'], target_label: 'c' }).labels.c).toBe('foo;bar');
    expect(run({ a: 'foo' }, { action: 'uppercase', source_labels: ['a'], target_label: 'a' }).labels.a).toBe('FOO');
  });

  test('per code point as Go does: no final sigma, ß unchanged', () => {
    expect(run({ a: 'ΟΔΟΣ' }, { action: 'lowercase', source_labels: ['a'], target_label: 'b' }).labels.b).toBe('οδοσ');
    expect(run({ a: 'straße' }, { action: 'uppercase', source_labels: ['a'], target_label: 'b' }).labels.b).toBe('STRAßE');
  });

  test('an empty result deletes the target label', () => {
    expect(run({ b: 'x' }, { action: 'lowercase', source_labels: ['a'], target_label: 'b' }).labels).toEqual({});
  });

  test('replacement cannot be set', () => {
    expect(() => parseRelabelConfig({ action: 'uppercase', source_labels: ['a'], target_label: 'b', replacement: 'x' }, 'r'))
      .toThrow("r: 'replacement' can not be set for uppercase action");
  });
});

describe('validation messages', () => {
  test('unknown action', () => {
    expect(() => parseRelabelConfigs([{ action: 'explode' }], 'scrape_configs[0].relabel_configs'))
      .toThrow('scrape_configs[0].relabel_configs[0]: unknown relabel action "explode"; allowed: replace, keep');
  });

  test('invalid regex names the expression', () => {
    expect(() => parseRelabelConfig({ source_labels: ['a'], regex: 'a(', target_label: 'b' }, 'r')).toThrow('r: invalid regex "a(":');
  });

  test('replace needs a valid target label', () => {
    expect(() => parseRelabelConfig({ source_labels: ['a'] }, 'r')).toThrow("r: relabel configuration for replace action requires 'target_label' value");
    expect(() => parseRelabelConfig({ source_labels: ['a'], target_label: '1abc' }, 'r')).toThrow('r: "1abc" is invalid \'target_label\' for replace action');
  });
});
