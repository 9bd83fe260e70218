import { App, Chart, Duration, Testing } from 'cdk8s';
import {
  Checks, MonitorNamespaceSelector, MonitoredApp, Notifier, PrometheusOperatorCrds, PrometheusStack, SelectableKind, Selector, ServiceMonitor,
} from '../../src';
import { formatFinding, runChecks } from '../../src/resolver/checks';
import { ObjectIndex, selectFor } from '../../src/resolver/select';
import { expectValidMonitoringObjects, findObject, synthValid } from '../prometheus/support';
import { amtoolCheckConfig } from '../support/prometheus-tools';

// The tests build partial apps on purpose: the checks' warnings about them are not printed (errors still fail synth).
process.env.CDK8S_PROMETHEUS_CHECKS = 'silent';

function byKind(objects: any[], kind: string): any[] {
  return objects.filter((o) => o.kind === kind);
}

/** The stack the example is meant to be: a few lines. */
function exampleStack(chart: Chart): PrometheusStack {
  const stack = new PrometheusStack(chart, 'monitoring', {
    namespace: 'monitoring',
    name: 'example',
    prometheus: {
      serviceMonitorSelector: Selector.matchLabels({ release: 'prometheus' }),
      ruleSelector: Selector.matchLabels({ role: 'alert-rules', prometheus: 'example' }),
    },
    alertmanager: {
      receivers: [{ name: 'webhook', notifiers: [Notifier.webhook({ url: 'http://alert-receiver.monitoring.svc:8080/alerts' })] }],
      route: { receiver: 'webhook', groupBy: ['job'], groupWait: Duration.seconds(30), groupInterval: Duration.minutes(5), repeatInterval: Duration.hours(12) },
    },
  });
  stack.addRuleGroup('alerts').addAlert({ alert: 'ExampleAppDown', expr: 'up{job="demo"} == 0', for: Duration.minutes(5), summary: 'The demo app is down' });
  new MonitoredApp(chart, 'demo', { namespace: 'default', image: 'quay.io/brancz/prometheus-example-app:v0.5.0', prometheus: stack });
  return stack;
}

describe('PrometheusStack', () => {
  test('defaults: Namespace enforcing Pod Security restricted, Prometheus and Alertmanager "main" wired together, no operator', () => {
    const chart = Testing.chart();
    const stack = new PrometheusStack(chart, 'stack');
    const objects = synthValid(chart);
    expect(stack.namespace).toBe('monitoring');
    expect(stack.prometheusKey).toBe('monitoring/main');
    expect(stack.operator).toBeUndefined();
    expect(findObject(objects, 'Namespace')).toEqual({
      apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'monitoring', labels: { 'pod-security.kubernetes.io/enforce': 'restricted' } },
    });
    const prom = findObject(objects, 'Prometheus');
    expect(prom.metadata).toEqual({ name: 'main', namespace: 'monitoring' });
    expect(prom.spec.alerting).toEqual({ alertmanagers: [{ namespace: 'monitoring', name: 'alertmanager-main', port: 'web', apiVersion: 'v2' }] });
    const am = findObject(objects, 'Alertmanager');
    expect(am.metadata).toEqual({ name: 'main', namespace: 'monitoring' });
    expect(am.spec.replicas).toBe(3);
    expect(am.spec.storage).toEqual({ volumeClaimTemplate: { spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } } });
    // Every pod of the stack runs as non-root with the RuntimeDefault seccomp profile (the operator adds the container settings).
    for (const cr of [prom, am]) {
      expect(cr.spec.securityContext).toMatchObject({ runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } });
    }
    expect(byKind(objects, 'Deployment')).toEqual([]);
    expect(byKind(objects, 'CustomResourceDefinition')).toEqual([]);
  });

  test('the Namespace comes first in the output', () => {
    const chart = Testing.chart();
    new PrometheusStack(chart, 'stack');
    expect(Testing.synth(chart)[0].kind).toBe('Namespace');
  });

  test('forwards ISelectingPrometheus to its Prometheus', () => {
    const chart = Testing.chart();
    const stack = new PrometheusStack(chart, 'stack', { prometheus: { ruleSelector: Selector.matchLabels({ role: 'alert-rules' }) } });
    expect(stack.selectionLabels(SelectableKind.SERVICE_MONITOR)).toEqual({ prometheus: 'main' });
    expect(stack.selectionLabels(SelectableKind.PROMETHEUS_RULE)).toEqual({ role: 'alert-rules' });
  });

  test('the example in a few lines: selectors, alert rule, webhook receiver, monitored demo app, all selected', () => {
    const app = new App();
    const chart = new Chart(app, 'example');
    const stack = exampleStack(chart);
    const objects = synthValid(chart);
    const prom = findObject(objects, 'Prometheus');
    expect(prom.spec.serviceMonitorSelector).toEqual({ matchLabels: { release: 'prometheus' } });
    expect(prom.spec.ruleSelector).toEqual({ matchLabels: { role: 'alert-rules', prometheus: 'example' } });
    // The demo app's ServiceMonitor lives in "default": the namespace selector and RBAC follow it.
    expect(prom.spec.serviceMonitorNamespaceSelector).toEqual({ matchExpressions: [{ key: 'kubernetes.io/metadata.name', operator: 'In', values: ['default', 'monitoring'] }] });
    expect(byKind(objects, 'Role').map((r) => r.metadata.namespace)).toEqual(['default', 'monitoring']);
    expect(byKind(objects, 'ClusterRole')).toEqual([]);
    expect(findObject(objects, 'ServiceMonitor').metadata).toMatchObject({ namespace: 'default', labels: { release: 'prometheus' } });
    expect(findObject(objects, 'PrometheusRule').metadata).toMatchObject({ namespace: 'monitoring', labels: { role: 'alert-rules', prometheus: 'example' } });
    expect(findObject(objects, 'Alertmanager').spec.replicas).toBe(3);
    expect(amtoolCheckConfig(stack.alertmanager!.configYaml).status).toBe(0);

    // The operator's selection (the resolver) picks up the monitor and the rule.
    const selection = selectFor(prom, new ObjectIndex(objects));
    expect(selection.selected.serviceMonitors.map((o) => `${o.metadata.namespace}/${o.metadata.name}`)).toEqual(['default/demo']);
    expect(selection.selected.rules).toHaveLength(1);
    expect(selection.rejected).toEqual([]);
  });

  test('the synth-time checks find nothing to report in the example stack, cluster-wide monitors and the operator included', () => {
    const chart = new Chart(new App(), 'example');
    const stack = exampleStack(chart);
    stack.addMonitor('everywhere', {
      metadata: { labels: { release: 'prometheus' } },
      selector: Selector.matchLabels({ app: 'demo' }),
      namespaceSelector: MonitorNamespaceSelector.all(),
      endpoints: [{ port: 'metrics' }],
    });
    const objects = Testing.synth(chart);
    expect(byKind(objects, 'ClusterRole').map((r) => r.metadata.name)).toEqual(['prometheus-monitoring-example']);
    expect(runChecks(objects).map(formatFinding)).toEqual([]);
  });

  test('snapshot of the example stack', () => {
    const chart = new Chart(new App(), 'example');
    exampleStack(chart);
    expect(Testing.synth(chart)).toMatchSnapshot();
  });

  test('installOperator: operator in the stack namespace, CRDs in their own chart applied first', () => {
    const app = new App();
    const chart = new Chart(app, 'monitoring');
    const stack = new PrometheusStack(chart, 'stack', { installOperator: true, operator: { logLevel: undefined } });
    expect(stack.crds).toBeInstanceOf(PrometheusOperatorCrds);
    expect(stack.crds!.node.scope).toBe(app);
    // cdk8s orders charts by dependency: the CRDs are synthesized (and applied) first.
    expect(app.charts.map((c) => c.node.id)).toEqual([PrometheusStack.CRDS_CHART_ID, 'monitoring']);
    expect(chart.node.dependencies).toContain(stack.crds);
    const objects = synthValid(chart);
    expect(findObject(objects, 'Deployment').metadata).toMatchObject({ name: 'prometheus-operator', namespace: 'monitoring' });
    expect(byKind(objects, 'CustomResourceDefinition')).toEqual([]);
    expect(byKind(Testing.synth(stack.crds!), 'CustomResourceDefinition')).toHaveLength(10);
    // A second stack reuses the CRD chart.
    const other = new PrometheusStack(new Chart(app, 'other'), 'stack', { namespace: 'other', installOperator: true, operator: { name: 'prometheus-operator-other' } });
    expect(other.crds).toBe(stack.crds);
  });

  test('withAlertmanager: false runs no Alertmanager and sets no alerting', () => {
    const chart = Testing.chart();
    const stack = new PrometheusStack(chart, 'stack', { withAlertmanager: false, createNamespace: false });
    const objects = synthValid(chart);
    expect(stack.alertmanager).toBeUndefined();
    expect(byKind(objects, 'Alertmanager')).toEqual([]);
    expect(byKind(objects, 'Namespace')).toEqual([]);
    expect(findObject(objects, 'Prometheus').spec.alerting).toBeUndefined();
  });

  test('the stack\'s namespace comes from the chart when not given', () => {
    const chart = new Chart(Testing.app(), 'c', { namespace: 'observability' });
    const stack = new PrometheusStack(chart, 'stack');
    const objects = synthValid(chart);
    expect(stack.namespace).toBe('observability');
    expect(findObject(objects, 'Namespace').metadata.name).toBe('observability');
    expect(findObject(objects, 'Namespace').metadata.namespace).toBeUndefined();
  });

  test('monitors created with the stack as their Prometheus are selected', () => {
    const chart = Testing.chart();
    const stack = new PrometheusStack(chart, 'stack');
    new ServiceMonitor(chart, 'sm', { metadata: { namespace: 'web' }, prometheus: stack, selector: Selector.matchLabels({ app: 'web' }), endpoints: [{ port: 'http' }] });
    const pm = stack.addPodMonitor('pm', { selector: Selector.matchLabels({ app: 'worker' }), podMetricsEndpoints: [{ port: 'metrics' }] });
    Checks.acknowledge(pm, 'WIRE-NO-MATCHING-TARGET-OBJECT', 'the test checks selection only; the app has no worker pods');
    const objects = synthValid(chart);
    expect(expectValidMonitoringObjects(objects)).toBe(4);
    const selection = selectFor(findObject(objects, 'Prometheus'), new ObjectIndex(objects));
    expect(selection.selected.serviceMonitors).toHaveLength(1);
    expect(selection.selected.podMonitors).toHaveLength(1);
  });
});
