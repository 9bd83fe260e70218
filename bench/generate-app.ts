/**
 * The benchmark's generated cdk8s app: `monitors` monitored apps spread over `namespaces`
 * namespaces (one chart each), and a `monitoring` chart with three Prometheus whose selectors
 * each pick a different share of the monitors. The generator also works out, by its own
 * arithmetic, how many ServiceMonitors and PodMonitors each Prometheus must select, so the
 * benchmark can check the resolver's result while it measures it.
 */

import { App, Chart } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import * as monitoring from '../src/imports/monitoring.coreos.com';
import { MonitoredApp, MonitorKind } from '../src/patterns';

/** Size of a generated app. */
export interface BenchAppSize {
  /** Number of monitors (one MonitoredApp each). */
  readonly monitors: number;
  /** Number of application namespaces, each its own chart. */
  readonly namespaces: number;
}

/** How many monitors a Prometheus must select. */
export interface ExpectedSelection {
  /** `namespace/name` of the Prometheus. */
  readonly prometheus: string;
  /** ServiceMonitors it selects. */
  readonly serviceMonitors: number;
  /** PodMonitors it selects. */
  readonly podMonitors: number;
}

/** A generated app and what its Prometheus must select. */
export interface BenchApp {
  /** The cdk8s app. */
  readonly app: App;
  /** Expected selection per Prometheus, in the order the resolver reports them (namespace, name). */
  readonly expected: ExpectedSelection[];
}

/** Namespace of the three Prometheus. */
export const MONITORING_NAMESPACE = 'monitoring';

const TIERS = ['frontend', 'backend', 'batch', 'cache'];
const TEAMS = ['a', 'b', 'c', 'd', 'e'];

/** Labels of application namespace `n`. */
function namespaceLabels(n: number): Record<string, string> {
  return { team: TEAMS[n % TEAMS.length], env: n % 2 === 0 ? 'prod' : 'staging' };
}

/** Labels of the monitor of the `k`-th app in its namespace. */
function monitorLabels(k: number): Record<string, string> {
  return { tier: TIERS[k % TIERS.length], release: k % 5 === 0 ? 'canary' : 'stable' };
}

/** Every tenth app in a namespace is scraped by a PodMonitor, the others by a ServiceMonitor. */
function monitorKind(k: number): MonitorKind {
  return k % 10 === 9 ? MonitorKind.POD_MONITOR : MonitorKind.SERVICE_MONITOR;
}

type Labels = Record<string, string>;

/**
 * The three Prometheus: their selectors, and the same selection as a predicate over namespace
 * and monitor labels (the generator's independent answer).
 */
const PROMETHEUSES: Array<{
  name: string;
  spec: Record<string, unknown>;
  selects: (kind: MonitorKind, ns: Labels, monitor: Labels) => boolean;
}> = [
  {
    // Everything, everywhere: empty selectors.
    name: 'cluster',
    spec: {
      serviceMonitorSelector: {},
      serviceMonitorNamespaceSelector: {},
      podMonitorSelector: {},
      podMonitorNamespaceSelector: {},
    },
    selects: () => true,
  },
  {
    // Stable releases in production namespaces: matchLabels on both.
    name: 'production',
    spec: {
      serviceMonitorSelector: { matchLabels: { release: 'stable' } },
      serviceMonitorNamespaceSelector: { matchLabels: { env: 'prod' } },
      podMonitorSelector: { matchLabels: { release: 'stable' } },
      podMonitorNamespaceSelector: { matchLabels: { env: 'prod' } },
    },
    selects: (_kind, ns, monitor) => monitor.release === 'stable' && ns.env === 'prod',
  },
  {
    // Web tiers outside team e, by expressions; no podMonitorSelector, so no PodMonitors.
    name: 'web',
    spec: {
      serviceMonitorSelector: { matchExpressions: [{ key: 'tier', operator: 'In', values: ['frontend', 'backend'] }] },
      serviceMonitorNamespaceSelector: { matchExpressions: [{ key: 'team', operator: 'NotIn', values: ['e'] }] },
    },
    selects: (kind, ns, monitor) => kind === MonitorKind.SERVICE_MONITOR && ['frontend', 'backend'].includes(monitor.tier) && ns.team !== 'e',
  },
];

/** Name of application namespace `n`. */
function namespaceName(n: number): string {
  return `team-${String(n).padStart(2, '0')}`;
}

/**
 * Builds the app: app `i` lives in namespace `i % namespaces` and is the `floor(i / namespaces)`-th
 * there, which sets its monitor's labels and kind.
 */
export function generateApp(size: BenchAppSize): BenchApp {
  const app = new App();
  const charts: Chart[] = [];
  for (let n = 0; n < size.namespaces; n++) {
    const name = namespaceName(n);
    const chart = new Chart(app, name, { namespace: name });
    new kplus.Namespace(chart, 'Namespace', { metadata: { name, labels: namespaceLabels(n) } });
    charts.push(chart);
  }
  const counts = PROMETHEUSES.map(() => ({ serviceMonitors: 0, podMonitors: 0 }));
  for (let i = 0; i < size.monitors; i++) {
    const n = i % size.namespaces;
    const k = Math.floor(i / size.namespaces);
    const kind = monitorKind(k);
    const labels = monitorLabels(k);
    new MonitoredApp(charts[n], `app-${i}`, { image: 'registry.example.com/app:1.0', monitorKind: kind, monitorLabels: labels });
    PROMETHEUSES.forEach((p, j) => {
      if (!p.selects(kind, namespaceLabels(n), labels)) return;
      if (kind === MonitorKind.SERVICE_MONITOR) counts[j].serviceMonitors++;
      else counts[j].podMonitors++;
    });
  }
  const monitoringChart = new Chart(app, MONITORING_NAMESPACE, { namespace: MONITORING_NAMESPACE });
  new kplus.Namespace(monitoringChart, 'Namespace', { metadata: { name: MONITORING_NAMESPACE } });
  for (const p of PROMETHEUSES) {
    new monitoring.Prometheus(monitoringChart, p.name, { metadata: { name: p.name }, spec: p.spec as monitoring.PrometheusSpec });
  }
  const expected = PROMETHEUSES
    .map((p, j) => ({ prometheus: `${MONITORING_NAMESPACE}/${p.name}`, ...counts[j] }))
    .sort((a, b) => a.prometheus.localeCompare(b.prometheus));
  return { app, expected };
}
