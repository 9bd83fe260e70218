import { checkResolution } from '../../bench/check-resolution';
import { ExpectedSelection, generateApp } from '../../bench/generate-app';
import { synthesize, synthesizeInSession } from '../../bench/synthesize';
import { AppObjects } from '../../src/prometheus/app-objects';
import { resolve } from '../../src/resolver/resolve';

// 500 monitors over 50 namespaces: 10 apps per namespace (k = 0..9), k = 9 scraped by a PodMonitor.
const { app, expected } = generateApp({ monitors: 500, namespaces: 50 });
const synthesized = synthesize(app);
const resolution = resolve(synthesized.objects);

function countKind(kind: string, namespacePrefix = ''): number {
  return synthesized.objects.filter((o) => o.kind === kind && (o.metadata.namespace ?? '').startsWith(namespacePrefix)).length;
}

test('the generated app has the stated numbers of objects', () => {
  expect(countKind('Namespace')).toBe(51);
  expect(countKind('Deployment', 'team-')).toBe(500);
  expect(countKind('Service', 'team-')).toBe(500);
  expect(countKind('ServiceMonitor', 'team-')).toBe(450);
  expect(countKind('PodMonitor', 'team-')).toBe(50);
  expect(countKind('Prometheus', 'monitoring')).toBe(3);
  expect(new Set(synthesized.objects.filter((o) => o.kind === 'ServiceMonitor').map((o) => o.metadata.namespace)).size).toBe(50);
});

test('each Prometheus is expected to select a different share of the monitors', () => {
  expect(expected).toEqual<ExpectedSelection[]>([
    // every monitor
    { prometheus: 'monitoring/cluster', serviceMonitors: 450, podMonitors: 50 },
    // release=stable (k not a multiple of 5: 7 ServiceMonitors and 1 PodMonitor) in the 25 env=prod namespaces
    { prometheus: 'monitoring/production', serviceMonitors: 175, podMonitors: 25 },
    // tier frontend or backend (k = 0, 1, 4, 5, 8) outside the 10 team=e namespaces; no podMonitorSelector
    { prometheus: 'monitoring/web', serviceMonitors: 200, podMonitors: 0 },
  ]);
});

test('the resolver selects and renders what the generator expects', () => {
  expect(() => checkResolution(resolution, expected)).not.toThrow();
  const production = resolution.prometheuses.find((r) => r.key === 'monitoring/production')!;
  const jobs = production.config.scrape_configs as Array<{ job_name: string }>;
  expect(jobs.filter((j) => j.job_name.startsWith('serviceMonitor/team-01/'))).toEqual([]);
  expect(jobs.filter((j) => j.job_name.startsWith('serviceMonitor/team-02/'))).toHaveLength(7);
});

test('the check fails when the result differs from the expectation', () => {
  const wrong = expected.map((e, i) => (i === 1 ? { ...e, serviceMonitors: e.serviceMonitors + 1 } : e));
  expect(() => checkResolution(resolution, wrong)).toThrow('monitoring/production: 175 selected ServiceMonitors, expected 176');
  const truncated = resolution.prometheuses.map((r) => ({ ...r, yaml: r.yaml.slice(0, r.yaml.length / 2) }));
  expect(() => checkResolution({ ...resolution, prometheuses: truncated }, expected)).toThrow(/scrape jobs in the YAML text, expected 500/);
  const warned = resolution.prometheuses.map((r, i) => (i === 2 ? { ...r, warnings: ['a warning'] } : r));
  expect(() => checkResolution({ ...resolution, prometheuses: warned }, expected)).toThrow('monitoring/web: 1 warnings, expected 0 (a warning)');
});

test('the benchmark synthesizes the same manifests as App.synthYaml()', () => {
  expect(synthesized.yaml).toBe(app.synthYaml());
});

test('with one chart per namespace the app has the same objects and selection', () => {
  const perNamespace = generateApp({ monitors: 100, namespaces: 50, chartPerNamespace: true });
  const oneChart = generateApp({ monitors: 100, namespaces: 50 });
  const objects = synthesize(perNamespace.app).objects;
  const sortedKeys = (list: typeof objects) => list.map((o) => `${o.kind} ${o.metadata.namespace}/${o.metadata.name}`).sort();
  expect(sortedKeys(objects)).toEqual(sortedKeys(synthesize(oneChart.app).objects));
  expect(perNamespace.expected).toEqual(oneChart.expected);
  expect(() => checkResolution(resolve(objects), perNamespace.expected)).not.toThrow();
});

test.each([false, true])('chart per namespace %s: the session writes the manifests plain synth writes, resolves what is expected, reads the app once', (chartPerNamespace) => {
  const generated = generateApp({ monitors: 100, namespaces: 20, chartPerNamespace });
  const plain = synthesize(generated.app);
  const before = AppObjects.readings;
  const run = synthesizeInSession(generated.app);
  expect(AppObjects.readings - before).toBe(1);
  expect(run.synthesized.yaml).toBe(plain.yaml);
  expect(() => checkResolution(run.resolution, generated.expected)).not.toThrow();
  expect(run.resolution).toEqual(resolve(plain.objects));
  expect(Object.values(run.times).every((t) => t >= 0)).toBe(true);
  // Plain synth reads the app in each validation pass: once for the app and once per chart at least.
  const plainBefore = AppObjects.readings;
  synthesize(generated.app);
  expect(AppObjects.readings - plainBefore).toBeGreaterThanOrEqual(1 + generated.app.charts.length);
});
