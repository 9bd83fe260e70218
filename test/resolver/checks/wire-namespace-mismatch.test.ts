import { baselineApp, messages, modify } from './fixtures';

const ID = 'WIRE-NAMESPACE-MISMATCH';

describe(ID, () => {
  test('a ServiceMonitor without namespaceSelector next to Prometheus, the Service elsewhere', () => {
    const app = modify(baselineApp(), 'ServiceMonitor', 'web', (m) => { m.metadata.namespace = 'monitoring'; });
    expect(messages(app, ID)).toEqual([
      '[WIRE-NAMESPACE-MISMATCH] ERROR ServiceMonitor monitoring/web spec.namespaceSelector: spec.namespaceSelector is unset, so it only looks '
      + 'in namespace monitoring, but its selector matches Service apps/web. Prometheus will discover no targets. Fix: set '
      + 'spec.namespaceSelector.matchNames: [apps] (and grant Prometheus RBAC there), or move the ServiceMonitor to apps.',
    ]);
    expect(messages(app, 'WIRE-NO-MATCHING-TARGET-OBJECT')).toEqual([]);
  });

  test('matchNames naming a namespace the app does not define', () => {
    const app = modify(baselineApp(), 'ServiceMonitor', 'web', (m) => { m.spec.namespaceSelector = { matchNames: ['apps', 'app'] }; });
    expect(messages(app, ID)).toEqual([
      '[WIRE-NAMESPACE-MISMATCH] WARN ServiceMonitor apps/web spec.namespaceSelector.matchNames[1]: namespace "app" is not defined in the app '
      + '(no Namespace object and no object in it; the app has [apps, monitoring]). If it does not exist in the cluster, Prometheus finds no '
      + 'targets there. Fix: correct the namespace name, or define the namespace and its objects in the app.',
    ]);
  });

  test('a namespaceSelector a Prometheus ignores', () => {
    const app = modify(modify(baselineApp(), 'ServiceMonitor', 'web', (m) => { m.spec.namespaceSelector = { matchNames: ['apps'] }; }),
      'Prometheus', 'k8s', (p) => { p.spec.ignoreNamespaceSelectors = true; });
    expect(messages(app, ID)).toEqual([
      '[WIRE-NAMESPACE-MISMATCH] WARN ServiceMonitor apps/web spec.namespaceSelector: ignored: Prometheus monitoring/k8s sets '
      + 'spec.ignoreNamespaceSelectors. That Prometheus only looks in namespace apps. Fix: move the ServiceMonitor next to its targets, or '
      + 'unset ignoreNamespaceSelectors.',
    ]);
  });
});
