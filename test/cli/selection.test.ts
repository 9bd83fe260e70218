import { run, STACK } from './run';

describe('selection', () => {
  test('prints what each Prometheus selects, rejects and cannot decide', async () => {
    const r = await run(['selection', '-f', STACK, '-R']);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe([
      `Prometheus monitoring/k8s (${STACK}/prometheus.yaml:6 (document 2))`,
      '  ServiceMonitors: labels release=k8s in namespaces matching monitoring=enabled',
      '    selected   apps/web',
      '    rejected   apps/broken: endpoints[0]: scrapeTimeout "20s" greater than scrapeInterval "10s"',
      '    undecided  unlabelled/elsewhere: Namespace "unlabelled" is not among the input objects, so whether serviceMonitorNamespaceSelector (monitoring=enabled) selects it cannot be told',
      '  PodMonitors: labels <all> in namespace "monitoring" only (podMonitorNamespaceSelector unset)',
      '  Probes: none (probeSelector unset)',
      '  ScrapeConfigs: none (scrapeConfigSelector unset)',
      '  PrometheusRules: labels <all> in all namespaces',
      '    selected   apps/web-alerts',
      '  rule ConfigMaps: prometheus-k8s-rulefiles-0, prometheus-k8s-rulefiles-1, prometheus-k8s-rulefiles-2',
      '',
      `PrometheusAgent monitoring/edge (${STACK}/prometheus.yaml:23 (document 3))`,
      '  ServiceMonitors: labels release=edge in all namespaces',
      '    selected   apps/edge-web',
      '  PodMonitors: none (podMonitorSelector unset)',
      '  Probes: none (probeSelector unset)',
      '  ScrapeConfigs: none (scrapeConfigSelector unset)',
      '',
    ].join('\n'));
  });

  test('-o json gives the same as data', async () => {
    const r = await run(['selection', '-f', STACK, '-R', '--prometheus', 'monitoring/k8s', '-o', 'json']);
    const [k8s] = JSON.parse(r.stdout);
    expect(k8s.prometheus).toBe('monitoring/k8s');
    expect(k8s.selected.serviceMonitors).toEqual(['apps/web']);
    expect(k8s.rejected).toEqual([{
      kind: 'ServiceMonitor',
      object: 'apps/broken',
      source: `${STACK}/apps/web.yaml:22 (document 3)`,
      reason: 'endpoints[0]: scrapeTimeout "20s" greater than scrapeInterval "10s"',
    }]);
    expect(k8s.undecided.map((u: any) => u.object)).toEqual(['unlabelled/elsewhere']);
  });

  test('an unknown output format is an error', async () => {
    const r = await run(['selection', '-f', STACK, '-R', '-o', 'xml']);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('cdk8s-prometheus selection: --output takes text, json or yaml, not "xml" (see cdk8s-prometheus selection --help)\n');
  });

  test('an invalid Prometheus selector is an input error', async () => {
    const r = await run(['selection', '-f', '-'], [
      'apiVersion: monitoring.coreos.com/v1', 'kind: Prometheus', 'metadata: {name: p, namespace: m}',
      'spec: {podMonitorSelector: {matchExpressions: [{key: a, operator: Is}]}}',
    ].join('\n'));
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('error: <stdin>:1 (document 1): Prometheus m/p: selecting PodMonitors failed: spec.podMonitorSelector: "Is" is not a valid label selector operator\n');
  });
});
