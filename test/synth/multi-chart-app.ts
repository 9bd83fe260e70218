/**
 * An app of many charts, correctly wired: a monitoring chart with a PrometheusStack (its RBAC
 * comes before the app's Checks in construct tree order), one chart per team namespace with a
 * MonitoredApp the stack selects, and an audit chart (after the Checks) with a second Prometheus
 * that selects every ServiceMonitor in the namespaces the app puts them in, and an Alertmanager
 * without storage (one warning, HA-EPHEMERAL-STORAGE).
 */

import { ApiObject, App, Chart } from 'cdk8s';
import { Alertmanager, MonitoredApp, Prometheus, PrometheusStack, Selector } from '../../src';

/** The constructs of a {@link buildMultiChartApp} app. */
export interface MultiChartApp {
  readonly stack: PrometheusStack;
  readonly apps: MonitoredApp[];
  readonly auditor: Prometheus;
  /** The ServiceMonitor ApiObject of each MonitoredApp. */
  readonly monitors: ApiObject[];
}

/** Adds the charts to `app`: `teams` team charts between the monitoring and the audit chart. */
export function buildMultiChartApp(app: App, teams: number): MultiChartApp {
  const monitoring = new Chart(app, 'monitoring', { namespace: 'monitoring' });
  const stack = new PrometheusStack(monitoring, 'stack', { namespace: 'monitoring' });
  const apps: MonitoredApp[] = [];
  for (let i = 0; i < teams; i++) {
    const namespace = `team-${i}`;
    apps.push(new MonitoredApp(new Chart(app, namespace, { namespace }), 'web', { namespace, image: 'example/web:1', prometheus: stack }));
  }
  const audit = new Chart(app, 'audit', { namespace: 'audit' });
  const auditor = new Prometheus(audit, 'audit', { namespace: 'audit', serviceMonitorSelector: Selector.all() });
  new Alertmanager(audit, 'am', { metadata: { namespace: 'audit' } });
  return { stack, apps, auditor, monitors: apps.map((a) => ApiObject.of(a.serviceMonitor!)) };
}

/** Counts the renderings of `obj` (calls of its toJson). */
export function countRenders(obj: ApiObject): { count: number } {
  const counter = { count: 0 };
  const render = obj.toJson.bind(obj);
  obj.toJson = () => {
    counter.count++;
    return render();
  };
  return counter;
}
