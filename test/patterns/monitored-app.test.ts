import { Chart, Duration, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { expectWired } from './wiring';
import { MonitoredApp, MonitorKind, RelabelAction } from '../../src';
import { FakeSelectingPrometheus } from '../monitors/fake-prometheus';
import { expectValidAgainstCrds } from '../support/crd-schema';

// The tests build partial apps on purpose: the checks' warnings about them are not printed (errors still fail synth).
process.env.CDK8S_PROMETHEUS_CHECKS = 'silent';

function synth(chart: Chart): any[] {
  const objects = Testing.synth(chart);
  expect(expectValidAgainstCrds(objects)).toBe(1);
  return objects;
}
const byKind = (objects: any[], kind: string) => objects.filter((o) => o.kind === kind);

describe('MonitoredApp defaults', () => {
  const chart = Testing.chart();
  const app = new MonitoredApp(chart, 'shop', { image: 'registry.example/shop:1.2.3', namespace: 'shop' });
  const objects = synth(chart);
  const [deployment] = byKind(objects, 'Deployment');
  const [service] = byKind(objects, 'Service');
  const [monitor] = byKind(objects, 'ServiceMonitor');
  const container = deployment.spec.template.spec.containers[0];

  test('one Deployment, Service and ServiceMonitor, all named after the id', () => {
    expect(objects.map((o) => `${o.kind} ${o.metadata.namespace}/${o.metadata.name}`)).toEqual([
      'Deployment shop/shop', 'Service shop/shop', 'ServiceMonitor shop/shop',
    ]);
    expect(objects).toMatchSnapshot();
  });

  test('the container: port metrics 8080, TCP readiness, bounded resources, hardened', () => {
    expect(deployment.spec.replicas).toBe(1);
    expect(container.ports).toEqual([{ containerPort: 8080, name: 'metrics' }]);
    expect(container.readinessProbe.tcpSocket).toEqual({ port: 8080 });
    expect(container.livenessProbe).toBeUndefined();
    expect(container.resources).toEqual({ requests: { cpu: '50m', memory: '64Mi' }, limits: { cpu: '500m', memory: '256Mi' } });
    expect(container.securityContext).toEqual({
      allowPrivilegeEscalation: false,
      capabilities: { drop: ['ALL'] },
      privileged: false,
      readOnlyRootFilesystem: true,
      runAsNonRoot: true,
      runAsUser: 65534,
      runAsGroup: 65534,
      seccompProfile: { type: 'RuntimeDefault' },
    });
    expect(deployment.spec.template.spec.securityContext.runAsNonRoot).toBe(true);
    expect(deployment.spec.template.spec.automountServiceAccountToken).toBe(false);
  });

  test('wiring: Service labels = monitor selector, monitor port = Service port name, targetPort = container port name', () => {
    expect(service.metadata.labels).toEqual({ app: 'shop' });
    expect(monitor.spec.selector).toEqual({ matchLabels: service.metadata.labels });
    expect(service.spec.ports).toEqual([{ name: 'metrics', port: 8080, targetPort: 'metrics' }]);
    expect(service.spec.ports.map((p: any) => p.name)).toContain(monitor.spec.endpoints[0].port);
    expect(container.ports.map((p: any) => p.name)).toContain(service.spec.ports[0].targetPort);
    expect(service.spec.selector).toEqual({ app: 'shop' });
    expect(deployment.spec.selector).toEqual({ matchLabels: { app: 'shop' } });
    expect(deployment.spec.template.metadata.labels).toMatchObject(service.spec.selector);
    expect(monitor.spec.endpoints).toEqual([{ port: 'metrics', path: '/metrics' }]);
    expect(monitor.spec.namespaceSelector).toBeUndefined();
    expect(expectWired(objects)).toHaveLength(1);
  });

  test('every object is reachable as a property', () => {
    expect(app.name).toBe('shop');
    expect(app.namespace).toBe('shop');
    expect(app.workload).toBeInstanceOf(kplus.Deployment);
    expect(app.container.ports).toEqual([{ number: 8080, name: 'metrics' }]);
    expect(app.service).toBeInstanceOf(kplus.Service);
    expect(app.serviceMonitor?.portNames).toEqual(['metrics']);
    expect(app.podMonitor).toBeUndefined();
    expect(app.podSelectorLabels).toEqual({ app: 'shop' });
  });
});

describe('MonitoredApp options', () => {
  test('monitor in another namespace with Prometheus labels: namespaceSelector names the app namespace', () => {
    const chart = Testing.chart();
    const prometheus = new FakeSelectingPrometheus(chart, 'prom', { prometheus: 'main' });
    new MonitoredApp(chart, 'api', {
      image: 'api:1',
      namespace: 'apps',
      monitorNamespace: 'monitoring',
      monitorLabels: { team: 'core' },
      prometheus,
      interval: Duration.seconds(15),
      scrapeTimeout: Duration.seconds(5),
      path: '/internal/metrics',
      metricRelabelings: [{ action: RelabelAction.DROP, sourceLabels: ['__name__'], regex: 'go_.*' }],
    });
    const objects = synth(chart);
    const [monitor] = byKind(objects, 'ServiceMonitor');
    expect(monitor.metadata).toEqual({ name: 'api', namespace: 'monitoring', labels: { prometheus: 'main', team: 'core' } });
    expect(monitor.spec.namespaceSelector).toEqual({ matchNames: ['apps'] });
    expect(monitor.spec.endpoints[0]).toMatchObject({ port: 'metrics', path: '/internal/metrics', interval: '15s', scrapeTimeout: '5s' });
    expect(expectWired(objects)[0].services.map((s) => `${s.metadata.namespace}/${s.metadata.name}`)).toEqual(['apps/api']);
  });

  test('PodMonitor kind: selects the pod labels and the container port name', () => {
    const chart = Testing.chart();
    const app = new MonitoredApp(chart, 'worker', {
      image: 'worker:2', namespace: 'jobs', replicas: 3, containerPort: 9100, containerPortName: 'http-metrics', monitorKind: MonitorKind.POD_MONITOR,
    });
    const objects = synth(chart);
    const [monitor] = byKind(objects, 'PodMonitor');
    const [deployment] = byKind(objects, 'Deployment');
    expect(byKind(objects, 'ServiceMonitor')).toEqual([]);
    expect(app.serviceMonitor).toBeUndefined();
    expect(app.podMonitor?.portNames).toEqual(['http-metrics']);
    expect(monitor.spec.selector).toEqual({ matchLabels: { app: 'worker' } });
    expect(deployment.spec.template.metadata.labels).toMatchObject(monitor.spec.selector.matchLabels);
    expect(monitor.spec.podMetricsEndpoints).toEqual([{ port: 'http-metrics', path: '/metrics' }]);
    expect(deployment.spec.replicas).toBe(3);
    expect(expectWired(objects)[0].workloads).toEqual([deployment]);
    expect(objects).toMatchSnapshot();
  });

  test('custom labels, ports and probes', () => {
    const chart = Testing.chart();
    new MonitoredApp(chart, 'web', {
      name: 'storefront',
      image: 'web:3',
      labels: { 'app.kubernetes.io/name': 'storefront' },
      containerPort: 3000,
      containerPortName: 'web',
      servicePort: 80,
      servicePortName: 'http',
      liveness: kplus.Probe.fromHttpGet('/healthz', { port: 3000 }),
      readiness: kplus.Probe.fromHttpGet('/ready', { port: 3000 }),
    });
    const objects = synth(chart);
    const [service] = byKind(objects, 'Service');
    const [monitor] = byKind(objects, 'ServiceMonitor');
    const container = byKind(objects, 'Deployment')[0].spec.template.spec.containers[0];
    expect(service.metadata).toEqual({ name: 'storefront', labels: { 'app.kubernetes.io/name': 'storefront' } });
    expect(service.spec.ports).toEqual([{ name: 'http', port: 80, targetPort: 'web' }]);
    expect(monitor.spec.selector.matchLabels).toEqual({ 'app.kubernetes.io/name': 'storefront' });
    expect(monitor.spec.endpoints[0].port).toBe('http');
    expect(container.livenessProbe.httpGet.path).toBe('/healthz');
    expect(container.readinessProbe.httpGet.path).toBe('/ready');
    expectWired(objects);
  });

  test('the chart namespace is the app namespace when none is given', () => {
    const chart = new Chart(Testing.app(), 'c', { namespace: 'team-a' });
    const app = new MonitoredApp(chart, 'svc', { image: 'svc:1', monitorNamespace: 'monitoring' });
    expect(app.namespace).toBe('team-a');
    const [monitor] = byKind(synth(chart), 'ServiceMonitor');
    expect(monitor.spec.namespaceSelector).toEqual({ matchNames: ['team-a'] });
  });
});

describe('MonitoredApp over an existing workload', () => {
  test('a Deployment that selects its pods itself: the Service and monitor follow its labels and named port', () => {
    const chart = Testing.chart();
    const deployment = new kplus.Deployment(chart, 'deploy', {
      metadata: { name: 'legacy', namespace: 'old' },
      containers: [{ name: 'app', image: 'legacy:1', ports: [{ number: 8080, name: 'http' }, { number: 9090, name: 'prom' }] }],
    });
    const app = new MonitoredApp(chart, 'legacy', { workload: deployment, containerPortName: 'prom' });
    const objects = synth(chart);
    const [service] = byKind(objects, 'Service');
    expect(app.workload).toBe(deployment);
    expect(app.namespace).toBe('old');
    expect(app.container.name).toBe('app');
    expect(service.spec.selector).toEqual(deployment.matchLabels);
    expect(service.spec.ports).toEqual([{ name: 'metrics', port: 9090, targetPort: 'prom' }]);
    expect(byKind(objects, 'Deployment')).toHaveLength(1);
    expect(expectWired(objects)[0].workloads.map((w) => w.metadata.name)).toEqual(['legacy']);
  });

  test('a StatefulSet', () => {
    const chart = Testing.chart();
    const sts = new kplus.StatefulSet(chart, 'sts', {
      metadata: { name: 'db', namespace: 'data' },
      containers: [{ image: 'db:1', ports: [{ number: 5432, name: 'sql' }, { number: 9187, name: 'metrics' }] }],
    });
    new MonitoredApp(chart, 'db', { workload: sts });
    const objects = synth(chart);
    const service = byKind(objects, 'Service').find((s) => s.metadata.name === 'db');
    expect(service.spec.ports).toEqual([{ name: 'metrics', port: 9187, targetPort: 'metrics' }]);
    expect(expectWired(objects)[0].workloads.map((w) => w.kind)).toEqual(['StatefulSet']);
  });

  test('a DaemonSet scraped by a PodMonitor', () => {
    const chart = Testing.chart();
    const ds = new kplus.DaemonSet(chart, 'ds', {
      metadata: { name: 'node-agent', namespace: 'kube-system' },
      containers: [{ image: 'agent:1', ports: [{ number: 9100, name: 'metrics' }] }],
    });
    const app = new MonitoredApp(chart, 'node-agent', { workload: ds, monitorKind: MonitorKind.POD_MONITOR, monitorNamespace: 'monitoring' });
    const objects = synth(chart);
    const [monitor] = byKind(objects, 'PodMonitor');
    expect(monitor.spec.selector.matchLabels).toEqual(ds.matchLabels);
    expect(monitor.spec.namespaceSelector).toEqual({ matchNames: ['kube-system'] });
    expect(app.podSelectorLabels).toEqual(ds.matchLabels);
    expect(expectWired(objects)[0].workloads.map((w) => w.kind)).toEqual(['DaemonSet']);
  });
});
