import { Duration, Testing } from 'cdk8s';
import { FakeSelectingPrometheus } from './fake-prometheus';
import { MonitorNamespaceSelector, PodMonitor, RelabelAction, Selector, SelectorOperator } from '../../src';
import { expectValidAgainstCrds } from '../support/crd-schema';

// The tests build partial apps on purpose: the checks' warnings about them are not printed (errors still fail synth).
process.env.CDK8S_PROMETHEUS_CHECKS = 'silent';

function synthPodMonitor(chart: ReturnType<typeof Testing.chart>): any {
  const objects = Testing.synth(chart);
  expect(expectValidAgainstCrds(objects)).toBe(1);
  return objects.find((o) => o.kind === 'PodMonitor');
}

describe('PodMonitor', () => {
  test('defaults: own namespace, path /metrics', () => {
    const chart = Testing.chart();
    new PodMonitor(chart, 'pm', {
      metadata: { name: 'worker', namespace: 'jobs' },
      selector: Selector.matchLabels({ app: 'worker' }),
      podMetricsEndpoints: [{ port: 'metrics' }],
    });
    expect(synthPodMonitor(chart)).toEqual({
      apiVersion: 'monitoring.coreos.com/v1',
      kind: 'PodMonitor',
      metadata: { name: 'worker', namespace: 'jobs' },
      spec: { selector: { matchLabels: { app: 'worker' } }, podMetricsEndpoints: [{ port: 'metrics', path: '/metrics' }] },
    });
  });

  test('port number endpoints, expressions, limits and a selecting Prometheus: snapshot', () => {
    const chart = Testing.chart();
    const prometheus = new FakeSelectingPrometheus(chart, 'prom', { release: 'prometheus' });
    const pm = new PodMonitor(chart, 'pm', {
      metadata: { name: 'batch', namespace: 'monitoring' },
      prometheus,
      selector: Selector.of({
        matchLabels: { tier: 'batch' },
        matchExpressions: [{ key: 'app', operator: SelectorOperator.IN, values: ['etl', 'report'] }],
      }),
      namespaceSelector: MonitorNamespaceSelector.names('jobs'),
      jobLabel: 'app',
      podTargetLabels: ['app', 'tier'],
      sampleLimit: 5000,
      podMetricsEndpoints: [{ portNumber: 9102, interval: Duration.seconds(20), scrapeTimeout: Duration.seconds(20) }],
    });
    pm.addEndpoint({
      port: 'admin',
      path: '/admin/metrics',
      metricRelabelings: [{ action: RelabelAction.LABELMAP, regex: '__meta_kubernetes_pod_label_(.+)', replacement: 'pod_$1' }],
    });
    const obj = synthPodMonitor(chart);
    expect(obj).toMatchSnapshot();
    expect(obj.metadata.labels).toEqual({ release: 'prometheus' });
    expect(obj.spec.podMetricsEndpoints.map((e: any) => e.port ?? e.portNumber)).toEqual([9102, 'admin']);
    expect(pm.portNames).toEqual(['admin']);
    expect(pm.resource.node.id).toBe('Resource');
  });

  test('a PodMonitor without endpoints fails at synth', () => {
    const chart = Testing.chart();
    new PodMonitor(chart, 'pm', { selector: Selector.all() });
    expect(() => Testing.synth(chart)).toThrow(/\[test\/pm\] podMetricsEndpoints: the PodMonitor has no endpoint/);
  });
});
