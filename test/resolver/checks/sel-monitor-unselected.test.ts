import { baselineApp, messages, modify, prometheus } from './fixtures';

const ID = 'SEL-MONITOR-UNSELECTED';

describe(ID, () => {
  test('the baseline app has no finding', () => {
    expect(messages(baselineApp(), ID)).toEqual([]);
  });

  test('a ServiceMonitor without the release label names the missing label', () => {
    const app = modify(baselineApp(), 'ServiceMonitor', 'web', (m) => { m.metadata.labels = {}; });
    expect(messages(app, ID)).toEqual([
      '[SEL-MONITOR-UNSELECTED] ERROR ServiceMonitor apps/web metadata.labels: no Prometheus selects it: Prometheus monitoring/k8s needs labels '
      + 'release=prometheus (missing). Prometheus will not scrape its targets. Fix: add labels {release=prometheus} to the ServiceMonitor '
      + '(what Prometheus monitoring/k8s selects), or widen spec.serviceMonitorSelector of Prometheus monitoring/k8s.',
    ]);
  });

  test('every Prometheus is listed with what it needs', () => {
    const other = prometheus('monitoring', 'other', {
      serviceMonitorSelector: { matchLabels: { team: 'frontend' } },
      serviceMonitorNamespaceSelector: {},
    });
    const app = modify([...baselineApp(), other], 'ServiceMonitor', 'web', (m) => { m.metadata.labels = { team: 'backend' }; });
    expect(messages(app, ID)).toEqual([
      '[SEL-MONITOR-UNSELECTED] ERROR ServiceMonitor apps/web metadata.labels: no Prometheus selects it: Prometheus monitoring/k8s needs labels '
      + 'release=prometheus (missing); Prometheus monitoring/other needs labels team=frontend (has team=backend). Prometheus will not scrape '
      + 'its targets. Fix: add labels {release=prometheus} to the ServiceMonitor (what Prometheus monitoring/k8s selects), or widen '
      + 'spec.serviceMonitorSelector of Prometheus monitoring/k8s, Prometheus monitoring/other.',
    ]);
  });

  test('matchExpressions are explained requirement by requirement', () => {
    const app = modify(baselineApp(), 'Prometheus', 'k8s', (p) => {
      p.spec.serviceMonitorSelector = { matchExpressions: [{ key: 'tier', operator: 'In', values: ['backend', 'frontend'] }] };
    });
    expect(messages(app, ID)).toEqual([
      '[SEL-MONITOR-UNSELECTED] ERROR ServiceMonitor apps/web metadata.labels: no Prometheus selects it: Prometheus monitoring/k8s needs labels '
      + 'tier in (backend,frontend) (no label tier). Prometheus will not scrape its targets. Fix: add labels {tier=backend} to the ServiceMonitor '
      + '(what Prometheus monitoring/k8s selects), or widen spec.serviceMonitorSelector of Prometheus monitoring/k8s.',
    ]);
  });

  test('without any Prometheus in the app, one WARN says selection cannot be verified', () => {
    const app = baselineApp().filter((o) => o.kind !== 'Prometheus');
    expect(messages(app, ID)).toEqual([
      '[SEL-MONITOR-UNSELECTED] WARN: cannot verify which Prometheus selects ServiceMonitor apps/web: no Prometheus or PrometheusAgent is in '
      + 'the app. Fix: check the selectors of the Prometheus that should scrape them, or include it in the checked objects.',
    ]);
  });
});
