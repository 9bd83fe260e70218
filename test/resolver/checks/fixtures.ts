/**
 * Builders for the objects the check tests plant mistakes in, and a correct baseline app:
 * Prometheus monitoring/k8s selecting `release: prometheus` monitors in every namespace, and a
 * web app in `apps` (Deployment, Service with a named metrics port, ServiceMonitor).
 */

import { KubeObject } from '../../../src/resolver/types';

export function namespace(name: string, labels: Record<string, string> = {}): KubeObject {
  return { apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels } };
}

export interface ContainerPortSpec {
  name?: string;
  containerPort: number;
}

export function deployment(ns: string, name: string, labels: Record<string, string>, ports: ContainerPortSpec[], replicas = 1): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: ns, labels },
    spec: {
      replicas,
      selector: { matchLabels: labels },
      template: { metadata: { labels }, spec: { containers: [{ name, image: 'example/app:1', ports }] } },
    },
  };
}

export function service(ns: string, name: string, labels: Record<string, string>, selector: Record<string, string> | undefined,
  ports: Array<{ name?: string; port: number; targetPort?: number | string }>): KubeObject {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: ns, labels }, spec: { selector, ports } };
}

export function serviceMonitor(ns: string, name: string, labels: Record<string, string>, spec: Record<string, unknown>): KubeObject {
  return { apiVersion: 'monitoring.coreos.com/v1', kind: 'ServiceMonitor', metadata: { name, namespace: ns, labels }, spec };
}

export function podMonitor(ns: string, name: string, labels: Record<string, string>, spec: Record<string, unknown>): KubeObject {
  return { apiVersion: 'monitoring.coreos.com/v1', kind: 'PodMonitor', metadata: { name, namespace: ns, labels }, spec };
}

export function prometheusRule(ns: string, name: string, labels: Record<string, string>, groups: unknown[]): KubeObject {
  return { apiVersion: 'monitoring.coreos.com/v1', kind: 'PrometheusRule', metadata: { name, namespace: ns, labels }, spec: { groups } };
}

export function prometheus(ns: string, name: string, spec: Record<string, unknown>): KubeObject {
  return { apiVersion: 'monitoring.coreos.com/v1', kind: 'Prometheus', metadata: { name, namespace: ns }, spec };
}

/** RBAC for a Prometheus ServiceAccount: a ClusterRole with discovery rights bound cluster-wide. */
export function prometheusRbac(ns: string, sa: string): KubeObject[] {
  return [
    { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: sa, namespace: ns } },
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRole',
      metadata: { name: sa },
      rules: [
        { apiGroups: [''], resources: ['services', 'endpoints', 'pods'], verbs: ['get', 'list', 'watch'] },
        { apiGroups: ['discovery.k8s.io'], resources: ['endpointslices'], verbs: ['get', 'list', 'watch'] },
        { apiGroups: [''], resources: ['configmaps'], verbs: ['get'] },
      ],
    },
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRoleBinding',
      metadata: { name: sa },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: sa },
      subjects: [{ kind: 'ServiceAccount', name: sa, namespace: ns }],
    },
  ];
}

/** A correct app: every check passes on it (apart from deliberate storage/PDB choices stated in tests). */
export function baselineApp(): KubeObject[] {
  return [
    namespace('monitoring'),
    namespace('apps'),
    prometheus('monitoring', 'k8s', {
      serviceAccountName: 'prometheus-k8s',
      serviceMonitorSelector: { matchLabels: { release: 'prometheus' } },
      serviceMonitorNamespaceSelector: {},
      podMonitorSelector: { matchLabels: { release: 'prometheus' } },
      podMonitorNamespaceSelector: {},
      ruleSelector: { matchLabels: { release: 'prometheus' } },
      ruleNamespaceSelector: {},
      storage: { volumeClaimTemplate: { spec: { resources: { requests: { storage: '10Gi' } } } } },
    }),
    ...prometheusRbac('monitoring', 'prometheus-k8s'),
    deployment('apps', 'web', { app: 'web' }, [{ name: 'http', containerPort: 8080 }, { name: 'metrics', containerPort: 9090 }]),
    service('apps', 'web', { app: 'web' }, { app: 'web' }, [
      { name: 'http', port: 80, targetPort: 'http' },
      { name: 'metrics', port: 9090, targetPort: 'metrics' },
    ]),
    serviceMonitor('apps', 'web', { release: 'prometheus' }, {
      selector: { matchLabels: { app: 'web' } },
      endpoints: [{ port: 'metrics', interval: '30s' }],
    }),
  ];
}

/** The objects of `objects` with the one named `kind/name` replaced by `change(copy)`. */
export function modify(objects: KubeObject[], kind: string, name: string, change: (o: KubeObject) => void): KubeObject[] {
  return objects.map((o) => {
    if (o.kind !== kind || o.metadata.name !== name) return o;
    const copy = structuredClone(o);
    change(copy);
    return copy;
  });
}

/** The messages of the findings of check `id` (all checks when omitted) over `objects`. */
export function messages(objects: KubeObject[], id?: string): string[] {
  // Imported lazily so that the fixtures stay plain data for other tests.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { runChecks, formatFinding } = require('../../../src/resolver/checks') as typeof import('../../../src/resolver/checks');
  return runChecks(objects, id ? { only: [id] } : {}).map(formatFinding);
}
