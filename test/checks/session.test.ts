import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ApiObject, App, Chart } from 'cdk8s';
import { parseAllDocuments } from 'yaml';
import { Checks, MonitoredApp, Prometheus, Selector, ServiceMonitor } from '../../src';
import { runChecks } from '../../src/resolver/checks/run';
import { KubeObject } from '../../src/resolver/types';
import { RenderedConfigs } from '../../src/synth';
import { buildMultiChartApp, countRenders } from '../synth/multi-chart-app';

const CHECKS_ID = 'cdk8s-prometheus-checks';
const RBAC_KINDS = ['Role', 'RoleBinding', 'ClusterRole', 'ClusterRoleBinding'];

let dir: string;
let stderr: jest.SpyInstance;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'checks-session-'));
  stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
  delete process.env.CDK8S_PROMETHEUS_CHECKS;
});
afterEach(() => {
  stderr.mockRestore();
  fs.rmSync(dir, { recursive: true, force: true });
});

function printed(): string {
  return stderr.mock.calls.map((c) => String(c[0])).join('');
}

/** The objects of the manifests written to `outdir`. */
function writtenObjects(outdir: string): KubeObject[] {
  return fs.readdirSync(outdir).filter((f) => f.endsWith('.k8s.yaml')).sort()
    .flatMap((f) => parseAllDocuments(fs.readFileSync(path.join(outdir, f), 'utf8')).map((d) => d.toJS() as KubeObject));
}

describe('the checks read the app once the Prometheus RBAC has created its Roles', () => {
  const syntheses: Array<[string, (app: App) => void]> = [
    ['RenderedConfigs.synth (a synthesis session)', (app) => RenderedConfigs.synth(app)],
    ['app.synth()', (app) => app.synth()],
  ];

  test.each(syntheses)('%s of a new app: a Prometheus before and one after the checks in tree order', (_name, synth) => {
    const app = new App({ outdir: path.join(dir, 'out') });
    buildMultiChartApp(app, 3);
    Checks.enable(app, { printFindings: true });
    const order = app.node.children.map((c) => c.node.id);
    expect(order.indexOf('monitoring')).toBeLessThan(order.indexOf(CHECKS_ID));
    expect(order.indexOf(CHECKS_ID)).toBeLessThan(order.indexOf('audit'));

    synth(app);
    // What the checks found at synth is what they find over the app as written (its Roles included).
    expect(printed()).toBe(`${Checks.of(app).report()}\n`);
    expect(printed()).toMatch(/^cdk8s-prometheus checks: 0 error\(s\), 1 warning\(s\).*\n {2}\[HA-EPHEMERAL-STORAGE\][^\n]*\n$/);

    // Read without the Roles and bindings the RBAC creates at synth, both Prometheus would be reported.
    const written = writtenObjects(app.outdir);
    expect(written.filter((o) => o.kind === 'Role')).toHaveLength(2 * 4);
    const rbacFindings = (objects: KubeObject[]) => runChecks(objects).filter((f) => f.id === 'RBAC-DISCOVERY').map((f) => `${f.namespace}/${f.name}`);
    expect(rbacFindings(written)).toEqual([]);
    expect(rbacFindings(written.filter((o) => !RBAC_KINDS.includes(o.kind)))).toEqual(['audit/audit', 'monitoring/main']);
  });
});

describe('the checks share the reading of the other validators', () => {
  test('one rendering of each object per validation pass: the checks, the RBAC plans and the default namespace selectors', () => {
    const app = new App({ outdir: path.join(dir, 'out') });
    const chart = new Chart(app, 'all', { namespace: 'monitoring' });
    const first = new Prometheus(chart, 'first', { serviceMonitorSelector: Selector.all() });
    const web = new MonitoredApp(chart, 'web', { namespace: 'apps', image: 'example/web:1', prometheus: first });
    new Prometheus(chart, 'second', { serviceMonitorSelector: Selector.all() });
    const counter = countRenders(ApiObject.of(web.serviceMonitor!));
    Checks.enable(app, { printFindings: false });
    // synthYaml: one validation pass for the app and one for the chart (one rendering each, shared by the
    // checks, both RBAC plans and both Prometheus's namespace selectors), then the chart's objects for
    // output: the monitor, and each Prometheus working out its namespace selectors from one reading.
    app.synthYaml();
    expect(counter.count).toBe(2 + 1 + 2);
  });

  test('an acknowledgement added between two syntheses is seen by the second', () => {
    const app = new App({ outdir: path.join(dir, 'out') });
    const { apps, stack } = buildMultiChartApp(app, 2);
    Checks.enable(app, { printFindings: false });
    const wrong = new ServiceMonitor(apps[1], 'wrong-port', {
      metadata: { namespace: 'team-1' }, prometheus: stack, selector: Selector.matchLabels(apps[1].podSelectorLabels), endpoints: [{ port: 'metric' }],
    });
    expect(() => RenderedConfigs.synth(app)).toThrow('[PORT-SERVICE-PORT-NAME] ERROR ServiceMonitor team-1/');
    Checks.acknowledge(wrong, 'PORT-SERVICE-PORT-NAME', 'the port is added by a mutating webhook');
    expect(() => RenderedConfigs.synth(app)).not.toThrow();
    expect(Checks.of(app).run().find((f) => f.id === 'PORT-SERVICE-PORT-NAME')?.acknowledgement).toBe('the port is added by a mutating webhook');
  });
});
