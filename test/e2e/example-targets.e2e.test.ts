/**
 * The example stack's ServiceMonitor setup, rendered by the project's own resolver (CRD defaults,
 * selection, rendering) and proven against the real Prometheus 2.53.3 like the hand-written
 * fixture: the previewed targets must be exactly Prometheus's active targets, and up == 1.
 * A Prometheus `monitoring/main` selecting `release: prometheus` monitors in every namespace is
 * (version v2.53.3, the one the test runs) is added to the demo chart's objects. Scrape intervals
 * are set to 1s for the test.
 */
import { Testing } from 'cdk8s';
import { DemoAppChart, MONITORING_NAMESPACE, PROMETHEUS_SELECTION_LABELS } from '../../examples/demo-app';
import { KubeObject } from '../../src/resolver/types';
import { renderForPrometheus, withScrapeInterval } from './support/example-config';
import { promtoolCheckConfigFile } from './support/prometheus-process';
import { Proof, proveTargets } from './support/prove-targets';

jest.setTimeout(120_000);

const PROMETHEUS = `${MONITORING_NAMESPACE}/main`;
let proof: Proof;

beforeAll(async () => {
  const objects: KubeObject[] = [
    ...new DemoAppChart(Testing.app(), 'demo').toJson(),
    {
      apiVersion: 'monitoring.coreos.com/v1',
      kind: 'Prometheus',
      metadata: { name: 'main', namespace: MONITORING_NAMESPACE },
      spec: {
        // The Prometheus the test runs; the operator renders for this version.
        version: 'v2.53.3',
        serviceMonitorSelector: { matchLabels: PROMETHEUS_SELECTION_LABELS },
        serviceMonitorNamespaceSelector: {},
        podMonitorSelector: { matchLabels: PROMETHEUS_SELECTION_LABELS },
        podMonitorNamespaceSelector: {},
      },
    },
  ];
  const config = withScrapeInterval(renderForPrometheus(objects, PROMETHEUS), '1s');
  proof = await proveTargets({ config, objects, prometheus: PROMETHEUS });
});

afterAll(async () => {
  await proof?.stop();
});

const key = (x: unknown) => JSON.stringify(x);
const sorted = <T>(xs: T[]) => [...xs].sort((a, b) => key(a).localeCompare(key(b)));

test('promtool accepts the rendered configuration', () => {
  const result = promtoolCheckConfigFile(proof.runConfig);
  expect(result.status).toBe(0);
});

test('the preview finds both demo-go replicas', () => {
  expect(proof.preview.targets.map((t) => [t.scrapePool, t.labels.job, t.labels.endpoint, t.labels.namespace])).toEqual([
    ['serviceMonitor/monitoring/demo-go/0', 'demo-go', 'metrics', 'demo'],
    ['serviceMonitor/monitoring/demo-go/0', 'demo-go', 'metrics', 'demo'],
  ]);
});

test('activeTargets and droppedTargets equal the preview', () => {
  expect(sorted(proof.apiTargets.activeTargets.map((t) => ({ scrapePool: t.scrapePool, labels: t.labels, discovered: t.discoveredLabels }))))
    .toEqual(sorted(proof.preview.targets.map((t) => ({ scrapePool: t.scrapePool, labels: t.labels, discovered: t.discoveredLabels }))));
  expect(sorted(proof.apiTargets.droppedTargets.map((t) => t.discoveredLabels)))
    .toEqual(sorted(proof.preview.dropped.filter((d) => d.kind === 'relabeling').map((d) => d.discoveredLabels)));
});

test('up == 1 for every previewed target', async () => {
  const body = await proof.prometheus.getJson(`/api/v1/query?query=${encodeURIComponent('up')}`);
  for (const target of proof.preview.targets) {
    const wanted = key(Object.entries({ ...target.labels, __name__: 'up' }).sort());
    const sample = body.data.result.find((s: any) => key(Object.entries(s.metric).sort()) === wanted);
    expect({ target: target.labels, value: sample?.value?.[1] }).toEqual({ target: target.labels, value: '1' });
  }
});
