/**
 * A hand-built cdk8s app of plain ApiObjects: Prometheus monitoring/k8s with RBAC, and a web app
 * in `apps` with a Deployment, a Service with a named metrics port and a ServiceMonitor — the
 * demo's wiring, without the library's constructs.
 */

import { ApiObject, App, Chart, Testing } from 'cdk8s';
import { Construct } from 'constructs';

/** Options to plant mistakes. */
export interface WebAppOptions {
  /** Labels of the ServiceMonitor. Default: release=prometheus. */
  readonly monitorLabels?: Record<string, string>;
  /** endpoints[0].port of the ServiceMonitor. Default: metrics. */
  readonly monitorPort?: string;
}

/** The monitoring chart: Prometheus monitoring/k8s selecting release=prometheus everywhere, its ServiceAccount and RBAC. */
export class MonitoringChart extends Chart {
  public readonly prometheus: ApiObject;

  constructor(scope: Construct, id: string) {
    super(scope, id, { namespace: 'monitoring' });
    new ApiObject(this, 'Namespace', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'monitoring', namespace: undefined } });
    this.prometheus = new ApiObject(this, 'Prometheus', {
      apiVersion: 'monitoring.coreos.com/v1',
      kind: 'Prometheus',
      metadata: { name: 'k8s' },
      spec: {
        serviceAccountName: 'prometheus-k8s',
        serviceMonitorSelector: { matchLabels: { release: 'prometheus' } },
        serviceMonitorNamespaceSelector: {},
        storage: { volumeClaimTemplate: { spec: { resources: { requests: { storage: '10Gi' } } } } },
      },
    });
    new ApiObject(this, 'ServiceAccount', { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'prometheus-k8s' } });
    new ApiObject(this, 'ClusterRole', {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRole',
      metadata: { name: 'prometheus-k8s', namespace: undefined },
      rules: [{ apiGroups: [''], resources: ['services', 'endpoints', 'pods'], verbs: ['get', 'list', 'watch'] }],
    } as any);
    new ApiObject(this, 'ClusterRoleBinding', {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRoleBinding',
      metadata: { name: 'prometheus-k8s', namespace: undefined },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'prometheus-k8s' },
      subjects: [{ kind: 'ServiceAccount', name: 'prometheus-k8s', namespace: 'monitoring' }],
    } as any);
  }
}

/** The web app chart in namespace apps. */
export class WebChart extends Chart {
  public readonly monitor: ApiObject;
  public readonly service: ApiObject;

  constructor(scope: Construct, id: string, options: WebAppOptions = {}) {
    super(scope, id, { namespace: 'apps' });
    new ApiObject(this, 'Namespace', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'apps', namespace: undefined } });
    const labels = { app: 'web' };
    new ApiObject(this, 'Deployment', {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web', labels },
      spec: {
        selector: { matchLabels: labels },
        template: {
          metadata: { labels },
          spec: { containers: [{ name: 'web', image: 'example/web:1', ports: [{ name: 'http', containerPort: 8080 }, { name: 'metrics', containerPort: 9090 }] }] },
        },
      },
    });
    this.service = new ApiObject(this, 'Service', {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'web', labels },
      spec: { selector: labels, ports: [{ name: 'http', port: 80, targetPort: 'http' }, { name: 'metrics', port: 9090, targetPort: 'metrics' }] },
    });
    this.monitor = new ApiObject(this, 'Monitor', {
      apiVersion: 'monitoring.coreos.com/v1',
      kind: 'ServiceMonitor',
      metadata: { name: 'web', labels: options.monitorLabels ?? { release: 'prometheus' } },
      spec: { selector: { matchLabels: labels }, endpoints: [{ port: options.monitorPort ?? 'metrics' }] },
    });
  }
}

/** An app with both charts (outdir in a temporary folder). */
export function webApp(options: WebAppOptions = {}): { app: App; monitoring: MonitoringChart; web: WebChart } {
  const app = Testing.app();
  const monitoring = new MonitoringChart(app, 'Monitoring');
  const web = new WebChart(app, 'Web', options);
  return { app, monitoring, web };
}
