import { ApiObject, Chart, Testing } from 'cdk8s';
import { findObject, synthValid } from './support';
import {
  Checks, MonitorNamespaceSelector, NamespaceSelector, Prometheus, ProbeTargets, Selector, ServiceMonitor,
} from '../../src';
import { planPrometheusRbac, SERVICE_ACCOUNT_TOKEN_PATH } from '../../src/prometheus/rbac-plan';

// The tests build partial apps on purpose: the checks' warnings about them are not printed (errors still fail synth).
process.env.CDK8S_PROMETHEUS_CHECKS = 'silent';

const DISCOVERY_RULES = [
  { apiGroups: [''], resources: ['services', 'endpoints', 'pods'], verbs: ['get', 'list', 'watch'] },
  { apiGroups: ['discovery.k8s.io'], resources: ['endpointslices'], verbs: ['get', 'list', 'watch'] },
  { apiGroups: [''], resources: ['configmaps'], verbs: ['get'] },
];
const INGRESS_RULE = { apiGroups: ['networking.k8s.io'], resources: ['ingresses'], verbs: ['get', 'list', 'watch'] };
const NODE_RULE = { apiGroups: [''], resources: ['nodes'], verbs: ['get', 'list', 'watch'] };
const METRICS_RULES = [
  { apiGroups: [''], resources: ['nodes/metrics'], verbs: ['get'] },
  { nonResourceURLs: ['/metrics'], verbs: ['get'] },
];

function rbac(objects: any[]) {
  const of = (kind: string) => objects.filter((o) => o.kind === kind);
  return {
    serviceAccounts: of('ServiceAccount'),
    roles: of('Role'),
    roleBindings: of('RoleBinding'),
    clusterRoles: of('ClusterRole'),
    clusterRoleBindings: of('ClusterRoleBinding'),
  };
}

function rawMonitor(chart: Chart, id: string, kind: string, namespace: string, spec: any, labels = { prometheus: 'k8s' }): ApiObject {
  const apiVersion = kind === 'ScrapeConfig' ? 'monitoring.coreos.com/v1alpha1' : 'monitoring.coreos.com/v1';
  return new ApiObject(chart, id, { apiVersion, kind, metadata: { name: id, namespace, labels }, spec });
}

describe('Prometheus RBAC', () => {
  test('own namespace only: a ServiceAccount, one Role with exactly the discovery rules and its RoleBinding; no ClusterRole', () => {
    const chart = Testing.chart();
    const p = new Prometheus(chart, 'k8s', { namespace: 'monitoring' });
    const r = rbac(synthValid(chart));
    expect(r.serviceAccounts).toEqual([{ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'prometheus-k8s', namespace: 'monitoring' } }]);
    expect(r.roles).toEqual([{
      apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'Role', metadata: { name: 'prometheus-monitoring-k8s', namespace: 'monitoring' }, rules: DISCOVERY_RULES,
    }]);
    expect(r.roleBindings).toEqual([{
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'RoleBinding',
      metadata: { name: 'prometheus-monitoring-k8s', namespace: 'monitoring' },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'prometheus-monitoring-k8s' },
      subjects: [{ kind: 'ServiceAccount', name: 'prometheus-k8s', namespace: 'monitoring' }],
    }]);
    expect(r.clusterRoles).toEqual([]);
    expect(r.clusterRoleBindings).toEqual([]);
    expect(p.serviceAccountName).toBe('prometheus-k8s');
  });

  test('known namespaces: a Role per namespace the selected monitors look in, computed from monitors added later and in other charts', () => {
    const app = Testing.app();
    const monitoring = new Chart(app, 'monitoring', { namespace: 'monitoring' });
    new Prometheus(monitoring, 'k8s', { podMonitorNamespaceSelector: NamespaceSelector.names('batch') });
    const apps = new Chart(app, 'apps');
    const fake = { prometheusKey: 'monitoring/k8s', namespace: 'monitoring', selectionLabels: () => ({ prometheus: 'k8s' }) } as any;
    new ServiceMonitor(apps, 'shop', {
      metadata: { namespace: 'shop' },
      prometheus: fake,
      selector: Selector.matchLabels({ app: 'shop' }),
      namespaceSelector: MonitorNamespaceSelector.names('shop', 'shop-canary'),
      endpoints: [{ port: 'metrics' }],
    });
    // Not selected (no label): adds nothing.
    const stray = new ServiceMonitor(apps, 'stray', { metadata: { namespace: 'stray' }, selector: Selector.all(), namespaceSelector: MonitorNamespaceSelector.all(), endpoints: [{ port: 'm' }] });
    Checks.acknowledge(stray, 'SEL-MONITOR-UNSELECTED', 'left unselected on purpose: it must not widen the RBAC');
    Checks.acknowledge(stray, 'PORT-SERVICE-PORT-NAME', 'a stand-in monitor; only its namespaces matter here');
    const r = rbac(synthValid(monitoring));
    expect(r.roles.map((x) => x.metadata.namespace)).toEqual(['batch', 'monitoring', 'shop', 'shop-canary']);
    expect(r.roles.every((x) => JSON.stringify(x.rules) === JSON.stringify(DISCOVERY_RULES))).toBe(true);
    expect(r.roleBindings.map((x) => x.metadata.namespace)).toEqual(['batch', 'monitoring', 'shop', 'shop-canary']);
    expect(r.clusterRoles).toEqual([]);
  });

  test('cluster-wide only when a namespace selector selects all namespaces', () => {
    const chart = Testing.chart();
    new Prometheus(chart, 'k8s', { namespace: 'monitoring', serviceMonitorNamespaceSelector: NamespaceSelector.all() });
    const r = rbac(synthValid(chart));
    expect(r.roles).toEqual([]);
    expect(r.clusterRoles).toEqual([{
      apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: { name: 'prometheus-monitoring-k8s' }, rules: DISCOVERY_RULES,
    }]);
    expect(r.clusterRoleBindings).toEqual([{
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRoleBinding',
      metadata: { name: 'prometheus-monitoring-k8s' },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'prometheus-monitoring-k8s' },
      subjects: [{ kind: 'ServiceAccount', name: 'prometheus-k8s', namespace: 'monitoring' }],
    }]);
  });

  test('cluster-wide when namespaces are chosen by labels', () => {
    const chart = Testing.chart();
    new Prometheus(chart, 'k8s', { namespace: 'monitoring', ruleNamespaceSelector: NamespaceSelector.all(), probeNamespaceSelector: NamespaceSelector.labeled({ team: 'a' }) });
    const r = rbac(synthValid(chart));
    expect(r.roles).toEqual([]);
    expect(r.clusterRoles.map((c) => c.rules)).toEqual([DISCOVERY_RULES]);
  });

  test('a namespace selector of a kind the Prometheus does not select does not widen access', () => {
    const chart = Testing.chart();
    new Prometheus(chart, 'k8s', { namespace: 'monitoring', probeSelector: Selector.none(), probeNamespaceSelector: NamespaceSelector.all() });
    const r = rbac(synthValid(chart));
    expect(r.clusterRoles).toEqual([]);
    expect(r.roles.map((x) => x.metadata.namespace)).toEqual(['monitoring']);
  });

  test('cluster-wide when a selected monitor looks in every namespace (namespaceSelector.any)', () => {
    const chart = Testing.chart();
    const p = new Prometheus(chart, 'k8s', { namespace: 'monitoring' });
    const all = p.addMonitor('all', { selector: Selector.matchLabels({ app: 'x' }), namespaceSelector: MonitorNamespaceSelector.all(), endpoints: [{ port: 'metrics' }] });
    Checks.acknowledge(all, 'WIRE-NO-MATCHING-TARGET-OBJECT', 'the test computes RBAC only; the app has no Service to scrape');
    const r = rbac(synthValid(chart));
    expect(r.roles).toEqual([]);
    expect(r.clusterRoles.map((c) => c.rules)).toEqual([DISCOVERY_RULES]);
  });

  test('nodes are readable only when node metadata is attached (monitor or scrape class)', () => {
    const chart = Testing.chart();
    const p = new Prometheus(chart, 'k8s', { namespace: 'monitoring' });
    const pm = p.addPodMonitor('pm', { selector: Selector.matchLabels({ app: 'x' }), attachNodeMetadata: true, podMetricsEndpoints: [{ port: 'metrics' }] });
    Checks.acknowledge(pm, 'WIRE-NO-MATCHING-TARGET-OBJECT', 'the test computes RBAC only; the app has no pods to scrape');
    const r = rbac(synthValid(chart));
    expect(r.roles.map((x) => [x.metadata.namespace, x.rules])).toEqual([['monitoring', DISCOVERY_RULES]]);
    expect(r.clusterRoles.map((c) => c.rules)).toEqual([[NODE_RULE]]);

    const chart2 = Testing.chart();
    const p2 = new Prometheus(chart2, 'k8s', { namespace: 'monitoring', scrapeClasses: [{ name: 'nodes', isDefault: true, attachNodeMetadata: true }] });
    const sm = p2.addMonitor('sm', { selector: Selector.matchLabels({ app: 'x' }), endpoints: [{ port: 'metrics' }] });
    Checks.acknowledge(sm, 'WIRE-NO-MATCHING-TARGET-OBJECT', 'the test computes RBAC only; the app has no Service to scrape');
    expect(rbac(synthValid(chart2)).clusterRoles.map((c) => c.rules)).toEqual([[NODE_RULE]]);
  });

  test('kubelet and API server metrics (nodes/metrics, /metrics) only when a monitor sends the service account token, or on request', () => {
    const chart = Testing.chart();
    new Prometheus(chart, 'k8s', { namespace: 'monitoring' });
    rawMonitor(chart, 'kubelet', 'ServiceMonitor', 'kube-system', {
      selector: { matchLabels: { 'app.kubernetes.io/name': 'kubelet' } },
      endpoints: [{ port: 'https-metrics', scheme: 'https', bearerTokenFile: SERVICE_ACCOUNT_TOKEN_PATH }],
    });
    // The Prometheus's default namespace selector follows the monitor into kube-system.
    const r = rbac(synthValid(chart));
    expect(r.roles.map((x) => x.metadata.namespace)).toEqual(['kube-system', 'monitoring']);
    expect(r.clusterRoles.map((c) => c.rules)).toEqual([METRICS_RULES]);

    const forced = Testing.chart();
    new Prometheus(forced, 'k8s', { namespace: 'monitoring', kubernetesMetricsAccess: true });
    expect(rbac(synthValid(forced)).clusterRoles.map((c) => c.rules)).toEqual([METRICS_RULES]);
  });

  test('probes of Ingresses read ingresses in the namespaces they look in', () => {
    const chart = Testing.chart();
    const p = new Prometheus(chart, 'k8s', { namespace: 'monitoring' });
    p.addProbe('ing', {
      prober: { url: 'blackbox-exporter:9115' },
      module: 'http_2xx',
      targets: ProbeTargets.ingresses({ selector: Selector.all(), namespaceSelector: MonitorNamespaceSelector.names('web') }),
    });
    const r = rbac(synthValid(chart));
    expect(r.roles.map((x) => [x.metadata.namespace, x.rules])).toEqual([
      ['monitoring', DISCOVERY_RULES],
      ['web', [INGRESS_RULE]],
    ]);
    expect(r.clusterRoles).toEqual([]);
  });

  test('the Alertmanager namespaces are readable (Alertmanager discovery)', () => {
    const chart = Testing.chart();
    const am = Object.assign(new Chart(Testing.app(), 'am'), { namespace: 'alerting', serviceName: 'alertmanager-main', portName: 'web' });
    const p = new Prometheus(chart, 'k8s', { namespace: 'monitoring', alerting: [am as any] });
    Checks.acknowledge(p, 'AM-ALERTING-ENDPOINT', 'the Alertmanager is a stand-in without a Service; only its namespace matters here');
    expect(rbac(synthValid(chart)).roles.map((x) => x.metadata.namespace)).toEqual(['alerting', 'monitoring']);
  });

  test('rbacNamespaces adds namespaces for monitors defined outside the app', () => {
    const chart = Testing.chart();
    new Prometheus(chart, 'k8s', { namespace: 'monitoring', rbacNamespaces: ['legacy'] });
    expect(rbac(synthValid(chart)).roles.map((x) => x.metadata.namespace)).toEqual(['legacy', 'monitoring']);
  });

  test('serviceAccountName: no ServiceAccount or RBAC objects are created', () => {
    const chart = Testing.chart();
    new Prometheus(chart, 'k8s', { namespace: 'monitoring', serviceAccountName: 'shared-prometheus' });
    const objects = synthValid(chart);
    const r = rbac(objects);
    expect([r.serviceAccounts, r.roles, r.roleBindings, r.clusterRoles, r.clusterRoleBindings]).toEqual([[], [], [], [], []]);
    expect(findObject(objects, 'Prometheus').spec.serviceAccountName).toBe('shared-prometheus');
  });

  test('synthesizing twice gives the same objects (access objects are recomputed, not duplicated)', () => {
    const chart = Testing.chart();
    const p = new Prometheus(chart, 'k8s', { namespace: 'monitoring' });
    const first = Testing.synth(chart);
    expect(Testing.synth(chart)).toEqual(first);
    const later = p.addMonitor('later', { selector: Selector.all(), namespaceSelector: MonitorNamespaceSelector.names('late'), endpoints: [{ port: 'm' }] });
    Checks.acknowledge(later, 'WIRE-NAMESPACE-MISMATCH', 'a stand-in monitor; only the namespace it looks in matters here');
    expect(rbac(Testing.synth(chart)).roles.map((x) => x.metadata.namespace)).toEqual(['late', 'monitoring']);
  });

  test('cluster-scoped objects carry no namespace even in a namespaced chart', () => {
    const chart = new Chart(Testing.app(), 'c', { namespace: 'monitoring' });
    new Prometheus(chart, 'k8s', { serviceMonitorNamespaceSelector: NamespaceSelector.all() });
    const r = rbac(synthValid(chart));
    expect(r.clusterRoles[0].metadata).toEqual({ name: 'prometheus-monitoring-k8s' });
    expect(r.clusterRoleBindings[0].metadata).toEqual({ name: 'prometheus-monitoring-k8s' });
  });
});

describe('RBAC plan (plain objects)', () => {
  const prometheus = (spec: any) => ({ apiVersion: 'monitoring.coreos.com/v1', kind: 'Prometheus', metadata: { name: 'k8s', namespace: 'monitoring' }, spec });
  const sm = (namespace: string, spec: any, labels: any = { prometheus: 'k8s' }) => ({
    apiVersion: 'monitoring.coreos.com/v1', kind: 'ServiceMonitor', metadata: { name: 'sm', namespace, labels }, spec: { selector: {}, endpoints: [{ port: 'm' }], ...spec },
  });

  test('labeled namespace selector: monitors in Namespaces of the app whose labels do not match are not counted', () => {
    const plan = planPrometheusRbac(prometheus({
      serviceMonitorSelector: { matchLabels: { prometheus: 'k8s' } },
      serviceMonitorNamespaceSelector: { matchLabels: { monitored: 'yes' } },
    }), [
      { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'off', labels: { monitored: 'no' } } },
      sm('off', { attachMetadata: { node: true } }),
    ]);
    expect(plan.clusterWide).toBe(true);
    expect(plan.clusterWideBecause).toEqual(['spec.serviceMonitorNamespaceSelector chooses namespaces by label (ServiceMonitors)']);
    expect(plan.nodes).toBe(false);
  });

  test('ScrapeConfig Kubernetes SD: named namespaces, own namespace, node role, other API servers', () => {
    const sc = (name: string, sd: any) => ({
      apiVersion: 'monitoring.coreos.com/v1alpha1', kind: 'ScrapeConfig', metadata: { name, namespace: 'monitoring', labels: { prometheus: 'k8s' } }, spec: { kubernetesSDConfigs: [sd] },
    });
    const plan = planPrometheusRbac(prometheus({ scrapeConfigSelector: { matchLabels: { prometheus: 'k8s' } } }), [
      sc('a', { role: 'Pod', namespaces: { names: ['jobs'], ownNamespace: true } }),
      sc('b', { role: 'Node' }),
      sc('c', { role: 'Endpoints', apiServer: 'https://other-cluster:6443' }),
      sc('d', { role: 'Ingress', namespaces: { names: ['web'] } }),
    ]);
    expect(plan).toEqual({
      clusterWide: false,
      clusterWideBecause: [],
      namespaces: ['jobs', 'monitoring'],
      ingressesClusterWide: false,
      ingressNamespaces: ['web'],
      nodes: true,
      kubernetesMetrics: false,
    });
    const all = planPrometheusRbac(prometheus({ scrapeConfigSelector: {} }), [sc('e', { role: 'Service' })]);
    expect(all.clusterWide).toBe(true);
    expect(all.clusterWideBecause).toEqual(['ScrapeConfig monitoring/e kubernetesSDConfigs (role Service) lists no namespaces']);
  });

  test('ignoreNamespaceSelectors keeps every monitor in its own namespace', () => {
    const plan = planPrometheusRbac(prometheus({ serviceMonitorSelector: {}, ignoreNamespaceSelectors: true, serviceMonitorNamespaceSelector: { matchExpressions: [{ key: 'kubernetes.io/metadata.name', operator: 'In', values: ['a'] }] } }), [
      sm('a', { namespaceSelector: { any: true } }),
    ]);
    expect([plan.clusterWide, plan.namespaces]).toEqual([false, ['a', 'monitoring']]);
  });

  test('monitors the operator rejects for their content still count (they need access once fixed)', () => {
    const plan = planPrometheusRbac(prometheus({ serviceMonitorSelector: {} }), [
      sm('monitoring', { namespaceSelector: { matchNames: ['payments'] }, endpoints: [{ port: 'm', basicAuth: { username: { name: 'missing', key: 'u' }, password: { name: 'missing', key: 'p' } } }] }),
    ]);
    expect(plan.namespaces).toEqual(['monitoring', 'payments']);
  });
});
