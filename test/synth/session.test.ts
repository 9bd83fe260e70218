import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ApiObject, App, Chart, JsonPatch } from 'cdk8s';
import { buildMultiChartApp, countRenders } from './multi-chart-app';
import { MonitoredApp, Selector, ServiceMonitor } from '../../src';
import { AppObjects } from '../../src/prometheus/app-objects';
import { RenderedConfigs } from '../../src/synth';

let dir: string;
let stderr: jest.SpyInstance;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'synth-session-'));
  stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
  delete process.env.CDK8S_PROMETHEUS_CHECKS;
});
afterEach(() => {
  stderr.mockRestore();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** What the checks printed since the last call. */
function takePrinted(): string {
  const text = stderr.mock.calls.map((c) => String(c[0])).join('');
  stderr.mockClear();
  return text;
}

/** Every file under `root` with its text, by path relative to `root`. */
function files(root: string): Record<string, string> {
  return Object.fromEntries(fs.readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name))
    .sort()
    .map((f) => [path.relative(root, f), fs.readFileSync(f, 'utf8')]));
}

/** The steps of RenderedConfigs.synth without its synthesis session: every validation pass reads the app afresh. */
function synthWithoutSession(app: App): RenderedConfigs {
  const configs = RenderedConfigs.of(app);
  app.synth();
  configs.writeTo(app.outdir);
  return configs;
}

/** The outcome of a synthesis: files written, configurations, printed findings, or the error. */
function outcome(app: App, synth: (app: App) => RenderedConfigs) {
  takePrinted();
  try {
    const configs = synth(app).configs;
    return { files: files(app.outdir), configs, printed: takePrinted() };
  } catch (e) {
    return { error: (e as Error).message, written: fs.existsSync(app.outdir) ? files(app.outdir) : {}, printed: takePrinted() };
  }
}

/** An app in its own output directory under the test's folder. */
function newApp(name: string): App {
  return new App({ outdir: path.join(dir, name) });
}

describe('RenderedConfigs.synth gives what the same steps give without a session', () => {
  test.each([1, 6])('%i team chart(s): the same manifests, configurations and printed findings', (teams) => {
    const withSession = newApp('session');
    buildMultiChartApp(withSession, teams);
    const without = newApp('plain');
    buildMultiChartApp(without, teams);
    const a = outcome(withSession, (app) => RenderedConfigs.synth(app));
    const b = outcome(without, synthWithoutSession);
    expect(a).toEqual(b);
    expect(a.printed).toMatch(/^cdk8s-prometheus checks: 0 error\(s\), 1 warning\(s\), 0 note\(s\), 0 acknowledged\n {2}\[HA-EPHEMERAL-STORAGE\] WARN Alertmanager audit\//);
    // The RBAC each Prometheus gets at synth is written, beside two configurations.
    const manifests = Object.entries(a.files!).filter(([f]) => f.endsWith('.k8s.yaml')).map(([, text]) => text).join('\n');
    expect(manifests.match(/^kind: Role$/gm)).toHaveLength(2 * (teams + 1));
    expect(a.configs!.map((c) => c.key)).toEqual(['audit/audit', 'monitoring/main']);
    expect(a.configs![0].selected).toHaveLength(teams);
  });

  test('a check error fails synth with the same message; nothing is written', () => {
    const build = (app: App) => {
      const { apps, stack } = buildMultiChartApp(app, 4);
      new ServiceMonitor(apps[2], 'wrong-port', {
        metadata: { namespace: 'team-2' }, prometheus: stack, selector: Selector.matchLabels(apps[2].podSelectorLabels), endpoints: [{ port: 'metric' }],
      });
      return app;
    };
    const a = outcome(build(newApp('session')), (app) => RenderedConfigs.synth(app));
    const b = outcome(build(newApp('plain')), synthWithoutSession);
    expect(a.error).toMatch(/\[PORT-SERVICE-PORT-NAME\] ERROR ServiceMonitor team-2\/\S+ \(team-2\/web\/wrong-port\/Resource\)/);
    expect(a).toEqual(b);
    // cdk8s creates the output directory before validating; no manifest or configuration is written.
    expect(a.written).toEqual({});
  });
});

describe('one reading of the app per RenderedConfigs.synth', () => {
  test.each([2, 12])('%i team charts: one reading; each monitor rendered once by it and once by cdk8s for output', (teams) => {
    const app = newApp('app');
    const { monitors } = buildMultiChartApp(app, teams);
    const counters = monitors.map(countRenders);
    const before = AppObjects.readings;
    RenderedConfigs.synth(app);
    expect(AppObjects.readings - before).toBe(1);
    expect(counters.map((c) => c.count)).toEqual(monitors.map(() => 2));
    // A second synthesis reads the app once more.
    RenderedConfigs.synth(app);
    expect(AppObjects.readings - before).toBe(2);
    expect(counters.map((c) => c.count)).toEqual(monitors.map(() => 4));
  });

  test('without a session each validation pass reads the app: readings grow with the charts', () => {
    const readingsOf = (teams: number) => {
      const app = newApp(`plain-${teams}`);
      const { monitors } = buildMultiChartApp(app, teams);
      const counter = countRenders(monitors[0]);
      const before = AppObjects.readings;
      app.synth();
      return { readings: AppObjects.readings - before, renders: counter.count };
    };
    const small = readingsOf(2);
    const large = readingsOf(12);
    // app.synth() validates once, then once per chart (2 + teams charts): one reading each at least.
    expect(small.readings).toBeGreaterThanOrEqual(1 + 4);
    expect(large.readings).toBeGreaterThanOrEqual(1 + 14);
    expect(large.renders).toBeGreaterThan(small.renders);
  });
});

describe('a session never outlives RenderedConfigs.synth', () => {
  /** Changes made to the app between two syntheses: a new team chart, a JSON patch narrowing the audit Prometheus to team-1. */
  function change(app: App, parts: ReturnType<typeof buildMultiChartApp>): void {
    new MonitoredApp(new Chart(app, 'team-new', { namespace: 'team-new' }), 'web', { namespace: 'team-new', image: 'example/web:1', prometheus: parts.stack });
    ApiObject.of(parts.apps[1].serviceMonitor!).metadata.addLabel('audited', 'yes');
    parts.auditor.resource.addJsonPatch(JsonPatch.replace('/spec/serviceMonitorSelector', { matchLabels: { audited: 'yes' } }));
  }

  test('changes made after a synthesis are in the next one, as in an app built with them', () => {
    const app = newApp('app');
    const parts = buildMultiChartApp(app, 3);
    const first = outcome(app, (a) => RenderedConfigs.synth(a));
    change(app, parts);
    const second = outcome(app, (a) => RenderedConfigs.synth(a));

    const fresh = newApp('fresh');
    change(fresh, buildMultiChartApp(fresh, 3));
    expect(second).toEqual(outcome(fresh, synthWithoutSession));
    expect(second.files).not.toEqual(first.files);
    const audit = second.configs!.find((c) => c.key === 'audit/audit')!;
    expect(audit.selected).toEqual([expect.stringMatching(/^ServiceMonitor team-1\//)]);
    const monitoringManifests = Object.entries(second.files!).find(([f]) => f.endsWith('monitoring.k8s.yaml'))![1];
    expect(monitoringManifests).toMatch(/^kind: Role\nmetadata:\n {2}name: prometheus-monitoring-main\n {2}namespace: team-new$/m);
    expect(first.files!['prometheus-config/monitoring/prometheus-main.yaml']).not.toContain('team-new');
    expect(second.files!['prometheus-config/monitoring/prometheus-main.yaml']).toContain('job_name: serviceMonitor/team-new/');
  });

  test('a synthesis that fails ends its session: the fix is seen by the next one', () => {
    const app = newApp('app');
    const parts = buildMultiChartApp(app, 2);
    const wrong = new ServiceMonitor(parts.apps[0], 'wrong-port', {
      metadata: { namespace: 'team-0' }, prometheus: parts.stack, selector: Selector.matchLabels(parts.apps[0].podSelectorLabels), endpoints: [{ port: 'metric' }],
    });
    expect(() => RenderedConfigs.synth(app)).toThrow('[PORT-SERVICE-PORT-NAME] ERROR');
    ApiObject.of(wrong).addJsonPatch(JsonPatch.replace('/spec/endpoints/0/port', 'metrics'));
    expect(() => RenderedConfigs.synth(app)).not.toThrow();
    expect(RenderedConfigs.of(app).find('monitoring/main')!.selected).toHaveLength(3);
  });
});
