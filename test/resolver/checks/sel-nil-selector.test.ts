import { baselineApp, messages, modify, podMonitor, prometheus, prometheusRule } from './fixtures';

const ID = 'SEL-NIL-SELECTOR';

describe(ID, () => {
  test('an unset podMonitorSelector while the app has PodMonitors', () => {
    const app = [
      ...modify(baselineApp(), 'Prometheus', 'k8s', (p) => { delete p.spec.podMonitorSelector; }),
      podMonitor('apps', 'web', { release: 'prometheus' }, { selector: { matchLabels: { app: 'web' } }, podMetricsEndpoints: [{ port: 'metrics' }] }),
    ];
    expect(messages(app, ID)).toEqual([
      '[SEL-NIL-SELECTOR] ERROR Prometheus monitoring/k8s spec.podMonitorSelector: unset (null selects no PodMonitor) but the app defines '
      + '1 PodMonitor it would otherwise pick up (apps/web). Prometheus will scrape none of their targets. Fix: set spec.podMonitorSelector '
      + 'to {} to select all, or to a matchLabels selector the PodMonitors carry.',
    ]);
    // The cause is reported once, on the Prometheus, not again on the PodMonitor.
    expect(messages(app, 'SEL-MONITOR-UNSELECTED')).toEqual([]);
  });

  test('an unset ruleSelector: the rules are ignored', () => {
    const app = [
      ...modify(baselineApp(), 'Prometheus', 'k8s', (p) => { delete p.spec.ruleSelector; }),
      prometheusRule('apps', 'web-alerts', { release: 'prometheus' }, [{ name: 'web', rules: [{ alert: 'WebDown', expr: 'up == 0' }] }]),
    ];
    expect(messages(app, ID)).toEqual([
      '[SEL-NIL-SELECTOR] ERROR Prometheus monitoring/k8s spec.ruleSelector: unset (null selects no PrometheusRule) but the app defines '
      + '1 PrometheusRule it would otherwise pick up (apps/web-alerts). Their alerts will never fire. Fix: set spec.ruleSelector to {} to '
      + 'select all, or to a matchLabels selector the PrometheusRules carry.',
    ]);
  });

  test('no monitor selector at all: unmanaged configuration', () => {
    expect(messages([prometheus('monitoring', 'bare', { serviceAccountName: 'x' })], ID)).toEqual([
      '[SEL-NIL-SELECTOR] WARN Prometheus monitoring/bare spec: serviceMonitorSelector, podMonitorSelector, probeSelector and '
      + 'scrapeConfigSelector are all unset, so the configuration is unmanaged: the operator generates no scrape jobs (a deprecated mode). '
      + 'Prometheus scrapes nothing (additionalScrapeConfigs included) unless prometheus.yaml.gz is written into its config Secret by hand. '
      + 'Fix: set at least spec.serviceMonitorSelector: {}.',
    ]);
  });
});
