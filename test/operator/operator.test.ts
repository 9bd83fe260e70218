import * as fs from 'fs';
import * as path from 'path';
import { App, Chart, Size, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { parseAllDocuments } from 'yaml';
import { OperatorLogLevel, PrometheusOperator, PrometheusOperatorCrds } from '../../src';

function find(objects: any[], kind: string): any {
  return objects.find((o) => o.kind === kind);
}

describe('PrometheusOperatorCrds', () => {
  test('all ten vendored CRDs, unchanged, in a chart without namespace', () => {
    const app = new App();
    const crds = new PrometheusOperatorCrds(app, 'crds');
    const objects = Testing.synth(crds);
    expect(crds.crdNames).toEqual([
      'alertmanagerconfigs.monitoring.coreos.com', 'alertmanagers.monitoring.coreos.com', 'podmonitors.monitoring.coreos.com',
      'probes.monitoring.coreos.com', 'prometheusagents.monitoring.coreos.com', 'prometheuses.monitoring.coreos.com',
      'prometheusrules.monitoring.coreos.com', 'scrapeconfigs.monitoring.coreos.com', 'servicemonitors.monitoring.coreos.com',
      'thanosrulers.monitoring.coreos.com',
    ]);
    expect(objects.map((o) => o.kind)).toEqual(Array(10).fill('CustomResourceDefinition'));
    expect(objects.every((o) => o.metadata.namespace === undefined)).toBe(true);
    const vendored = parseAllDocuments(fs.readFileSync(path.join(__dirname, '..', '..', 'imports', 'crds', 'monitoring.coreos.com_prometheuses.yaml'), 'utf8'))[0].toJS();
    expect(objects.find((o) => o.metadata.name === 'prometheuses.monitoring.coreos.com')).toEqual(vendored);
    expect(vendored.metadata.annotations['operator.prometheus.io/version']).toBe('0.93.0');
  });

  test('the Prometheus CRD is too large for client-side apply\'s last-applied annotation (hence server-side apply)', () => {
    const objects = Testing.synth(new PrometheusOperatorCrds(new App(), 'crds', { only: ['prometheuses'] }));
    expect(objects).toHaveLength(1);
    expect(JSON.stringify(objects[0]).length).toBeGreaterThan(262144);
  });

  test('a subset by plural name', () => {
    const crds = new PrometheusOperatorCrds(new App(), 'crds', { only: ['servicemonitors', 'podmonitors'] });
    expect(crds.crdNames).toEqual(['podmonitors.monitoring.coreos.com', 'servicemonitors.monitoring.coreos.com']);
  });

  test('an unknown CRD name is an error naming the allowed ones', () => {
    expect(() => new PrometheusOperatorCrds(new App(), 'crds', { only: ['prometheus'] }))
      .toThrow('crds: only: "prometheus" is not a CRD of prometheus-operator. Use plural names among: alertmanagerconfigs, alertmanagers, podmonitors,');
  });
});

describe('PrometheusOperator', () => {
  test('the Deployment runs v0.93.0 with the upstream bundle\'s arguments, config reloader of the same version, and a secure context', () => {
    const chart = Testing.chart();
    const op = new PrometheusOperator(chart, 'op', { namespace: 'monitoring' });
    const dep = find(Testing.synth(chart), 'Deployment');
    expect(PrometheusOperator.VERSION).toBe('0.93.0');
    expect(op.deployment.name).toBe('prometheus-operator');
    expect(dep.metadata).toEqual({
      name: 'prometheus-operator',
      namespace: 'monitoring',
      labels: { 'app.kubernetes.io/component': 'controller', 'app.kubernetes.io/name': 'prometheus-operator', 'app.kubernetes.io/version': '0.93.0' },
    });
    expect(dep.spec.selector).toEqual({ matchLabels: op.podSelectorLabels });
    const pod = dep.spec.template.spec;
    expect(pod.serviceAccountName).toBe('prometheus-operator');
    expect(pod.automountServiceAccountToken).toBe(true);
    expect(pod.securityContext).toEqual({ runAsNonRoot: true, runAsUser: 65534, runAsGroup: 65534, seccompProfile: { type: 'RuntimeDefault' } });
    expect(pod.nodeSelector).toEqual({ 'kubernetes.io/os': 'linux' });
    const [container] = pod.containers;
    expect(container.image).toBe('quay.io/prometheus-operator/prometheus-operator:v0.93.0');
    expect(container.args).toEqual([
      '--kubelet-service=kube-system/kubelet',
      '--prometheus-config-reloader=quay.io/prometheus-operator/prometheus-config-reloader:v0.93.0',
      '--kubelet-endpoints=true',
      '--kubelet-endpointslice=false',
    ]);
    expect(container.env).toEqual([{ name: 'GOGC', value: '30' }]);
    expect(container.ports).toEqual([{ containerPort: 8080, name: 'http' }]);
    expect(container.resources).toEqual({ requests: { cpu: '100m', memory: '100Mi' }, limits: { cpu: '200m', memory: '200Mi' } });
    expect(container.securityContext).toEqual({ allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } });
  });

  test('ServiceAccount without token automount, ClusterRole with the operator\'s permission list, binding, headless Service', () => {
    const chart = new Chart(Testing.app(), 'c', { namespace: 'operators' });
    new PrometheusOperator(chart, 'op');
    const objects = Testing.synth(chart);
    expect(find(objects, 'ServiceAccount')).toMatchObject({ metadata: { name: 'prometheus-operator', namespace: 'operators' }, automountServiceAccountToken: false });
    const role = find(objects, 'ClusterRole');
    expect(role.metadata.namespace).toBeUndefined();
    expect(role.rules).toEqual([
      {
        apiGroups: ['monitoring.coreos.com'],
        resources: [
          'alertmanagers', 'alertmanagers/finalizers', 'alertmanagers/status', 'alertmanagerconfigs',
          'prometheuses', 'prometheuses/finalizers', 'prometheuses/status',
          'prometheusagents', 'prometheusagents/finalizers', 'prometheusagents/status',
          'thanosrulers', 'thanosrulers/finalizers', 'thanosrulers/status',
          'scrapeconfigs', 'scrapeconfigs/status', 'servicemonitors', 'servicemonitors/status',
          'podmonitors', 'podmonitors/status', 'probes', 'probes/status', 'prometheusrules', 'prometheusrules/status',
        ],
        verbs: ['*'],
      },
      { apiGroups: ['apps'], resources: ['statefulsets'], verbs: ['*'] },
      { apiGroups: [''], resources: ['configmaps', 'secrets'], verbs: ['*'] },
      { apiGroups: [''], resources: ['pods'], verbs: ['list', 'delete'] },
      { apiGroups: [''], resources: ['services', 'services/finalizers'], verbs: ['get', 'create', 'update', 'delete'] },
      { apiGroups: [''], resources: ['nodes'], verbs: ['list', 'watch'] },
      { apiGroups: [''], resources: ['namespaces'], verbs: ['get', 'list', 'watch'] },
      { apiGroups: ['events.k8s.io'], resources: ['events'], verbs: ['patch', 'create'] },
      { apiGroups: ['networking.k8s.io'], resources: ['ingresses'], verbs: ['get', 'list', 'watch'] },
      { apiGroups: ['storage.k8s.io'], resources: ['storageclasses'], verbs: ['get'] },
      { apiGroups: [''], resources: ['endpoints'], verbs: ['get', 'create', 'update', 'delete'] },
    ]);
    expect(find(objects, 'ClusterRoleBinding')).toMatchObject({
      metadata: { name: 'prometheus-operator' },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'prometheus-operator' },
      subjects: [{ kind: 'ServiceAccount', name: 'prometheus-operator', namespace: 'operators' }],
    });
    expect(find(objects, 'ClusterRoleBinding').metadata.namespace).toBeUndefined();
    expect(find(objects, 'Service').spec).toEqual({
      clusterIP: 'None',
      selector: { 'app.kubernetes.io/component': 'controller', 'app.kubernetes.io/name': 'prometheus-operator' },
      ports: [{ name: 'http', port: 8080, targetPort: 'http' }],
    });
  });

  test('options: watched namespaces, log level, kubelet EndpointSlices (with their permission), images, resources', () => {
    const chart = Testing.chart();
    new PrometheusOperator(chart, 'op', {
      namespace: 'monitoring',
      name: 'po',
      watchNamespaces: ['monitoring', 'apps'],
      logLevel: OperatorLogLevel.DEBUG,
      kubeletService: 'kube-system/kubelet-metrics',
      kubeletEndpointSlice: true,
      image: 'registry.example.com/prometheus-operator:v0.93.0',
      configReloaderImage: 'registry.example.com/prometheus-config-reloader:v0.93.0',
      resources: { cpu: { request: kplus.Cpu.millis(50) }, memory: { request: Size.mebibytes(64), limit: Size.mebibytes(128) } },
    });
    const objects = Testing.synth(chart);
    const container = find(objects, 'Deployment').spec.template.spec.containers[0];
    expect(container.image).toBe('registry.example.com/prometheus-operator:v0.93.0');
    expect(container.args).toEqual([
      '--kubelet-service=kube-system/kubelet-metrics',
      '--prometheus-config-reloader=registry.example.com/prometheus-config-reloader:v0.93.0',
      '--kubelet-endpoints=true',
      '--kubelet-endpointslice=true',
      '--namespaces=monitoring,apps',
      '--log-level=debug',
    ]);
    expect(container.resources).toEqual({ requests: { cpu: '50m', memory: '64Mi' }, limits: { memory: '128Mi' } });
    expect(find(objects, 'ClusterRole').rules.at(-1)).toEqual({ apiGroups: ['discovery.k8s.io'], resources: ['endpointslices'], verbs: ['get', 'create', 'list', 'update', 'delete'] });
    expect(objects.filter((o) => o.metadata.name === 'po').map((o) => o.kind).sort()).toEqual(['ClusterRole', 'ClusterRoleBinding', 'Deployment', 'Service', 'ServiceAccount']);
  });

  test('snapshot', () => {
    const chart = Testing.chart();
    new PrometheusOperator(chart, 'op', { namespace: 'monitoring' });
    expect(Testing.synth(chart)).toMatchSnapshot();
  });

  test('bad input names the construct path and field', () => {
    const chart = Testing.chart();
    expect(() => new PrometheusOperator(chart, 'a', { namespace: 'Monitoring' }))
      .toThrow('test/a: namespace: "Monitoring" is not a valid namespace. Use at most 63 lowercase letters, digits or \'-\', starting and ending with a letter or digit.');
    expect(() => new PrometheusOperator(chart, 'b', { kubeletService: 'kubelet' }))
      .toThrow('test/b: kubeletService: "kubelet" is not a Service reference. Use "namespace/name", for example "kube-system/kubelet".');
    expect(() => new PrometheusOperator(chart, 'c', { watchNamespaces: [] }))
      .toThrow('test/c: watchNamespaces: an empty list would watch nothing. Leave watchNamespaces out to watch all namespaces, or list at least one.');
    expect(() => new PrometheusOperator(chart, 'd', { resources: { memory: { request: Size.gibibytes(1), limit: Size.mebibytes(200) } } }))
      .toThrow('test/d: resources.memory: the request (1Gi) is above the limit (200Mi). Use a request no larger than the limit.');
  });
});
