import { context, monitor, prometheus } from './helpers';
import {
  convertRelabelConfigs, isExcludedFromEnforcement, sanitizeLabelName, selectorRelabelings, withEnforcedNamespaceLabel,
} from '../../../../src/resolver/render/scrape/relabelings';

describe('relabelings', () => {
  test('label names are sanitized', () => {
    expect(sanitizeLabelName('app.kubernetes.io/name')).toBe('app_kubernetes_io_name');
  });

  test('selector filters: sorted matchLabels, then expressions', () => {
    const rules = selectorRelabelings({
      matchLabels: { 'b.io/x': '1', 'a': '2' },
      matchExpressions: [
        { key: 'env', operator: 'In', values: ['prod', 'stage'] },
        { key: 'tier', operator: 'NotIn', values: ['db'] },
        { key: 'team', operator: 'Exists' },
        { key: 'legacy', operator: 'DoesNotExist' },
      ],
    }, 'service');
    expect(rules).toEqual([
      { action: 'keep', source_labels: ['__meta_kubernetes_service_label_a', '__meta_kubernetes_service_labelpresent_a'], regex: '(2);true' },
      { action: 'keep', source_labels: ['__meta_kubernetes_service_label_b_io_x', '__meta_kubernetes_service_labelpresent_b_io_x'], regex: '(1);true' },
      { action: 'keep', source_labels: ['__meta_kubernetes_service_label_env', '__meta_kubernetes_service_labelpresent_env'], regex: '(prod|stage);true' },
      { action: 'drop', source_labels: ['__meta_kubernetes_service_label_tier', '__meta_kubernetes_service_labelpresent_tier'], regex: '(db);true' },
      { action: 'keep', source_labels: ['__meta_kubernetes_service_labelpresent_team'], regex: 'true' },
      { action: 'drop', source_labels: ['__meta_kubernetes_service_labelpresent_legacy'], regex: 'true' },
    ]);
  });

  test('RelabelConfigs keep only set fields, in Prometheus key order, action lower-cased', () => {
    expect(convertRelabelConfigs([
      { action: 'Replace', replacement: '', separator: '', targetLabel: 't', sourceLabels: ['a'], regex: '(.+)', modulus: 0 },
    ])).toEqual([{ source_labels: ['a'], separator: '', target_label: 't', regex: '(.+)', replacement: '', action: 'replace' }]);
    expect(Object.keys(convertRelabelConfigs([{ action: 'hashmod', modulus: 3, targetLabel: 'h', sourceLabels: ['x'] }])[0]))
      .toEqual(['source_labels', 'target_label', 'modulus', 'action']);
  });

  test('the enforced namespace label is appended last unless the monitor is excluded', () => {
    const sm = monitor('ServiceMonitor', 'sm', {}, 'team-a');
    const enforced = context(prometheus({ enforcedNamespaceLabel: 'namespace' }));
    expect(withEnforcedNamespaceLabel(enforced, sm, [{ targetLabel: 'x', replacement: 'y' }])).toEqual([
      { targetLabel: 'x', replacement: 'y' },
      { targetLabel: 'namespace', replacement: 'team-a' },
    ]);
    const excluded = context(prometheus({
      enforcedNamespaceLabel: 'namespace',
      excludedFromEnforcement: [{ resource: 'servicemonitors', namespace: 'team-a' }],
    }));
    expect(isExcludedFromEnforcement(excluded, sm)).toBe(true);
    expect(isExcludedFromEnforcement(excluded, monitor('PodMonitor', 'pm', {}, 'team-a'))).toBe(false);
    const byName = context(prometheus({
      enforcedNamespaceLabel: 'namespace',
      excludedFromEnforcement: [{ resource: 'servicemonitors', namespace: 'team-a', name: 'other' }],
    }));
    expect(isExcludedFromEnforcement(byName, sm)).toBe(false);
    expect(withEnforcedNamespaceLabel(context(prometheus()), sm, undefined)).toEqual([]);
  });
});
