/**
 * The target preview against the real Prometheus 2.53.3: a fake Kubernetes API server serves the
 * cluster the preview simulates (Pods on 127.0.0.x), local servers answer /metrics on those
 * addresses, and Prometheus runs the same configuration with only `api_server` added to its
 * kubernetes_sd_configs (and the operator's `$(SHARD)`/`$(POD_NAME)` filled in, as its config
 * reloader does). Its /api/v1/targets must equal the preview, and `up` must be 1 for every target.
 * The fixture's scrape_interval is 1s to keep the run short.
 */
import { loopbackAddressAllocator, previewTargets, simulateCluster, substituteOperatorVariables, TargetPreview } from '../../src/resolver/targets';
import { containerPorts, loadFixture, remapContainerPorts } from './support/app-fixture';
import { FakeKubeApi, startFakeKubeApi } from './support/fake-kube-api';
import { MetricsServers, startMetricsServers } from './support/metrics-servers';
import { PrometheusProcess, freePort, pointAtApiServer, promtoolCheckConfigFile, startPrometheus, waitFor } from './support/prometheus-process';

jest.setTimeout(120_000);

const PROMETHEUS = 'monitoring/main';

let api: FakeKubeApi | undefined;
let metrics: MetricsServers | undefined;
let prometheus: PrometheusProcess | undefined;
let preview: TargetPreview;
let runConfig: any;
let apiTargets: any;

beforeAll(async () => {
  const fixture = loadFixture();
  const mapping = new Map<number, number>();
  for (const port of containerPorts(fixture.objects)) {
    mapping.set(port, await freePort());
  }
  const objects = remapContainerPorts(fixture.objects, mapping);
  const cluster = simulateCluster(objects, { addressAllocator: loopbackAddressAllocator() });
  preview = previewTargets({ config: fixture.config, objects, prometheus: PROMETHEUS, cluster });

  api = await startFakeKubeApi(cluster);
  const endpoints = cluster.pods.flatMap((pod) => (pod.spec.containers ?? []).flatMap((c: any) =>
    (c.ports ?? []).map((p: any) => `${pod.status.podIP}:${p.containerPort}`)));
  metrics = await startMetricsServers(endpoints);
  runConfig = pointAtApiServer(substituteOperatorVariables(fixture.config, { SHARD: '0', POD_NAME: 'prometheus-main-0' }), api.url);
  prometheus = await startPrometheus(runConfig);
  apiTargets = await waitFor('every previewed target to be up', 60_000, async () => {
    const body = await prometheus!.getJson('/api/v1/targets?state=any');
    const active: any[] = body.data.activeTargets;
    return active.length >= preview.targets.length && active.every((t) => t.health === 'up') ? body.data : undefined;
  }, 250);
});

afterAll(async () => {
  await prometheus?.stop();
  await metrics?.close();
  await api?.close();
});

const sortKey = (x: unknown) => JSON.stringify(x);

test('promtool accepts the configuration Prometheus runs', () => {
  const result = promtoolCheckConfigFile(runConfig);
  expect(result.output).toContain('SUCCESS');
  expect(result.status).toBe(0);
});

test('the preview predicts targets in every scrape pool', () => {
  const pools = new Set(preview.targets.map((t) => t.scrapePool));
  expect([...pools].sort()).toEqual(['podMonitor/shop/web-proxy/0', 'serviceMonitor/shop/cache/0', 'serviceMonitor/shop/web/0']);
  expect(preview.targets).toHaveLength(6);
});

test('activeTargets (scrape pool and labels) equal the preview', () => {
  const actual = apiTargets.activeTargets.map((t: any) => ({ scrapePool: t.scrapePool, labels: t.labels })).sort((a: any, b: any) => sortKey(a).localeCompare(sortKey(b)));
  const expected = preview.targets.map((t) => ({ scrapePool: t.scrapePool, labels: t.labels })).sort((a, b) => sortKey(a).localeCompare(sortKey(b)));
  expect(actual).toEqual(expected);
});

test('discoveredLabels and scrape URLs equal the preview', () => {
  const actual = apiTargets.activeTargets.map((t: any) => ({ d: t.discoveredLabels, u: t.scrapeUrl })).sort((a: any, b: any) => sortKey(a).localeCompare(sortKey(b)));
  const expected = preview.targets.map((t) => ({ d: t.discoveredLabels, u: t.scrapeUrl })).sort((a, b) => sortKey(a).localeCompare(sortKey(b)));
  expect(actual).toEqual(expected);
});

test('droppedTargets equal the targets the preview lists as dropped by relabeling', () => {
  const actual = apiTargets.droppedTargets.map((t: any) => sortKey(t.discoveredLabels)).sort();
  const expected = preview.dropped.filter((d) => d.kind === 'relabeling').map((d) => sortKey(d.discoveredLabels)).sort();
  expect(expected.length).toBeGreaterThan(0);
  expect(actual).toEqual(expected);
});

test('up == 1 for every previewed target', async () => {
  const series: any[] = await waitFor('an up sample for every target', 30_000, async () => {
    const body = await prometheus!.getJson(`/api/v1/query?query=${encodeURIComponent('up')}`);
    return body.data.result.length >= preview.targets.length ? body.data.result : undefined;
  });
  for (const target of preview.targets) {
    const wanted = sortKey(Object.entries({ ...target.labels, __name__: 'up' }).sort());
    const sample = series.find((s) => sortKey(Object.entries(s.metric).sort()) === wanted);
    expect({ target: target.labels, value: sample?.value?.[1] }).toEqual({ target: target.labels, value: '1' });
  }
});

test('Prometheus discovered through the fake API server with the role selectors it needs', () => {
  expect(api!.requests.some((r) => r.startsWith('/apis/discovery.k8s.io/v1/namespaces/shop/endpointslices'))).toBe(true);
  expect(api!.requests.some((r) => r.startsWith('/api/v1/namespaces/shop/endpoints'))).toBe(true);
  expect(api!.requests.some((r) => r.startsWith('/api/v1/namespaces/shop/pods'))).toBe(true);
  expect([...metrics!.hits.values()].reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(preview.targets.length);
});
