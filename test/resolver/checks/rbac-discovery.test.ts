import { baselineApp, messages, modify } from './fixtures';
import { KubeObject } from '../../../src/resolver/types';

const ID = 'RBAC-DISCOVERY';
const withoutRbac = () => baselineApp().filter((o) => !o.apiVersion.startsWith('rbac.authorization.k8s.io'));
const role: KubeObject = {
  apiVersion: 'rbac.authorization.k8s.io/v1',
  kind: 'Role',
  metadata: { name: 'prometheus', namespace: 'monitoring' },
  rules: [{ apiGroups: [''], resources: ['services', 'endpoints', 'pods'], verbs: ['get', 'list', 'watch'] }],
} as KubeObject;
const roleBinding: KubeObject = {
  apiVersion: 'rbac.authorization.k8s.io/v1',
  kind: 'RoleBinding',
  metadata: { name: 'prometheus', namespace: 'monitoring' },
  roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'prometheus' },
  subjects: [{ kind: 'ServiceAccount', name: 'prometheus-k8s', namespace: 'monitoring' }],
} as KubeObject;

describe(ID, () => {
  test('the baseline ClusterRoleBinding covers every namespace', () => {
    expect(messages(baselineApp(), ID)).toEqual([]);
  });

  test('a Role only in the Prometheus namespace while a ServiceMonitor looks in apps', () => {
    expect(messages([...withoutRbac(), role, roleBinding], ID)).toEqual([
      '[RBAC-DISCOVERY] ERROR Prometheus monitoring/k8s spec.serviceAccountName: ServiceAccount monitoring/prometheus-k8s cannot list/watch '
      + 'services, endpoints, pods in namespace apps (needed by ServiceMonitor apps/web). Prometheus will log "forbidden" and discover no '
      + 'targets there. Fix: add a Role and RoleBinding in apps granting get, list, watch on services, endpoints, pods, or a ClusterRoleBinding.',
    ]);
  });

  test('a monitor looking in all namespaces needs a cluster-wide grant', () => {
    const app = modify([...withoutRbac(), role, roleBinding], 'ServiceMonitor', 'web', (m) => { m.spec.namespaceSelector = { any: true }; });
    expect(messages(app, ID)).toEqual([
      '[RBAC-DISCOVERY] ERROR Prometheus monitoring/k8s spec.serviceAccountName: ServiceAccount monitoring/prometheus-k8s cannot list/watch '
      + 'services, endpoints, pods cluster-wide (all namespaces) (needed by ServiceMonitor apps/web). Prometheus will log "forbidden" and '
      + 'discover no targets outside the namespaces it has Roles in. Fix: bind a ClusterRole granting get, list, watch on services, endpoints, '
      + 'pods with a ClusterRoleBinding.',
    ]);
  });

  test('EndpointSlice discovery needs endpointslices', () => {
    const app = modify(modify(baselineApp(), 'Prometheus', 'k8s', (p) => { p.spec.serviceDiscoveryRole = 'EndpointSlice'; }),
      'ClusterRole', 'prometheus-k8s', (r) => { r.rules = r.rules.filter((rule: any) => !rule.apiGroups.includes('discovery.k8s.io')); });
    expect(messages(app, ID)).toEqual([
      '[RBAC-DISCOVERY] ERROR Prometheus monitoring/k8s spec.serviceAccountName: ServiceAccount monitoring/prometheus-k8s cannot list/watch '
      + 'endpointslices.discovery.k8s.io in namespace apps (needed by ServiceMonitor apps/web). Prometheus will log "forbidden" and discover '
      + 'no targets there. Fix: add a Role and RoleBinding in apps granting get, list, watch on endpointslices.discovery.k8s.io, or a '
      + 'ClusterRoleBinding.',
    ]);
  });

  test('a binding whose subject names another namespace does not count', () => {
    const app = modify(baselineApp(), 'ClusterRoleBinding', 'prometheus-k8s', (b) => { b.subjects[0].namespace = 'default'; });
    expect(messages(app, ID)).toEqual([
      '[RBAC-DISCOVERY] WARN Prometheus monitoring/k8s spec.serviceAccountName: cannot verify discovery permissions: no RoleBinding or '
      + 'ClusterRoleBinding in the app binds ServiceAccount monitoring/prometheus-k8s. Without list/watch on services, endpoints and pods '
      + 'Prometheus logs "forbidden" and discovers no targets. Fix: bind a Role in each monitored namespace (or a ClusterRole) granting get, '
      + 'list, watch on services, endpoints, pods to the ServiceAccount, or acknowledge this finding if RBAC is managed elsewhere.',
    ]);
  });

  test('an aggregated ClusterRole grants the rules of the roles it aggregates', () => {
    const app = modify(baselineApp(), 'ClusterRole', 'prometheus-k8s', (r) => {
      r.aggregationRule = { clusterRoleSelectors: [{ matchLabels: { 'rbac.example.com/aggregate-to-prometheus': 'true' } }] };
      r.rules = [];
    });
    const part: KubeObject = {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRole',
      metadata: { name: 'discovery', labels: { 'rbac.example.com/aggregate-to-prometheus': 'true' } },
      rules: [{ apiGroups: [''], resources: ['*'], verbs: ['list', 'watch'] }],
    } as KubeObject;
    expect(messages([...app, part], ID)).toEqual([]);
  });
});
