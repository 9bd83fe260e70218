import { baselineApp, messages } from './fixtures';

const ID = 'MANIFEST-NO-NAMESPACE';

describe(ID, () => {
  test('one WARN for all namespace-less objects, naming the assumed namespace', () => {
    const app = baselineApp().map((o) => (o.kind === 'Namespace' ? o : { ...o, metadata: { ...o.metadata, namespace: undefined } }));
    expect(messages(app, ID)).toEqual([
      '[MANIFEST-NO-NAMESPACE] WARN: 5 namespaced objects have no metadata.namespace (Prometheus k8s, ServiceAccount prometheus-k8s, '
      + 'Deployment web, Service web, ServiceMonitor web); the checks assumed namespace "default". Selection and RBAC results change if they '
      + "are applied to another namespace. Fix: set a namespace on the objects (for cdk8s, the Chart's namespace).",
    ]);
  });
});
