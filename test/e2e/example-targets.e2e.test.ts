/**
 * The example stack (examples/demo.ts buildDemo), rendered by the project's own resolver (CRD
 * defaults, selection, rendering) and proven against the real Prometheus 2.53.3 like the
 * hand-written fixture: the previewed targets must be exactly Prometheus's active targets, and
 * up == 1. The stack's Prometheus is rendered for spec.version v2.53.3 (the version the test runs);
 * the only change to the rendered configuration is `api_server` pointing at the fake API server
 * (plus the $(SHARD)/$(POD_NAME) substitutions the operator's config reloader makes in a cluster).
 */
import { App, Testing } from 'cdk8s';
import { renderForPrometheus } from './support/example-config';
import { promtoolCheckConfigFile } from './support/prometheus-process';
import { Proof, proveTargets } from './support/prove-targets';
import { buildDemo } from '../../examples/demo';
import { KubeObject, objectKey } from '../../src/resolver/types';

jest.setTimeout(120_000);

/** The version of the Prometheus binary the test runs. */
const PROMETHEUS_VERSION = 'v2.53.3';
let proof: Proof;

/** The example stack's objects, its Prometheus rendered for the version the test runs. */
function exampleObjects(): { objects: KubeObject[]; prometheus: string } {
  const app: App = Testing.app();
  buildDemo(app);
  const objects: KubeObject[] = app.charts.flatMap((c) => c.toJson());
  const prometheus = objects.find((o) => o.kind === 'Prometheus' && o.apiVersion === 'monitoring.coreos.com/v1');
  if (!prometheus) {
    throw new Error('the example stack has no Prometheus');
  }
  prometheus.spec = { ...prometheus.spec, version: PROMETHEUS_VERSION };
  return { objects, prometheus: objectKey(prometheus) };
}

beforeAll(async () => {
  const { objects, prometheus } = exampleObjects();
  const config = renderForPrometheus(objects, prometheus);
  proof = await proveTargets({ config, objects, prometheus });
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
  const demo = proof.preview.targets.filter((t) => t.scrapePool === 'serviceMonitor/monitoring/demo-go/0');
  expect(demo.map((t) => [t.labels.job, t.labels.endpoint, t.labels.namespace])).toEqual([
    ['demo-go', 'metrics', 'demo'],
    ['demo-go', 'metrics', 'demo'],
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
