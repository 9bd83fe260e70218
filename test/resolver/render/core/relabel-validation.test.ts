import { context, prometheus } from './helpers';
import { relabelConfigProblem } from '../../../../src/resolver/render/scrape/relabel-validation';

describe('relabel config validation', () => {
  const v3 = context(prometheus());
  const v2 = context(prometheus({ version: 'v2.35.0' }));

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
