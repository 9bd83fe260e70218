import { ApiObject, Chart, Lazy, Testing } from 'cdk8s';
import { Construct, IConstruct } from 'constructs';
import {
  AlertRuleGroup, Alertmanager, AlertmanagerConfig, Checks, FindingSeverity, MonitoredApp, PodMonitor, Probe, ProbeTargets, Prometheus,
  PrometheusOperator, PrometheusStack, Selector, ServiceMonitor,
} from '../../src';

const CHECKS_ID = 'cdk8s-prometheus-checks';

let stderr: jest.SpyInstance;
beforeEach(() => {
  stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
  delete process.env.CDK8S_PROMETHEUS_CHECKS;
});
afterEach(() => stderr.mockRestore());

function printed(): string {
  return stderr.mock.calls.map((c) => String(c[0])).join('');
}

/** The Checks constructs directly under the root of `scope`. */
function checksUnderRoot(scope: IConstruct): Checks[] {
  return scope.node.root.node.children.filter((c): c is Checks => c instanceof Checks);
}

/** A stack and a MonitoredApp it scrapes, wired correctly, in one namespace. */
function wiredApp(chart: Chart): { stack: PrometheusStack; web: MonitoredApp } {
  const stack = new PrometheusStack(chart, 'stack', { namespace: 'monitoring' });
  const web = new MonitoredApp(chart, 'web', { namespace: 'monitoring', image: 'example/web:1', prometheus: stack });
  return { stack, web };
}

describe('the library\'s constructs turn the checks on', () => {
  const builders: Array<[string, (scope: Construct) => unknown]> = [
    ['ServiceMonitor', (s) => new ServiceMonitor(s, 'x', { selector: Selector.matchLabels({ app: 'web' }), endpoints: [{ port: 'metrics' }] })],
    ['PodMonitor', (s) => new PodMonitor(s, 'x', { selector: Selector.matchLabels({ app: 'web' }), podMetricsEndpoints: [{ port: 'metrics' }] })],
    ['Probe', (s) => new Probe(s, 'x', { prober: { url: 'blackbox:9115' }, targets: ProbeTargets.staticTargets(['https://example.com']) })],
    ['MonitoredApp', (s) => new MonitoredApp(s, 'x', { image: 'example/web:1' })],
    ['Prometheus', (s) => new Prometheus(s, 'x', { namespace: 'monitoring' })],
    ['PrometheusStack', (s) => new PrometheusStack(s, 'x')],
    ['Alertmanager', (s) => new Alertmanager(s, 'x')],
    ['AlertmanagerConfig', (s) => new AlertmanagerConfig(s, 'x', { route: { receiver: 'r' }, receivers: [{ name: 'r' }] })],
    ['AlertRuleGroup', (s) => new AlertRuleGroup(s, 'x')],
    ['PrometheusOperator', (s) => new PrometheusOperator(s, 'x')],
  ];

  test.each(builders)('%s adds the app\'s Checks at its root', (_kind, build) => {
    const chart = Testing.chart();
    expect(checksUnderRoot(chart)).toEqual([]);
    build(chart);
    const checks = checksUnderRoot(chart);
    expect(checks).toHaveLength(1);
    expect(checks[0].node.path).toBe(CHECKS_ID);
    expect(Checks.of(chart)).toBe(checks[0]);
  });

  test('a mistake fails synth with no Checks.enable call', () => {
    const chart = Testing.chart();
    const { stack, web } = wiredApp(chart);
    new ServiceMonitor(chart, 'wrong-port', {
      metadata: { namespace: 'monitoring' },
      prometheus: stack,
      selector: Selector.matchLabels(web.podSelectorLabels),
      endpoints: [{ port: 'metric' }],
    });
    expect(() => Testing.synth(chart)).toThrow(
      /\[cdk8s-prometheus-checks\] \[PORT-SERVICE-PORT-NAME\] ERROR ServiceMonitor monitoring\/\S+ \(test\/wrong-port\/Resource\) spec\.endpoints\[0\]\.port: "metric" is not a port name/,
    );
  });

  test('a correctly wired app synthesizes, and an acknowledged error does not fail synth', () => {
    const chart = Testing.chart();
    const { stack } = wiredApp(chart);
    expect(Checks.of(chart).run().filter((f) => f.severity === FindingSeverity.ERROR)).toEqual([]);
    expect(() => Testing.synth(chart)).not.toThrow();
    const pm = stack.addPodMonitor('workers', { selector: Selector.matchLabels({ app: 'worker' }), podMetricsEndpoints: [{ port: 'metrics' }] });
    expect(() => Testing.synth(chart)).toThrow('[WIRE-NO-MATCHING-TARGET-OBJECT] ERROR PodMonitor');
    Checks.acknowledge(pm, 'WIRE-NO-MATCHING-TARGET-OBJECT', 'the workers are deployed by another app');
    expect(() => Testing.synth(chart)).not.toThrow();
    expect(printed()).toContain('Acknowledged: the workers are deployed by another app.');
  });

  test('one Checks per app, however many constructs and charts', () => {
    const app = Testing.app();
    const a = new Chart(app, 'a', { namespace: 'monitoring' });
    const b = new Chart(app, 'b', { namespace: 'apps' });
    const { stack } = wiredApp(a);
    stack.addRuleGroup('rules').addAlert({ alert: 'Down', expr: 'up == 0' });
    new MonitoredApp(b, 'shop', { image: 'example/shop:1', prometheus: stack, monitorNamespace: 'monitoring' });
    expect(checksUnderRoot(app)).toHaveLength(1);
    expect(app.node.findAll().filter((c) => c instanceof Checks)).toHaveLength(1);
    expect(() => app.synthYaml()).not.toThrow();
  });

  test('options given to Checks.enable after the constructs apply', () => {
    const chart = Testing.chart();
    const am = new Alertmanager(chart, 'am', { metadata: { namespace: 'monitoring' } });
    expect(Checks.of(chart).run().map((f) => f.id)).toContain('HA-EPHEMERAL-STORAGE');
    Checks.enable(chart, { printFindings: false });
    Testing.synth(chart);
    expect(printed()).toBe('');
    expect(am.node.root.node.tryFindChild(CHECKS_ID)).toBe(Checks.of(chart));
  });
});

describe('outside an App', () => {
  // cdk8s serializes ApiObjects only under an App (Testing.chart() has one): building the
  // constructs elsewhere works, and the checks sit at the root of the tree.
  test('a chart that is the root holds the checks', () => {
    const chart = new Chart(undefined as any, 'standalone', { namespace: 'monitoring' });
    const p = new Prometheus(chart, 'k8s');
    p.addMonitor('sm', { selector: Selector.matchLabels({ app: 'web' }), endpoints: [{ port: 'metrics' }] });
    expect(checksUnderRoot(chart).map((c) => c.node.path)).toEqual([`standalone/${CHECKS_ID}`]);
  });

  test('a plain root construct holds the checks', () => {
    const root = new Construct(undefined as any, '');
    const chart = new Chart(root, 'c', { namespace: 'monitoring' });
    new AlertRuleGroup(chart, 'rules').addAlert({ alert: 'Down', expr: 'up == 0' });
    new PrometheusStack(chart, 'stack');
    expect(checksUnderRoot(root).map((c) => c.node.path)).toEqual([CHECKS_ID]);
  });
});

describe('printing', () => {
  function appWithWarning(): Chart {
    const chart = Testing.chart();
    new Alertmanager(chart, 'am', { metadata: { namespace: 'monitoring' } });
    return chart;
  }

  test('warnings are printed by default', () => {
    Testing.synth(appWithWarning());
    expect(printed()).toMatch(/^cdk8s-prometheus checks: 0 error\(s\), 1 warning\(s\), 0 note\(s\), 0 acknowledged\n {2}\[HA-EPHEMERAL-STORAGE\] WARN Alertmanager monitoring\/test-am-\w+ \(test\/am\/Resource\) spec\.storage: unset/);
  });

  test('CDK8S_PROMETHEUS_CHECKS=silent prints nothing; errors still fail synth', () => {
    process.env.CDK8S_PROMETHEUS_CHECKS = 'silent';
    Testing.synth(appWithWarning());
    expect(printed()).toBe('');
    const chart = Testing.chart();
    new Prometheus(chart, 'k8s', { namespace: 'monitoring' }).addMonitor('sm', { selector: Selector.matchLabels({ app: 'web' }), endpoints: [{ port: 'metrics' }] });
    expect(() => Testing.synth(chart)).toThrow('[WIRE-NO-MATCHING-TARGET-OBJECT] ERROR ServiceMonitor');
    expect(printed()).toBe('');
  });

  test('printFindings given to Checks.enable wins over the environment', () => {
    process.env.CDK8S_PROMETHEUS_CHECKS = 'silent';
    const chart = appWithWarning();
    Checks.enable(chart, { printFindings: true });
    Testing.synth(chart);
    expect(printed()).toContain('[HA-EPHEMERAL-STORAGE] WARN');
  });

  test('an unknown CDK8S_PROMETHEUS_CHECKS value fails synth, saying what is allowed', () => {
    process.env.CDK8S_PROMETHEUS_CHECKS = 'quiet';
    expect(() => Testing.synth(appWithWarning())).toThrow(
      '[cdk8s-prometheus-checks] the checks cannot run: cdk8s-prometheus-checks: CDK8S_PROMETHEUS_CHECKS: "quiet" is not a setting. '
      + 'Set it to "silent" to print no findings (errors still fail synth), or unset it.',
    );
  });
});

test('an object that cannot be serialized stops the checks with an error listed beside the other constructs\' errors', () => {
  const chart = Testing.chart();
  new Alertmanager(chart, 'am', { metadata: { namespace: 'monitoring' } });
  new ApiObject(chart, 'broken', {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: 'broken', namespace: 'monitoring' },
    data: Lazy.any({ produce: () => { throw new Error('no data'); } }),
  });
  chart.node.addValidation({ validate: () => ['another construct\'s error'] });
  expect(() => Testing.synth(chart)).toThrow('Validation failed with the following errors:\n'
    + '  [test] another construct\'s error\n'
    + '  [cdk8s-prometheus-checks] the checks cannot run: Failed serializing construct at path \'test/broken\' with name \'broken\': Error: no data');
});
