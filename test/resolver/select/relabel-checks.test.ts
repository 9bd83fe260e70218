import { parseVersion } from '../../../src/resolver/render/version';
import { validateRelabelConfig } from '../../../src/resolver/select/checks/relabel';

const v = (s: string) => parseVersion(s);
const error = (rc: any, version = 'v3.5.0') => {
  try {
    validateRelabelConfig(rc, v(version));
    return undefined;
  } catch (e) {
    return (e as Error).message;
  }
};

describe('relabeling validation (operator LabelConfigValidator)', () => {
  test('a replace with a target label is valid', () => {
    expect(error({ sourceLabels: ['a'], targetLabel: 'b' })).toBeUndefined();
  });

  test('lowercase and uppercase need Prometheus 2.36', () => {
    expect(error({ action: 'Lowercase', sourceLabels: ['a'], targetLabel: 'b' }, 'v2.35.0'))
      .toBe('Lowercase relabel action is only supported from Prometheus version 2.36.0');
  });

  test('keepequal and dropequal need Prometheus 2.41', () => {
    expect(error({ action: 'keepequal', sourceLabels: ['a'], targetLabel: 'b' }, 'v2.40.0'))
      .toBe('keepequal relabel action is only supported from Prometheus version 2.41.0');
  });

  test('replace needs a target label', () => {
    expect(error({ sourceLabels: ['a'] })).toBe('relabel configuration for replace action needs targetLabel value');
  });

  test('legacy naming rejects templated target labels before Prometheus 3', () => {
    expect(error({ sourceLabels: ['a'], targetLabel: '${1}' }, 'v2.55.0')).toBe('"${1}" is invalid \'target_label\' for replace action');
  });

  test('keepequal takes only source labels and target label', () => {
    expect(error({ action: 'keepequal', sourceLabels: ['a'], targetLabel: 'b', regex: 'x' }))
      .toBe("keepequal action requires only 'source_labels' and `target_label`, and no other fields");
  });

  test('lowercase may not set a replacement', () => {
    expect(error({ action: 'lowercase', sourceLabels: ['a'], targetLabel: 'b', replacement: 'x' }))
      .toBe("'replacement' can not be set for lowercase action");
  });

  test('labelmap replacement may use $1 under legacy naming', () => {
    expect(error({ action: 'labelmap', regex: '__meta_(.+)', replacement: '$1' }, 'v2.55.0')).toBeUndefined();
    expect(error({ action: 'labelmap', regex: '__meta_(.+)', replacement: 'a-$1' }, 'v2.55.0')).toBe('"a-$1" is invalid \'replacement\' for labelmap action');
  });
});
