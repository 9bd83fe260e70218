import { baselineApp, messages, prometheusRule } from './fixtures';

const ID = 'SEL-RULE-UNSELECTED';
const rule = prometheusRule('apps', 'web-alerts', {}, [{
  name: 'web',
  rules: [{ alert: 'WebDown', expr: 'up{job="web"} == 0', for: '5m' }, { record: 'job:up:sum', expr: 'sum by (job) (up)' }],
}]);

describe(ID, () => {
  test('a PrometheusRule without the selected labels names its alerts and recording rules', () => {
    expect(messages([...baselineApp(), rule], ID)).toEqual([
      '[SEL-RULE-UNSELECTED] ERROR PrometheusRule apps/web-alerts metadata.labels: no Prometheus evaluates it: Prometheus monitoring/k8s needs '
      + 'labels release=prometheus (missing). Alert WebDown will never fire; recording rule job:up:sum will not be recorded. Fix: add labels '
      + '{release=prometheus} to the PrometheusRule (what Prometheus monitoring/k8s selects), or widen spec.ruleSelector of Prometheus '
      + 'monitoring/k8s.',
    ]);
  });

  test('a selected rule has no finding', () => {
    const selected = { ...rule, metadata: { ...rule.metadata, labels: { release: 'prometheus' } } };
    expect(messages([...baselineApp(), selected], ID)).toEqual([]);
  });

  test('a ThanosRuler can evaluate it', () => {
    const ruler = {
      apiVersion: 'monitoring.coreos.com/v1',
      kind: 'ThanosRuler',
      metadata: { name: 'ruler', namespace: 'monitoring' },
      spec: { ruleSelector: {}, ruleNamespaceSelector: {} },
    };
    expect(messages([...baselineApp(), rule, ruler], ID)).toEqual([]);
  });

  test('without Prometheus or ThanosRuler: WARN', () => {
    expect(messages([rule], ID)).toEqual([
      '[SEL-RULE-UNSELECTED] WARN: cannot verify which Prometheus evaluates PrometheusRule apps/web-alerts: no Prometheus or ThanosRuler is in '
      + 'the app. Fix: check the ruleSelector of the Prometheus that should evaluate them, or include it in the checked objects.',
    ]);
  });
});
