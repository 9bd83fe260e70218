import { context, prometheus } from './helpers';
import { relabelConfigProblem } from '../../../../src/resolver/render/scrape/relabel-validation';
import { parseVersion } from '../../../../src/resolver/render/version';
import { validateRelabelConfigs } from '../../../../src/resolver/select/checks/relabel';

describe('relabel config validation', () => {
  const v3 = context(prometheus()).version;
  const v2 = context(prometheus({ version: 'v2.35.0' })).version;

  test('valid configs pass', () => {
    expect(relabelConfigProblem(v3, { sourceLabels: ['a'], targetLabel: 'b' })).toBeUndefined();
    expect(relabelConfigProblem(v3, { action: 'labeldrop', regex: 'tmp_.*' })).toBeUndefined();
    expect(relabelConfigProblem(v3, { action: 'hashmod', modulus: 4, targetLabel: 'h', sourceLabels: ['x'] })).toBeUndefined();
  });

  test('actions newer than the version are refused', () => {
    expect(relabelConfigProblem(v2, { action: 'Lowercase', targetLabel: 'x' }))
      .toBe('Lowercase relabel action is only supported from Prometheus version 2.36.0');
    expect(relabelConfigProblem(v2, { action: 'keepequal', targetLabel: 'x' }))
      .toBe('keepequal relabel action is only supported from Prometheus version 2.41.0');
  });

  test('regexes must compile as RE2', () => {
    expect(relabelConfigProblem(v3, { regex: '(?<=a)b', targetLabel: 'x' })).toContain('invalid regex (?<=a)b for relabel configuration');
  });

  test('fields each action needs or forbids', () => {
    expect(relabelConfigProblem(v3, { sourceLabels: ['a'] })).toBe('relabel configuration for replace action needs targetLabel value');
    expect(relabelConfigProblem(v3, { action: 'labelkeep', regex: 'x', targetLabel: 'y' }))
      .toBe("labelkeep action requires only 'regex', and no other fields");
    expect(relabelConfigProblem(v3, { action: 'dropequal', targetLabel: 'y', regex: 'z' }))
      .toBe("dropequal action requires only 'source_labels' and `target_label`, and no other fields");
    expect(relabelConfigProblem(v3, { action: 'uppercase', targetLabel: 'y', replacement: 'z' }))
      .toBe("'replacement' can not be set for uppercase action");
  });

  test('target labels: legacy names before Prometheus 3, any UTF-8 from 3', () => {
    expect(relabelConfigProblem(v2, { targetLabel: 'service.name' })).toBe('"service.name" is invalid \'target_label\' for replace action');
    expect(relabelConfigProblem(v3, { targetLabel: 'service.name' })).toBeUndefined();
    expect(relabelConfigProblem(v2, { action: 'labelmap', regex: 'x_(.+)', replacement: '${1}' })).toBeUndefined();
  });
});

describe('relabeling validation (operator LabelConfigValidator)', () => {
  const error = (rc: any, version = 'v3.5.0') => relabelConfigProblem(parseVersion(version), rc);

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

  test('as a rejection check, the first bad relabeling is named by its index', () => {
    expect(() => validateRelabelConfigs([{ sourceLabels: ['a'], targetLabel: 'b' }, { sourceLabels: ['a'] }], parseVersion('v3.5.0')))
      .toThrow('[1]: relabel configuration for replace action needs targetLabel value');
  });
});
