import { createHash } from 'crypto';
import { App, Testing } from 'cdk8s';
import { parse } from 'yaml';
import { buildDemo, buildPodMonitorVariant, DemoCharts } from '../../examples/demo';
import { Checks, FindingSeverity } from '../../src/checks';
import { resolve } from '../../src/resolver/resolve';
import { expectWired } from '../patterns/wiring';
import { expectValidAgainstCrds } from '../support/crd-schema';
import { amtoolCheckConfig, promtoolCheckRules } from '../support/prometheus-tools';

const names = (objects: any[]) => objects.map((o) => `${o.kind} ${o.metadata.namespace ? o.metadata.namespace + '/' : ''}${o.metadata.name}`);
const find = (objects: any[], kind: string, name?: string) =>
  objects.find((o) => o.kind === kind && (name === undefined || o.metadata.name === name));

/** The demo stack synthesized chart by chart, as `npm run demo` writes it. */
function synthStack(build: (app: App) => DemoCharts = buildDemo) {
  const app = Testing.app();
  const charts = build(app);
  return {
    app,
    charts,
    crds: Testing.synth(charts.crds),
    monitoring: Testing.synth(charts.monitoring),
    demo: Testing.synth(charts.demo),
  };
}

describe('the example stack', () => {
  const stack = synthStack();
  const all = [...stack.crds, ...stack.monitoring, ...stack.demo];
  const prometheus = find(stack.monitoring, 'Prometheus');

  test('charts in apply order: the CRDs, the monitoring stack, the demo app', () => {
    expect(stack.app.charts.map((c) => c.node.id)).toEqual(['prometheus-operator-crds', 'monitoring', 'demo']);
    expect(names(stack.crds)).toEqual([
      'alertmanagerconfigs', 'alertmanagers', 'podmonitors', 'probes', 'prometheusagents',
      'prometheuses', 'prometheusrules', 'scrapeconfigs', 'servicemonitors', 'thanosrulers',
    ].map((plural) => `CustomResourceDefinition ${plural}.monitoring.coreos.com`));
    expect(names(stack.monitoring)).toEqual([
      'Namespace monitoring',
      'ServiceAccount monitoring/prometheus-operator',
      'ClusterRole prometheus-operator',
      'ClusterRoleBinding prometheus-operator',
      'Deployment monitoring/prometheus-operator',
      'Service monitoring/prometheus-operator',
      'Prometheus monitoring/example',
      'ServiceAccount monitoring/prometheus-example',
      'Role demo/prometheus-monitoring-example',
      'RoleBinding demo/prometheus-monitoring-example',
      'Role monitoring/prometheus-monitoring-example',
      'RoleBinding monitoring/prometheus-monitoring-example',
      'Service monitoring/prometheus-example',
      'PrometheusRule monitoring/demo-go-alerts',
      'Alertmanager monitoring/example',
      'Secret monitoring/alertmanager-example',
      'Service monitoring/alertmanager-example',
      'PodDisruptionBudget monitoring/alertmanager-example',
    ]);
    expect(names(stack.demo)).toEqual(['Namespace demo', 'Deployment demo/demo-go', 'Service demo/demo-go', 'ServiceMonitor monitoring/demo-go']);
  });

  test('snapshot of every manifest (the vendored CRDs by name and digest)', () => {
    const digest = (o: any) => createHash('sha256').update(JSON.stringify(o)).digest('hex').slice(0, 16);
    expect({
      crds: stack.crds.map((o) => ({ name: o.metadata.name, sha256: digest(o) })),
      monitoring: stack.monitoring,
      demo: stack.demo,
    }).toMatchSnapshot();
  });

  test('every monitoring object is valid against its CRD schema', () => {
    expect(expectValidAgainstCrds(all)).toBe(4);
  });

  test('promtool check rules accepts the PrometheusRule; the alert carries summary, description and runbook_url', () => {
    const rule = find(stack.monitoring, 'PrometheusRule');
    expect(rule.metadata.labels).toEqual({ role: 'alert-rules', prometheus: 'example' });
    expect(promtoolCheckRules(rule.spec)).toMatchObject({ status: 0 });
    expect(rule.spec.groups).toEqual([{
      name: 'demo-go-alerts',
      rules: [{
        alert: 'DemoGoTargetDown',
        expr: 'up{namespace="demo", container="demo-go"} == 0',
        for: '5m',
        labels: { severity: 'warning' },
        annotations: {
          summary: 'demo-go target {{ $labels.instance }} is down',
          description: expect.stringContaining('Prometheus has failed to scrape {{ $labels.namespace }}/{{ $labels.pod }}'),
          runbook_url: 'https://runbooks.example.com/demo-go/DemoGoTargetDown',
        },
      }],
    }]);
  });

  test('amtool check-config accepts the Alertmanager config Secret: webhook receiver, group_by [job], 30s / 5m / 12h', () => {
    const alertmanager = find(stack.monitoring, 'Alertmanager');
    expect(alertmanager.spec.replicas).toBe(3);
    const secret = find(stack.monitoring, 'Secret', `alertmanager-${alertmanager.metadata.name}`);
    const configYaml = secret.stringData['alertmanager.yaml'];
    expect(amtoolCheckConfig(configYaml)).toMatchObject({ status: 0 });
    const config = parse(configYaml);
    expect(config.route).toEqual({ receiver: 'webhook', group_by: ['job'], group_wait: '30s', group_interval: '5m', repeat_interval: '12h' });
    expect(config.receivers).toEqual([{ name: 'webhook', webhook_configs: [expect.objectContaining({ url: 'http://alert-receiver.monitoring.svc:8080/alerts' })] }]);
  });

  test('the Prometheus selects monitors by release: prometheus and rules by role: alert-rules, prometheus: example', () => {
    expect(prometheus.metadata).toEqual({ name: 'example', namespace: 'monitoring' });
    expect(prometheus.spec.serviceMonitorSelector).toEqual({ matchLabels: { release: 'prometheus' } });
    expect(prometheus.spec.podMonitorSelector).toEqual({ matchLabels: { release: 'prometheus' } });
    expect(prometheus.spec.ruleSelector).toEqual({ matchLabels: { role: 'alert-rules', prometheus: 'example' } });
  });

  test('the operator selects the demo ServiceMonitor and the rule, and rejects nothing', () => {
    const [resolved] = resolve(all).prometheuses;
    expect(resolved.key).toBe('monitoring/example');
    expect(names(resolved.selection.selected.serviceMonitors)).toEqual(['ServiceMonitor monitoring/demo-go']);
    expect(names(resolved.selection.selected.rules)).toEqual(['PrometheusRule monitoring/demo-go-alerts']);
    expect(resolved.selection.rejected).toEqual([]);
    expect(resolved.warnings).toEqual([]);
  });

  test('RBAC: a Role in demo (where the targets are) and in monitoring, bound to the Prometheus ServiceAccount; no ClusterRole', () => {
    const objects = stack.monitoring;
    const role = objects.find((o) => o.kind === 'Role' && o.metadata.namespace === 'demo');
    expect(role.rules).toEqual([
      { apiGroups: [''], resources: ['services', 'endpoints', 'pods'], verbs: ['get', 'list', 'watch'] },
      { apiGroups: ['discovery.k8s.io'], resources: ['endpointslices'], verbs: ['get', 'list', 'watch'] },
      { apiGroups: [''], resources: ['configmaps'], verbs: ['get'] },
    ]);
    const binding = objects.find((o) => o.kind === 'RoleBinding' && o.metadata.namespace === 'demo');
    expect(binding.roleRef).toEqual({ apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: role.metadata.name });
    expect(binding.subjects).toEqual([{ kind: 'ServiceAccount', name: prometheus.spec.serviceAccountName, namespace: 'monitoring' }]);
    expect(find(objects, 'ServiceAccount', prometheus.spec.serviceAccountName).metadata.namespace).toBe('monitoring');
    expect(objects.filter((o) => o.kind === 'ClusterRole').map((o) => o.metadata.name)).toEqual(['prometheus-operator']);
  });

  test('alerting points at the Alertmanager Service, whose web port selects the Alertmanager pods', () => {
    expect(prometheus.spec.alerting).toEqual({ alertmanagers: [{ namespace: 'monitoring', name: 'alertmanager-example', port: 'web', apiVersion: 'v2' }] });
    const service = find(stack.monitoring, 'Service', 'alertmanager-example');
    expect(service.metadata.namespace).toBe('monitoring');
    expect(service.spec.ports).toContainEqual(expect.objectContaining({ name: 'web', port: 9093 }));
    expect(service.spec.selector).toEqual({ 'app.kubernetes.io/name': 'alertmanager', 'alertmanager': 'example' });
    expect(find(stack.monitoring, 'Alertmanager').spec.portName).toBe('web');
  });

  test('the operator: v0.93.0 in monitoring, its CRDs in their own chart that the stack depends on', () => {
    const operator = find(stack.monitoring, 'Deployment', 'prometheus-operator');
    expect(operator.metadata.namespace).toBe('monitoring');
    expect(operator.spec.template.spec.containers[0].image).toBe('quay.io/prometheus-operator/prometheus-operator:v0.93.0');
    expect(stack.charts.monitoring.node.dependencies).toContain(stack.charts.crds);
    expect(stack.monitoring.filter((o) => o.kind === 'CustomResourceDefinition')).toEqual([]);
  });

  test('the synth-time checks find nothing in the stack or its PodMonitor variant', () => {
    for (const build of [buildDemo, buildPodMonitorVariant]) {
      const app = Testing.app();
      build(app);
      const findings = Checks.enable(app, { printFindings: false }).run();
      expect(findings.filter((f) => f.severity === FindingSeverity.ERROR)).toEqual([]);
      expect(findings.map((f) => f.message)).toEqual([]);
    }
  });
});

describe('the demo app (issue 2 item 5)', () => {
  const { demo } = synthStack();

  test('the Deployment: 2 replicas of the example app, port http 8080, probes on /hello, 50m/64Mi requests and 500m/256Mi limits', () => {
    const deployment = find(demo, 'Deployment');
    const [container] = deployment.spec.template.spec.containers;
    expect(deployment.spec.replicas).toBe(2);
    expect(deployment.spec.template.spec.containers).toHaveLength(1);
    expect(container.image).toBe('quay.io/brancz/prometheus-example-app:v0.5.0');
    expect(container.env).toBeUndefined();
    expect(container.ports).toEqual([{ containerPort: 8080, name: 'http' }]);
    expect(container.readinessProbe.httpGet).toEqual({ path: '/hello', port: 8080, scheme: 'HTTP' });
    expect(container.livenessProbe.httpGet).toEqual({ path: '/hello', port: 8080, scheme: 'HTTP' });
    expect(container.resources).toEqual({ requests: { cpu: '50m', memory: '64Mi' }, limits: { cpu: '500m', memory: '256Mi' } });
    expect(container.securityContext).toMatchObject({ runAsNonRoot: true, readOnlyRootFilesystem: true, allowPrivilegeEscalation: false });
  });

  test('the Service: port metrics 8080 targeting the container port http, labelled app: demo-go', () => {
    const service = find(demo, 'Service');
    expect(service.metadata.labels).toEqual({ app: 'demo-go' });
    expect(service.spec.ports).toEqual([{ name: 'metrics', port: 8080, targetPort: 'http' }]);
    expect(service.spec.selector).toEqual({ app: 'demo-go' });
  });

  test('the ServiceMonitor: in monitoring, release: prometheus, namespace demo, selector app: demo-go, port metrics, /metrics every 15s', () => {
    expect(find(demo, 'ServiceMonitor')).toEqual({
      apiVersion: 'monitoring.coreos.com/v1',
      kind: 'ServiceMonitor',
      metadata: { name: 'demo-go', namespace: 'monitoring', labels: { release: 'prometheus' } },
      spec: {
        namespaceSelector: { matchNames: ['demo'] },
        selector: { matchLabels: { app: 'demo-go' } },
        endpoints: [{ port: 'metrics', path: '/metrics', interval: '15s' }],
      },
    });
    const [wiring] = expectWired(demo);
    expect(names(wiring.services)).toEqual(['Service demo/demo-go']);
    expect(names(wiring.workloads)).toEqual(['Deployment demo/demo-go']);
  });
});

describe('the PodMonitor variant', () => {
  const stack = synthStack();
  const variant = synthStack(buildPodMonitorVariant);

  test('only the demo chart differs: the same app, object for object, with a PodMonitor instead of the ServiceMonitor', () => {
    expect(variant.crds).toEqual(stack.crds);
    expect(variant.monitoring).toEqual(stack.monitoring);
    expect(names(variant.demo)).toEqual(['Namespace demo', 'Deployment demo/demo-go', 'Service demo/demo-go', 'PodMonitor monitoring/demo-go']);
    expect(variant.demo.filter((o) => o.kind !== 'PodMonitor')).toEqual(stack.demo.filter((o) => o.kind !== 'ServiceMonitor'));
    expect(variant.demo).toMatchSnapshot();
  });

  test('the PodMonitor: the same selection and labels, scraping the container port http; valid and wired', () => {
    expect(find(variant.demo, 'PodMonitor')).toEqual({
      apiVersion: 'monitoring.coreos.com/v1',
      kind: 'PodMonitor',
      metadata: { name: 'demo-go', namespace: 'monitoring', labels: { release: 'prometheus' } },
      spec: {
        namespaceSelector: { matchNames: ['demo'] },
        selector: { matchLabels: { app: 'demo-go' } },
        podMetricsEndpoints: [{ port: 'http', path: '/metrics', interval: '15s' }],
      },
    });
    expect(expectValidAgainstCrds(variant.demo)).toBe(1);
    const [wiring] = expectWired(variant.demo);
    expect(names(wiring.workloads)).toEqual(['Deployment demo/demo-go']);
  });

  test('the stack\'s Prometheus selects the PodMonitor in place of the ServiceMonitor', () => {
    const [resolved] = resolve([...variant.crds, ...variant.monitoring, ...variant.demo]).prometheuses;
    expect(names(resolved.selection.selected.podMonitors)).toEqual(['PodMonitor monitoring/demo-go']);
    expect(resolved.selection.selected.serviceMonitors).toEqual([]);
    expect(resolved.selection.rejected).toEqual([]);
  });
});
