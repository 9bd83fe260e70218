import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ApiObject, App, Chart, Duration, JsonPatch, Testing } from 'cdk8s';
import { parse, parseAllDocuments, stringify } from 'yaml';
import { buildDemo } from '../../examples/demo';
import { findMistake } from '../../examples/mistakes';
import { Prometheus, Selector } from '../../src';
import { Checks } from '../../src/checks';
import { resolve } from '../../src/resolver/resolve';
import { RenderedConfigs } from '../../src/synth';
import { promtoolCheckConfig } from '../support/prometheus-tools';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rendered-configs-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Every file under `root`, relative to it. */
function listFiles(root: string): string[] {
  return fs.readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)))
    .sort();
}

/** The objects of the manifest files (`*.k8s.yaml`) directly in `outdir`, as kubectl apply -f reads them. */
function readManifests(outdir: string): any[] {
  return fs.readdirSync(outdir).filter((f) => f.endsWith('.k8s.yaml')).sort()
    .flatMap((f) => parseAllDocuments(fs.readFileSync(path.join(outdir, f), 'utf8')).map((d) => d.toJS()));
}

function exampleApp(outdir: string): App {
  const app = new App({ outdir });
  buildDemo(app);
  return app;
}

describe('the example stack', () => {
  test('RenderedConfigs.synth writes the manifests and, beside them, exactly what resolve() renders from the written manifests', () => {
    const outdir = path.join(dir, 'dist');
    const app = exampleApp(outdir);
    const rendered = RenderedConfigs.synth(app);
    expect(listFiles(outdir)).toEqual([
      '0000-prometheus-operator-crds.k8s.yaml',
      '0001-monitoring.k8s.yaml',
      '0002-demo.k8s.yaml',
      'prometheus-config/monitoring/prometheus-example.yaml',
    ]);
    const fromManifests = resolve(readManifests(outdir)).prometheuses;
    expect(fromManifests.map((p) => p.key)).toEqual(['monitoring/example']);
    expect(rendered.configs).toHaveLength(1);
    const [config] = rendered.configs;
    expect(config).toMatchObject({
      kind: 'Prometheus',
      namespace: 'monitoring',
      name: 'example',
      key: 'monitoring/example',
      constructPath: 'monitoring/stack/Prometheus/Resource',
      secretName: 'prometheus-example',
      fileName: 'prometheus-config/monitoring/prometheus-example.yaml',
      selected: ['ServiceMonitor monitoring/demo-go', 'PrometheusRule monitoring/demo-go-alerts'],
      warnings: [],
    });
    expect(config.yaml).toBe(fromManifests[0].yaml);
    expect(config.config).toEqual(fromManifests[0].config);
    expect(parse(config.yaml)).toEqual(config.config);
    expect(fs.readFileSync(path.join(outdir, config.fileName), 'utf8')).toBe(config.yaml);
    expect(rendered.warnings).toEqual([]);
  });

  // The promtool here is 2.53.3 (the newest Debian ships); the example runs Prometheus v3.13.2.
  test('promtool 2.53.3 check config --syntax-only accepts the example rendered for v2.53.3', () => {
    const app = Testing.app();
    const { monitoring } = buildDemo(app);
    ApiObject.of(monitoring.stack.prometheus.resource).addJsonPatch(JsonPatch.replace('/spec/version', 'v2.53.3'));
    const [config] = RenderedConfigs.of(app).configs;
    const result = promtoolCheckConfig(config.yaml);
    expect(result.output).toContain('SUCCESS');
    expect(result.status).toBe(0);
  });

  test('promtool 2.53.3 accepts the v3.13.2 rendering but for its Prometheus 3 setting storage.tsdb.retention', () => {
    const [config] = RenderedConfigs.of(exampleApp(dir)).configs;
    expect(promtoolCheckConfig(config.yaml).output).toMatch(/FAILED: [^]*line \d+: field retention not found in type config.plain\n$/);
    const { retention, ...tsdb } = config.config.storage.tsdb;
    expect(retention).toEqual({ size: '8704MiB' });
    const result = promtoolCheckConfig(stringify({ ...config.config, storage: { ...config.config.storage, tsdb } }));
    expect(result.output).toContain('SUCCESS');
    expect(result.status).toBe(0);
  });

  test('snapshot of the rendered configuration', () => {
    const [config] = RenderedConfigs.of(exampleApp(dir)).configs;
    expect(config.yaml).toMatchSnapshot();
  });

  test('forPrometheus takes the Prometheus or the stack standing for it; find takes namespace/name', () => {
    const app = Testing.app();
    const { monitoring } = buildDemo(app);
    const rendered = RenderedConfigs.of(app);
    expect(rendered.forPrometheus(monitoring.stack)).toBe(rendered.configs[0]);
    expect(rendered.forPrometheus(monitoring.stack.prometheus)).toBe(rendered.configs[0]);
    expect(rendered.find('monitoring/example')).toBe(rendered.configs[0]);
    expect(rendered.find('monitoring/example', 'PrometheusAgent')).toBeUndefined();
    expect(rendered.find('monitoring/other')).toBeUndefined();
  });

  test('reflects JSON patches and changes made after an earlier rendering', () => {
    const app = Testing.app();
    const { demo } = buildDemo(app);
    const job = (r: RenderedConfigs) => r.configs[0].config.scrape_configs[0];
    expect(job(RenderedConfigs.of(app)).scrape_interval).toBe('15s');
    ApiObject.of(demo.app.serviceMonitor!).addJsonPatch(JsonPatch.replace('/spec/endpoints/0/interval', '1m'));
    expect(job(RenderedConfigs.of(app)).scrape_interval).toBe('1m');
  });
});

describe('synth writes nothing half', () => {
  test('a synth that fails validation (a check error) leaves the previous manifests and configurations as they were', () => {
    const outdir = path.join(dir, 'dist');
    RenderedConfigs.synth(exampleApp(outdir));
    const before = new Map(listFiles(outdir).map((f) => [f, fs.readFileSync(path.join(outdir, f), 'utf8')]));

    const app = new App({ outdir });
    const charts = buildDemo(app);
    ApiObject.of(charts.demo.app.serviceMonitor!).addJsonPatch(JsonPatch.replace('/spec/endpoints/0/interval', '1m'));
    findMistake('wrong-port-name').plant(charts);
    Checks.enable(app, { printFindings: false });
    expect(() => RenderedConfigs.synth(app)).toThrow(/\[PORT-SERVICE-PORT-NAME\] ERROR ServiceMonitor monitoring\/demo-go \(demo\/demo-go\/ServiceMonitor\/Resource\) spec\.endpoints\[0\]\.port/);
    expect(new Map(listFiles(outdir).map((f) => [f, fs.readFileSync(path.join(outdir, f), 'utf8')]))).toEqual(before);
  });

  test('a Prometheus the operator would refuse: an error naming the construct path and field; nothing is written', () => {
    const outdir = path.join(dir, 'dist');
    const app = new App({ outdir });
    const prometheus = new Prometheus(new Chart(app, 'c'), 'prom', { namespace: 'monitoring' });
    ApiObject.of(prometheus.resource).addJsonPatch(JsonPatch.add('/spec/serviceMonitorSelector/matchExpressions', [{ key: 'team', operator: 'Matches' }]));
    expect(() => RenderedConfigs.synth(app)).toThrow('cannot render the Prometheus configuration: c/prom/Resource: Prometheus monitoring/prom: '
      + 'selecting ServiceMonitors failed: spec.serviceMonitorSelector: "Matches" is not a valid label selector operator');
    expect(fs.existsSync(outdir)).toBe(false);
  });

  test('the prometheus-config folder is replaced: configurations of removed Prometheus go away', () => {
    const outdir = path.join(dir, 'dist');
    const first = new App({ outdir });
    const chart = new Chart(first, 'c');
    new Prometheus(chart, 'a', { namespace: 'team-a' });
    new Prometheus(chart, 'b', { namespace: 'team-b', scrapeInterval: Duration.minutes(1) });
    expect(RenderedConfigs.synth(first).configs.map((c) => c.fileName)).toEqual([
      'prometheus-config/team-a/prometheus-a.yaml', 'prometheus-config/team-b/prometheus-b.yaml',
    ]);
    const second = new App({ outdir });
    new Prometheus(new Chart(second, 'c'), 'b', { namespace: 'team-b' });
    RenderedConfigs.synth(second);
    expect(listFiles(outdir).filter((f) => f.startsWith('prometheus-config/'))).toEqual(['prometheus-config/team-b/prometheus-b.yaml']);
    expect(parse(fs.readFileSync(path.join(outdir, 'prometheus-config/team-b/prometheus-b.yaml'), 'utf8')).global.scrape_interval).toBe('30s');

    const none = new App({ outdir });
    new Chart(none, 'c');
    expect(RenderedConfigs.synth(none).configs).toEqual([]);
    expect(fs.readdirSync(outdir).filter((f) => !f.endsWith('.k8s.yaml'))).toEqual([]);
  });
});

test('a PrometheusAgent gets a file of its own, named after the operator\'s Secret prom-agent-<name>', () => {
  const app = Testing.app();
  const chart = new Chart(app, 'c');
  new Prometheus(chart, 'main', { namespace: 'monitoring', serviceMonitorSelector: Selector.all() });
  new ApiObject(chart, 'agent', {
    apiVersion: 'monitoring.coreos.com/v1alpha1',
    kind: 'PrometheusAgent',
    metadata: { name: 'main', namespace: 'monitoring' },
    spec: { serviceMonitorSelector: {} },
  });
  const rendered = RenderedConfigs.of(app);
  expect(rendered.configs.map((c) => [c.kind, c.key, c.secretName, c.fileName, c.constructPath])).toEqual([
    ['Prometheus', 'monitoring/main', 'prometheus-main', 'prometheus-config/monitoring/prometheus-main.yaml', 'c/main/Resource'],
    ['PrometheusAgent', 'monitoring/main', 'prom-agent-main', 'prometheus-config/monitoring/prom-agent-main.yaml', 'c/agent'],
  ]);
  expect(rendered.find('monitoring/main', 'PrometheusAgent')).toBe(rendered.configs[1]);
  expect(rendered.writeTo(dir)).toEqual(rendered.configs.map((c) => c.fileName));
  expect(listFiles(dir)).toEqual(['prometheus-config/monitoring/prom-agent-main.yaml', 'prometheus-config/monitoring/prometheus-main.yaml']);
});

test('forPrometheus of a Prometheus from another app: the error names it and lists what was rendered', () => {
  const app = Testing.app();
  new Prometheus(new Chart(app, 'c'), 'main', { namespace: 'monitoring' });
  const other = new Prometheus(new Chart(Testing.app(), 'x'), 'other', { namespace: 'monitoring' });
  expect(() => RenderedConfigs.of(app).forPrometheus(other)).toThrow(
    'x/other: prometheus: the app has no Prometheus monitoring/other to render (rendered: Prometheus monitoring/main). Render from the app the Prometheus belongs to.');
});

test('objects the Prometheus rejects show in its warnings, as the operator would log them', () => {
  const app = Testing.app();
  const chart = new Chart(app, 'c');
  new Prometheus(chart, 'main', { namespace: 'monitoring', serviceMonitorSelector: Selector.all() });
  new ApiObject(chart, 'monitor', {
    apiVersion: 'monitoring.coreos.com/v1',
    kind: 'ServiceMonitor',
    metadata: { name: 'bad', namespace: 'monitoring' },
    spec: { selector: {}, endpoints: [{ port: 'web', basicAuth: { username: { name: 'missing', key: 'user' }, password: { name: 'missing', key: 'password' } } }] },
  });
  const [config] = RenderedConfigs.of(app).configs;
  expect(config.selected).toEqual([]);
  expect(config.warnings).toEqual([expect.stringMatching(/^ServiceMonitor monitoring\/bad rejected: .*missing/)]);
});
