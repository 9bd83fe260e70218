import { baselineApp, messages, modify } from './fixtures';

const ID = 'SEL-NAMESPACE-UNSELECTED';

describe(ID, () => {
  test('an unset namespace selector means the Prometheus namespace only', () => {
    const app = modify(baselineApp(), 'Prometheus', 'k8s', (p) => { delete p.spec.serviceMonitorNamespaceSelector; });
    expect(messages(app, ID)).toEqual([
      '[SEL-NAMESPACE-UNSELECTED] ERROR ServiceMonitor apps/web metadata.namespace: Prometheus monitoring/k8s selects its labels but '
      + 'spec.serviceMonitorNamespaceSelector is unset, which means only namespace "monitoring". Prometheus will not scrape it. Fix: set '
      + 'spec.serviceMonitorNamespaceSelector of Prometheus monitoring/k8s to {} (all namespaces) or {matchLabels: '
      + '{kubernetes.io/metadata.name: apps}}, or move the ServiceMonitor to "monitoring".',
    ]);
  });

  test('a Namespace whose labels do not match the namespace selector', () => {
    const app = modify(baselineApp(), 'Prometheus', 'k8s', (p) => { p.spec.serviceMonitorNamespaceSelector = { matchLabels: { monitoring: 'on' } }; });
    expect(messages(app, ID)).toEqual([
      '[SEL-NAMESPACE-UNSELECTED] ERROR ServiceMonitor apps/web metadata.namespace: Prometheus monitoring/k8s selects its labels but namespace '
      + '"apps" (labels {kubernetes.io/metadata.name=apps}) does not match spec.serviceMonitorNamespaceSelector {monitoring=on}. Prometheus '
      + 'will not scrape it. Fix: label Namespace apps to match spec.serviceMonitorNamespaceSelector of Prometheus monitoring/k8s, or widen '
      + 'that selector.',
    ]);
  });

  test('a Namespace the app does not define cannot be verified: WARN', () => {
    const app = modify(baselineApp(), 'Prometheus', 'k8s', (p) => { p.spec.serviceMonitorNamespaceSelector = { matchLabels: { monitoring: 'on' } }; })
      .filter((o) => !(o.kind === 'Namespace' && o.metadata.name === 'apps'));
    expect(messages(app, ID)).toEqual([
      '[SEL-NAMESPACE-UNSELECTED] WARN ServiceMonitor apps/web metadata.namespace: Prometheus monitoring/k8s selects its labels but namespace '
      + '"apps" is not defined in the app, so its labels cannot be matched against spec.serviceMonitorNamespaceSelector {monitoring=on}. If '
      + 'Namespace apps lacks those labels in the cluster, Prometheus will not scrape it. Fix: define Namespace apps in the app with the labels '
      + 'spec.serviceMonitorNamespaceSelector of Prometheus monitoring/k8s requires.',
    ]);
  });

  test('a selector on kubernetes.io/metadata.name is decided without the Namespace object', () => {
    const app = modify(baselineApp(), 'Prometheus', 'k8s', (p) => {
      p.spec.serviceMonitorNamespaceSelector = { matchLabels: { 'kubernetes.io/metadata.name': 'apps' } };
    }).filter((o) => o.kind !== 'Namespace');
    expect(messages(app, ID)).toEqual([]);
  });
});
