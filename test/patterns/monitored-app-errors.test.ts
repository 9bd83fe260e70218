import { Duration, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { MonitoredApp, MonitoredAppProps, RelabelAction } from '../../src';
import { ValidationError } from '../../src/common/errors';
import { validationError } from '../common/validation-error';

const deploymentWithPort = (scope: Construct, portName: string) => new kplus.Deployment(scope, 'deploy', {
  metadata: { namespace: 'apps' },
  containers: [{ image: 'x:1', ports: [{ number: 8080, name: portName }] }],
});

/** Each case: props (or a function of the chart returning them), the field and what the message says is allowed. */
const CASES: Array<[string, (scope: Construct) => MonitoredAppProps, string, RegExp]> = [
  ['neither image nor workload', () => ({}), 'image', /Give the image to run, or an existing Deployment, StatefulSet or DaemonSet as workload/],
  ['name that is not a DNS-1035 label', () => ({ image: 'x', name: 'Shop_API' }), 'name', /Use at most 63 lowercase letters, digits or '-', starting with a letter/],
  ['container port name too long', () => ({ image: 'x', containerPortName: 'prometheus-metrics' }), 'containerPortName', /at most 15 lowercase letters/],
  ['Service port name with capitals', () => ({ image: 'x', servicePortName: 'Metrics' }), 'servicePortName', /a DNS-1035 label/],
  ['container port 0', () => ({ image: 'x', containerPort: 0 }), 'containerPort', /Use an integer from 1 to 65535/],
  ['Service port above 65535', () => ({ image: 'x', servicePort: 70000 }), 'servicePort', /Use an integer from 1 to 65535/],
  ['fractional replicas', () => ({ image: 'x', replicas: 1.5 }), 'replicas', /Use a whole number of at least 0/],
  ['metrics path without leading slash', () => ({ image: 'x', path: 'metrics' }), 'path', /Use a path starting with "\/"/],
  ['scrapeTimeout longer than interval', () => ({ image: 'x', interval: Duration.seconds(10), scrapeTimeout: Duration.seconds(30) }), 'scrapeTimeout', /at most as long as interval/],
  ['invalid app label', () => ({ image: 'x', labels: { app: 'a b' } }), 'labels.app', /Use at most 63 alphanumerics/],
  ['invalid monitor label key', () => ({ image: 'x', monitorLabels: { 'bad key': 'x' } }), 'monitorLabels.bad key', /Use an optional DNS prefix/],
  ['relabeling without targetLabel', () => ({ image: 'x', relabelings: [{ sourceLabels: ['a'] }] }), 'relabelings[0].targetLabel', /Set targetLabel/],
  ['metric relabeling with a bad regex', () => ({ image: 'x', metricRelabelings: [{ action: RelabelAction.DROP, sourceLabels: ['__name__'], regex: '(' }] }),
    'metricRelabelings[0].regex', /Use RE2 syntax/],
  ['monitor in another namespace while the app namespace is unknown', () => ({ image: 'x', monitorNamespace: 'monitoring' }), 'namespace',
    /Set namespace \(or the chart's namespace\)/],
  ['workload without the metrics port', (s) => ({ workload: deploymentWithPort(s, 'http') }), 'containerPortName',
    /no container of test\/deploy declares a port named "metrics" \(declared: http\)\. Name the metrics port on the container and pass that name/],
  ['image together with a workload', (s) => ({ workload: deploymentWithPort(s, 'metrics'), image: 'y' }), 'image', /Configure image on the workload instead/],
  ['replicas together with a workload', (s) => ({ workload: deploymentWithPort(s, 'metrics'), replicas: 2 }), 'replicas', /Configure replicas on the workload instead/],
  ['namespace other than the workload\'s', (s) => ({ workload: deploymentWithPort(s, 'metrics'), namespace: 'other' }), 'namespace',
    /Leave namespace unset or use the workload's/],
  ['a Job as workload', (s) => ({ workload: new kplus.Job(s, 'job', { containers: [{ image: 'x', ports: [{ number: 1, name: 'metrics' }] }] }) }), 'workload',
    /Use a cdk8s-plus Deployment, StatefulSet or DaemonSet/],
  ['a workload that selects its pods by no label', (s) => ({
    workload: new kplus.Deployment(s, 'deploy', { select: false, containers: [{ image: 'x', ports: [{ number: 1, name: 'metrics' }] }] }),
  }), 'workload', /Use a workload that selects its pods by labels/],
];

describe('MonitoredApp rejects bad input with the construct path, the field and what is allowed', () => {
  test.each(CASES)('%s', (_name, props, field, allowed) => {
    const chart = Testing.chart();
    const error = validationError(() => new MonitoredApp(chart, 'app', props(chart)));
    expect(error.message.startsWith(`test/app: ${field}: `)).toBe(true);
    expect(error.field).toBe(field);
    expect(error.message).toMatch(allowed);
  });

  test('a construct id that is not a valid name says to set name', () => {
    expect(() => new MonitoredApp(Testing.chart(), 'MyApp', { image: 'x' })).toThrow(/^test\/MyApp: name: "MyApp" is not a valid Service name\..*\(the construct id is used when name is not set\)/);
  });

  test.each(CASES)('%s creates no Deployment, Service or monitor', (_name, props) => {
    const chart = Testing.chart();
    expect(() => new MonitoredApp(chart, 'app', props(chart))).toThrow(ValidationError);
    const app = chart.node.tryFindChild('app');
    expect(app?.node.children.map((c) => c.node.id) ?? []).toEqual([]);
  });
});

test('runAsUser must not be root', () => {
  const chart = Testing.chart();
  expect(() => new MonitoredApp(chart, 'app', { image: 'example/app:1', runAsUser: 0 }))
    .toThrow('test/app: runAsUser: 0 is not allowed: the container must not run as root. Use a positive whole user ID such as 65534.');
});
