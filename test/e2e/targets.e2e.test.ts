/**
 * The target preview against the real Prometheus 2.53.3: a fake Kubernetes API server serves the
 * cluster the preview simulates (Pods on 127.0.0.x), local servers answer /metrics on those
 * addresses, and Prometheus runs the same configuration with only `api_server` added to its
 * kubernetes_sd_configs (and the operator's `$(SHARD)`/`$(POD_NAME)` filled in, as its config
 * reloader does). Its /api/v1/targets must equal the preview, and `up` must be 1 for every target.
 * The fixture's scrape_interval is 1s to keep the run short.
 */
import { loadFixture } from './support/app-fixture';
import { promtoolCheckConfigFile, waitFor } from './support/prometheus-process';
import { Proof, proveTargets } from './support/prove-targets';

jest.setTimeout(120_000);

let proof: Proof;

beforeAll(async () => {
  const { config, objects } = loadFixture();
  proof = await proveTargets({ config, objects, prometheus: 'monitoring/main' });
});

afterAll(async () => {
  await proof?.stop();
});

const key = (x: unknown) => JSON.stringify(x);
const sorted = <T>(xs: T[]) => [...xs].sort((a, b) => key(a).localeCompare(key(b)));

test('promtool accepts the configuration Prometheus runs', () => {
  const result = promtoolCheckConfigFile(proof.runConfig);
  expect(result.output).toContain('SUCCESS');
  expect(result.status).toBe(0);
});

test('the preview predicts targets in every scrape pool', () => {
  const pools = new Set(proof.preview.targets.map((t) => t.scrapePool));
  expect([...pools].sort()).toEqual([
    'podMonitor/shop/web-proxy/0', 'scrapeConfig/shop/nodes', 'scrapeConfig/shop/services', 'serviceMonitor/shop/cache/0', 'serviceMonitor/shop/web/0',
  ]);
  expect(proof.preview.targets).toHaveLength(9);
  expect(proof.preview.targets.filter((t) => t.discoveredLabels.__meta_kubernetes_endpoint_ready === 'false').map((t) => t.labels.pod)).toEqual(['web-debug']);
});

test('activeTargets (scrape pool and labels) equal the preview', () => {
  const actual = proof.apiTargets.activeTargets.map((t) => ({ scrapePool: t.scrapePool, labels: t.labels }));
  const expected = proof.preview.targets.map((t) => ({ scrapePool: t.scrapePool, labels: t.labels }));
  expect(sorted(actual)).toEqual(sorted(expected));
});

test('discoveredLabels and scrape URLs equal the preview', () => {
  const actual = proof.apiTargets.activeTargets.map((t) => ({ d: t.discoveredLabels, u: t.scrapeUrl }));
  const expected = proof.preview.targets.map((t) => ({ d: t.discoveredLabels, u: t.scrapeUrl }));
  expect(sorted(actual)).toEqual(sorted(expected));
});

test('droppedTargets equal the targets the preview lists as dropped by relabeling', () => {
  const actual = proof.apiTargets.droppedTargets.map((t) => t.discoveredLabels);
  const expected = proof.preview.dropped.filter((d) => d.kind === 'relabeling').map((d) => d.discoveredLabels);
  expect(expected.length).toBeGreaterThan(0);
  expect(sorted(actual)).toEqual(sorted(expected));
});

test('up == 1 for every previewed target', async () => {
  const series: any[] = await waitFor('an up sample for every target', 30_000, async () => {
    const body = await proof.prometheus.getJson(`/api/v1/query?query=${encodeURIComponent('up')}`);
    return body.data.result.length >= proof.preview.targets.length ? body.data.result : undefined;
  });
  for (const target of proof.preview.targets) {
    const wanted = key(Object.entries({ ...target.labels, __name__: 'up' }).sort());
    const sample = series.find((s) => key(Object.entries(s.metric).sort()) === wanted);
    expect({ target: target.labels, value: sample?.value?.[1] }).toEqual({ target: target.labels, value: '1' });
  }
});

test('Prometheus listed and watched through the fake API server, with the role selectors', () => {
  const requests = proof.api.requests;
  expect(requests.some((r) => r.startsWith('/apis/discovery.k8s.io/v1/namespaces/shop/endpointslices?'))).toBe(true);
  expect(requests.some((r) => r.startsWith('/api/v1/namespaces/shop/endpoints?'))).toBe(true);
  expect(requests.some((r) => r.startsWith('/api/v1/nodes?'))).toBe(true);
  expect(requests.some((r) => r.startsWith('/api/v1/namespaces/shop/pods?') && r.includes('watch=true'))).toBe(true);
  expect(requests.some((r) => r.startsWith('/api/v1/namespaces/shop/pods?') && r.includes('labelSelector=app.kubernetes.io%2Fname%3Dweb'))).toBe(true);
  expect([...proof.metrics.hits.values()].reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(proof.preview.targets.length);
});
