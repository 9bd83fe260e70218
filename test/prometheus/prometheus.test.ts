import { App, Chart, Duration, Size, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { expectValidMonitoringObjects, findObject, synthValid } from './support';
import {
  Checks, MonitorNamespaceSelector, NamespaceSelector, ProbeTargets, Prometheus, PrometheusStorage,
  SelectableKind, Selector, SelectorOperator, ServiceMonitor,
} from '../../src';
import { IAlertmanagerEndpoint } from '../../src/common/alertmanager-endpoint';

// The tests build partial apps on purpose: the checks' warnings about them are not printed (errors still fail synth).
process.env.CDK8S_PROMETHEUS_CHECKS = 'silent';

const synth = synthValid;
const find = findObject;

function alertmanager(chart: Chart, namespace: string, serviceName: string): IAlertmanagerEndpoint {
  const scope = new kplus.ConfigMap(chart, `am-${namespace}-${serviceName}`);
  return Object.assign(scope, { namespace, serviceName, portName: 'web' }) as unknown as IAlertmanagerEndpoint;
}

describe('Prometheus defaults', () => {
  test('the CR pins the operator\'s default version, runs restricted, keeps data on a PVC and selects by `prometheus: <name>`', () => {
    const chart = Testing.chart();
    new Prometheus(chart, 'k8s', { namespace: 'monitoring' });
    const prom = find(synth(chart), 'Prometheus');
    expect(Prometheus.DEFAULT_VERSION).toBe('v3.13.2');
    expect(prom.metadata).toEqual({ name: 'k8s', namespace: 'monitoring' });
    expect(prom.spec).toEqual({
      version: 'v3.13.2',
      image: 'quay.io/prometheus/prometheus:v3.13.2',
      replicas: 1,
      serviceAccountName: 'prometheus-k8s',
      securityContext: { runAsNonRoot: true, runAsUser: 1000, runAsGroup: 2000, fsGroup: 2000, seccompProfile: { type: 'RuntimeDefault' } },
      resources: { requests: { cpu: '100m', memory: '400Mi' } },
      storage: { volumeClaimTemplate: { spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '10Gi' } } } } },
      retentionSize: '8704MiB',
      scrapeInterval: '30s',
      evaluationInterval: '30s',
      serviceMonitorSelector: { matchLabels: { prometheus: 'k8s' } },
      podMonitorSelector: { matchLabels: { prometheus: 'k8s' } },
      probeSelector: { matchLabels: { prometheus: 'k8s' } },
      scrapeConfigSelector: { matchLabels: { prometheus: 'k8s' } },
      ruleSelector: { matchLabels: { prometheus: 'k8s' } },
    });
  });

  test('name from the construct id, namespace from the chart', () => {
    const chart = new Chart(Testing.app(), 'c', { namespace: 'obs' });
    const p = new Prometheus(chart, 'Main');
    expect([p.name, p.namespace, p.prometheusKey]).toEqual(['main', 'obs', 'obs/main']);
    expect(find(synth(chart), 'Prometheus').metadata).toEqual({ name: 'main', namespace: 'obs' });
  });

  test('a Service on port web 9090 selects the Prometheus pods; no PDB for one replica', () => {
    const chart = Testing.chart();
    const p = new Prometheus(chart, 'k8s', { namespace: 'monitoring' });
    const objects = synth(chart);
    expect(p.serviceName).toBe('prometheus-k8s');
    expect(p.portName).toBe('web');
    expect(find(objects, 'Service').spec).toEqual({
      selector: { 'app.kubernetes.io/name': 'prometheus', 'operator.prometheus.io/name': 'k8s' },
      ports: [{ name: 'web', port: 9090, targetPort: 'web', protocol: 'TCP' }],
    });
    expect(find(objects, 'PodDisruptionBudget')).toBeUndefined();
    expect(find(objects, 'NetworkPolicy')).toBeUndefined();
    expect(p.podDisruptionBudget).toBeUndefined();
  });

  test('snapshot of the default objects', () => {
    const chart = Testing.chart();
    new Prometheus(chart, 'k8s', { namespace: 'monitoring' });
    expect(synth(chart)).toMatchSnapshot();
  });
});

describe('Prometheus settings', () => {
  test('version, replicas, shards, retention, storage, resources, labels and intervals render as the operator reads them', () => {
    const chart = Testing.chart();
    new Prometheus(chart, 'p', {
      namespace: 'monitoring',
      version: '3.5.0',
      replicas: 2,
      shards: 3,
      retention: Duration.days(15),
      retentionSize: Size.gibibytes(40),
      storage: PrometheusStorage.persistentVolumeClaim({ size: Size.gibibytes(50), storageClassName: 'fast-ssd' }),
      resources: {
        cpu: { request: kplus.Cpu.millis(500), limit: kplus.Cpu.units(2) },
        memory: { request: Size.gibibytes(2), limit: Size.gibibytes(4) },
      },
      securityContext: { runAsUser: 65534, runAsGroup: 65534, fsGroup: 65534 },
      externalLabels: { cluster: 'eu-1' },
      scrapeInterval: Duration.seconds(15),
      scrapeTimeout: Duration.seconds(10),
      evaluationInterval: Duration.minutes(1),
    });
    const spec = find(synth(chart), 'Prometheus').spec;
    expect(spec).toMatchObject({
      version: 'v3.5.0',
      image: 'quay.io/prometheus/prometheus:v3.5.0',
      replicas: 2,
      shards: 3,
      retention: '15d',
      retentionSize: '40GiB',
      storage: { volumeClaimTemplate: { spec: { storageClassName: 'fast-ssd', resources: { requests: { storage: '50Gi' } } } } },
      resources: { requests: { cpu: '500m', memory: '2Gi' }, limits: { cpu: '2', memory: '4Gi' } },
      securityContext: { runAsNonRoot: true, runAsUser: 65534, runAsGroup: 65534, fsGroup: 65534, seccompProfile: { type: 'RuntimeDefault' } },
      externalLabels: { cluster: 'eu-1' },
      scrapeInterval: '15s',
      scrapeTimeout: '10s',
      evaluationInterval: '1m',
    });
  });

  test('emptyDir storage has no default retention size unless it has a size limit', () => {
    const chart = Testing.chart();
    new Prometheus(chart, 'a', { namespace: 'm', storage: PrometheusStorage.emptyDir() });
    new Prometheus(chart, 'b', { namespace: 'm', storage: PrometheusStorage.emptyDir({ sizeLimit: Size.gibibytes(2), medium: kplus.EmptyDirMedium.MEMORY }) });
    const [a, b] = synth(chart).filter((o) => o.kind === 'Prometheus');
    expect(a.spec.storage).toEqual({ emptyDir: {} });
    expect(a.spec.retentionSize).toBeUndefined();
    expect(b.spec.storage).toEqual({ emptyDir: { medium: 'Memory', sizeLimit: '2Gi' } });
    expect(b.spec.retentionSize).toBe('1740MiB');
  });

  test('two replicas get a PodDisruptionBudget allowing one pod down', () => {
    const chart = Testing.chart();
    const p = new Prometheus(chart, 'k8s', { namespace: 'monitoring', replicas: 2 });
    const pdb = find(synth(chart), 'PodDisruptionBudget');
    expect(p.podDisruptionBudget).toBeDefined();
    expect(pdb.metadata.name).toBe('prometheus-k8s');
    expect(pdb.spec).toEqual({ maxUnavailable: 1, selector: { matchLabels: p.podSelectorLabels } });
  });

  test('podDisruptionBudget: false leaves it out', () => {
    const chart = Testing.chart();
    new Prometheus(chart, 'k8s', { namespace: 'monitoring', replicas: 3, podDisruptionBudget: false });
    expect(find(synth(chart), 'PodDisruptionBudget')).toBeUndefined();
  });

  test('allowFrom creates an ingress-only NetworkPolicy: the peers and the Prometheus pods themselves', () => {
    const chart = Testing.chart();
    const grafana = kplus.Pods.select(chart, 'grafana', { labels: { app: 'grafana' } });
    const ingress = kplus.Namespaces.select(chart, 'ingress', { names: ['ingress-nginx'] });
    new Prometheus(chart, 'k8s', { namespace: 'monitoring', allowFrom: [grafana, ingress], thanos: {} });
    const np = find(synth(chart), 'NetworkPolicy');
    expect(np.metadata).toMatchObject({ name: 'prometheus-k8s', namespace: 'monitoring' });
    expect(np.spec.podSelector).toEqual({ matchLabels: { 'app.kubernetes.io/name': 'prometheus', 'operator.prometheus.io/name': 'k8s' } });
    expect(np.spec.policyTypes).toEqual(['Ingress']);
    const ports = (rule: any) => rule.ports.map((p: any) => p.port).sort();
    expect(np.spec.ingress).toHaveLength(3);
    expect(np.spec.ingress[0].from).toEqual([{ podSelector: { matchLabels: np.spec.podSelector.matchLabels } }]);
    expect(ports(np.spec.ingress[0])).toEqual([10901, 8080, 9090]);
    expect(np.spec.ingress[1].from).toEqual([{ podSelector: { matchLabels: { app: 'grafana' } } }]);
    expect(ports(np.spec.ingress[1])).toEqual([10901, 9090]);
    expect(np.spec.ingress[2].from).toEqual([{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'ingress-nginx' } }, podSelector: {} }]);
  });

  test('remote write with credentials by Secret reference only', () => {
    const chart = new Chart(Testing.app(), 'c', { namespace: 'monitoring' });
    const creds = new kplus.Secret(chart, 'creds', { metadata: { name: 'remote-creds' } });
    Checks.acknowledge(chart, 'AUTH-SECRET-MISSING', 'the test renders Secret references; the Secret is defined without its keys');
    const tls = kplus.Secret.fromSecretName(chart, 'tls', 'remote-tls');
    new Prometheus(chart, 'k8s', {
      remoteWrite: [
        {
          url: 'https://mimir.example.com/api/v1/push',
          name: 'mimir',
          remoteTimeout: Duration.seconds(20),
          headers: { 'X-Scope-OrgID': 'team-a' },
          basicAuth: { username: { secret: creds, key: 'user' }, password: { secret: creds, key: 'password' } },
          tls: { ca: { secret: tls, key: 'ca.crt' }, cert: { secret: tls, key: 'tls.crt' }, key: { secret: tls, key: 'tls.key' }, serverName: 'mimir' },
          queue: { maxShards: 20, minShards: 2, capacity: 5000, maxSamplesPerSend: 1000, batchSendDeadline: Duration.seconds(10) },
        },
        { url: 'http://thanos-receive:19291/api/v1/receive', bearerToken: { secret: creds, key: 'token' }, sendExemplars: true },
        {
          url: 'https://cortex.example.com/push',
          oauth2: { clientId: { secret: creds, key: 'id' }, clientSecret: { secret: creds, key: 'secret' }, tokenUrl: 'https://auth.example.com/token', scopes: ['write'] },
        },
      ],
    });
    const spec = find(synth(chart), 'Prometheus').spec;
    expect(spec.remoteWrite).toEqual([
      {
        url: 'https://mimir.example.com/api/v1/push',
        name: 'mimir',
        remoteTimeout: '20s',
        headers: { 'X-Scope-OrgID': 'team-a' },
        basicAuth: { username: { name: 'remote-creds', key: 'user' }, password: { name: 'remote-creds', key: 'password' } },
        tlsConfig: {
          ca: { secret: { name: 'remote-tls', key: 'ca.crt' } },
          cert: { secret: { name: 'remote-tls', key: 'tls.crt' } },
          keySecret: { name: 'remote-tls', key: 'tls.key' },
          serverName: 'mimir',
        },
        queueConfig: { capacity: 5000, minShards: 2, maxShards: 20, maxSamplesPerSend: 1000, batchSendDeadline: '10s' },
      },
      { url: 'http://thanos-receive:19291/api/v1/receive', authorization: { type: 'Bearer', credentials: { name: 'remote-creds', key: 'token' } }, sendExemplars: true },
      {
        url: 'https://cortex.example.com/push',
        oauth2: { clientId: { secret: { name: 'remote-creds', key: 'id' } }, clientSecret: { name: 'remote-creds', key: 'secret' }, tokenUrl: 'https://auth.example.com/token', scopes: ['write'] },
      },
    ]);
  });

  test('Thanos sidecar: pinned image, object storage config by Secret reference, grpc on the Service', () => {
    const chart = Testing.chart();
    const objstore = kplus.Secret.fromSecretName(chart, 'objstore', 'thanos-objstore');
    new Prometheus(chart, 'k8s', { namespace: 'monitoring', thanos: { objectStorageConfig: { secret: objstore, key: 'objstore.yml' } } });
    const objects = synth(chart);
    expect(find(objects, 'Prometheus').spec.thanos).toEqual({
      version: 'v0.42.4',
      image: 'quay.io/thanos/thanos:v0.42.4',
      objectStorageConfig: { name: 'thanos-objstore', key: 'objstore.yml' },
      resources: { requests: { cpu: '50m', memory: '64Mi' } },
    });
    expect(find(objects, 'Service').spec.ports).toEqual([
      { name: 'web', port: 9090, targetPort: 'web', protocol: 'TCP' },
      { name: 'grpc', port: 10901, targetPort: 'grpc', protocol: 'TCP' },
    ]);
  });

  test('scrape classes', () => {
    const chart = Testing.chart();
    new Prometheus(chart, 'k8s', {
      namespace: 'monitoring',
      scrapeClasses: [
        { name: 'istio-mtls', isDefault: true, tls: { caFile: '/etc/istio/root-cert.pem', certFile: '/etc/istio/cert-chain.pem', keyFile: '/etc/istio/key.pem' } },
        { name: 'with-node', attachNodeMetadata: true },
      ],
    });
    expect(find(synth(chart), 'Prometheus').spec.scrapeClasses).toEqual([
      { name: 'istio-mtls', default: true, tlsConfig: { caFile: '/etc/istio/root-cert.pem', certFile: '/etc/istio/cert-chain.pem', keyFile: '/etc/istio/key.pem' } },
      { name: 'with-node', attachMetadata: { node: true } },
    ]);
  });

  test('alerting points at each Alertmanager Service, API v2, including ones added later', () => {
    const chart = Testing.chart();
    const p = new Prometheus(chart, 'k8s', { namespace: 'monitoring', alerting: [alertmanager(chart, 'monitoring', 'alertmanager-main')] });
    p.addAlertmanager(alertmanager(chart, 'team-a', 'alertmanager'));
    Checks.acknowledge(p, 'AM-ALERTING-ENDPOINT', 'the Alertmanagers are stand-ins without a Service; the test renders the endpoints');
    expect(find(synth(chart), 'Prometheus').spec.alerting).toEqual({
      alertmanagers: [
        { namespace: 'monitoring', name: 'alertmanager-main', port: 'web', apiVersion: 'v2' },
        { namespace: 'team-a', name: 'alertmanager', port: 'web', apiVersion: 'v2' },
      ],
    });
  });
});

describe('Prometheus selection', () => {
  test('selectionLabels: matchLabels and single-valued In requirements; all() needs none', () => {
    const chart = Testing.chart();
    const p = new Prometheus(chart, 'example', {
      namespace: 'monitoring',
      serviceMonitorSelector: Selector.matchLabels({ release: 'prometheus' }),
      ruleSelector: Selector.of({ matchLabels: { role: 'alert-rules' }, matchExpressions: [{ key: 'prometheus', operator: SelectorOperator.IN, values: ['example'] }] }),
      podMonitorSelector: Selector.all(),
    });
    expect(p.selectionLabels(SelectableKind.SERVICE_MONITOR)).toEqual({ release: 'prometheus' });
    expect(p.selectionLabels(SelectableKind.PROMETHEUS_RULE)).toEqual({ role: 'alert-rules', prometheus: 'example' });
    expect(p.selectionLabels(SelectableKind.POD_MONITOR)).toEqual({});
    expect(p.selectionLabels(SelectableKind.PROBE)).toEqual({ prometheus: 'example' });
  });

  test('explicit namespace selectors render as chosen; none() omits the selector', () => {
    const chart = Testing.chart();
    new Prometheus(chart, 'k8s', {
      namespace: 'monitoring',
      serviceMonitorNamespaceSelector: NamespaceSelector.all(),
      podMonitorNamespaceSelector: NamespaceSelector.labeled({ monitoring: 'enabled' }),
      probeNamespaceSelector: NamespaceSelector.own(),
      ruleNamespaceSelector: NamespaceSelector.names('monitoring', 'apps'),
      scrapeConfigSelector: Selector.none(),
    });
    const spec = find(synth(chart), 'Prometheus').spec;
    expect(spec.serviceMonitorNamespaceSelector).toEqual({});
    expect(spec.podMonitorNamespaceSelector).toEqual({ matchLabels: { monitoring: 'enabled' } });
    expect(spec.probeNamespaceSelector).toBeUndefined();
    expect(spec.ruleNamespaceSelector).toEqual({ matchExpressions: [{ key: 'kubernetes.io/metadata.name', operator: 'In', values: ['monitoring', 'apps'] }] });
    expect(spec.scrapeConfigSelector).toBeUndefined();
    expect(spec.scrapeConfigNamespaceSelector).toBeUndefined();
  });

  test('the default namespace selector lists the namespaces where the app puts selected objects, added after the Prometheus too', () => {
    const app = Testing.app();
    const monitoring = new Chart(app, 'monitoring', { namespace: 'monitoring' });
    const p = new Prometheus(monitoring, 'k8s');
    const apps = new Chart(app, 'apps', { namespace: 'shop' });
    const own = p.addMonitor('own', { selector: Selector.matchLabels({ app: 'x' }), endpoints: [{ port: 'metrics' }] });
    Checks.acknowledge(own, 'WIRE-NO-MATCHING-TARGET-OBJECT', 'the test computes the namespace selector only; the app has no Service to scrape');
    p.addMonitor('shop', { metadata: { namespace: 'shop' }, selector: Selector.matchLabels({ app: 'y' }), endpoints: [{ port: 'metrics' }] });
    p.addRuleGroup('rules', { metadata: { namespace: 'payments' } }).addAlert({ alert: 'Down', expr: 'up == 0' });
    // Not selected (no prometheus label): does not widen the selector.
    const other = new ServiceMonitor(apps, 'other', { metadata: { namespace: 'elsewhere' }, selector: Selector.all(), endpoints: [{ port: 'metrics' }] });
    Checks.acknowledge(other, 'SEL-MONITOR-UNSELECTED', 'left unselected on purpose: it must not widen the selector');
    Checks.acknowledge(other, 'WIRE-NAMESPACE-MISMATCH', 'a stand-in monitor; only its namespace matters here');
    const spec = find(synth(monitoring), 'Prometheus').spec;
    expect(spec.serviceMonitorNamespaceSelector).toEqual({ matchExpressions: [{ key: 'kubernetes.io/metadata.name', operator: 'In', values: ['monitoring', 'shop'] }] });
    expect(spec.ruleNamespaceSelector).toEqual({ matchExpressions: [{ key: 'kubernetes.io/metadata.name', operator: 'In', values: ['monitoring', 'payments'] }] });
    expect(spec.podMonitorNamespaceSelector).toBeUndefined();
  });

  test('addMonitor, addPodMonitor, addProbe and addRuleGroup label the objects for this Prometheus, in its namespace', () => {
    const app = new App();
    const chart = new Chart(app, 'c');
    const p = new Prometheus(chart, 'k8s', { namespace: 'monitoring', serviceMonitorSelector: Selector.matchLabels({ release: 'prometheus' }) });
    p.addMonitor('sm', { selector: Selector.matchLabels({ app: 'web' }), endpoints: [{ port: 'metrics' }] });
    p.addPodMonitor('pm', { selector: Selector.matchLabels({ app: 'worker' }), podMetricsEndpoints: [{ port: 'metrics' }] });
    Checks.acknowledge(chart, 'WIRE-NO-MATCHING-TARGET-OBJECT', 'the test checks labels only; the app has no Service or pods to scrape');
    p.addProbe('probe', { prober: { url: 'blackbox:9115' }, module: 'http_2xx', targets: ProbeTargets.staticTargets(['https://example.com']) });
    p.addRuleGroup('rules', { metadata: { labels: { team: 'sre' } } }).addAlert({ alert: 'AlwaysFiring', expr: 'vector(1)', for: Duration.minutes(5) });
    const objects = synth(chart);
    expect(find(objects, 'ServiceMonitor').metadata).toMatchObject({ namespace: 'monitoring', labels: { release: 'prometheus' } });
    expect(find(objects, 'PodMonitor').metadata).toMatchObject({ namespace: 'monitoring', labels: { prometheus: 'k8s' } });
    expect(find(objects, 'Probe').metadata).toMatchObject({ namespace: 'monitoring', labels: { prometheus: 'k8s' } });
    expect(find(objects, 'PrometheusRule').metadata).toMatchObject({ namespace: 'monitoring', labels: { prometheus: 'k8s', team: 'sre' } });
    expect(expectValidMonitoringObjects(objects)).toBe(5);
  });

  test('a ServiceMonitor whose namespaceSelector reaches other namespaces is selected and widens RBAC, not the Prometheus namespace selector', () => {
    const chart = Testing.chart();
    const p = new Prometheus(chart, 'k8s', { namespace: 'monitoring' });
    p.addMonitor('sm', { selector: Selector.matchLabels({ app: 'web' }), namespaceSelector: MonitorNamespaceSelector.names('shop'), endpoints: [{ port: 'metrics' }] });
    const objects = synth(chart);
    expect(find(objects, 'Prometheus').spec.serviceMonitorNamespaceSelector).toBeUndefined();
    expect(objects.filter((o) => o.kind === 'Role').map((r) => r.metadata.namespace)).toEqual(['monitoring', 'shop']);
  });
});
