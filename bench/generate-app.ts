/**
 * The benchmark's generated cdk8s app: `monitors` monitored apps spread over `namespaces`
 * namespaces, and a `monitoring` chart with three Prometheus whose selectors each pick a
 * different share of the monitors. The generator also works out, by its own
 * arithmetic, how many ServiceMonitors and PodMonitors each Prometheus must select, so the
 * benchmark can check the resolver's result while it measures it.
 */

import { App, Chart } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { NamespaceSelector } from '../src/common/namespace-selector';
import { Selector, SelectorOperator } from '../src/common/selector';
import { MonitoredApp, MonitorKind } from '../src/patterns';
import { Prometheus, PrometheusProps } from '../src/prometheus';

/** Size of a generated app. */
export interface BenchAppSize {
  /** Number of monitors (one MonitoredApp each). */
  readonly monitors: number;
  /** Number of application namespaces. */
  readonly namespaces: number;
  /**
   * One chart per namespace instead of one chart for all apps. cdk8s validates the whole app
   * each time it synthesizes a chart, so this multiplies the synth-time work of constructs.
   * @default false
   */
  readonly chartPerNamespace?: boolean;
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
  props: PrometheusProps;
  selects: (kind: MonitorKind, ns: Labels, monitor: Labels) => boolean;
}> = [
  {
    // Everything, everywhere: empty selectors.
    name: 'cluster',
    props: {
      serviceMonitorSelector: Selector.all(),
      serviceMonitorNamespaceSelector: NamespaceSelector.all(),
      podMonitorSelector: Selector.all(),
      podMonitorNamespaceSelector: NamespaceSelector.all(),
    },
    selects: () => true,
  },
  {
    // Stable releases in production namespaces: matchLabels on both.
    name: 'production',
    props: {
      serviceMonitorSelector: Selector.matchLabels({ release: 'stable' }),
      serviceMonitorNamespaceSelector: NamespaceSelector.labeled({ env: 'prod' }),
      podMonitorSelector: Selector.matchLabels({ release: 'stable' }),
      podMonitorNamespaceSelector: NamespaceSelector.labeled({ env: 'prod' }),
    },
    selects: (_kind, ns, monitor) => monitor.release === 'stable' && ns.env === 'prod',
  },
  {
    // Web tiers outside team e, by expressions; no PodMonitors.
    name: 'web',
    props: {
      serviceMonitorSelector: Selector.of({ matchExpressions: [{ key: 'tier', operator: SelectorOperator.IN, values: ['frontend', 'backend'] }] }),
      serviceMonitorNamespaceSelector: NamespaceSelector.matching({ matchExpressions: [{ key: 'team', operator: SelectorOperator.NOT_IN, values: ['e'] }] }),
      podMonitorSelector: Selector.none(),
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
  const namespaces = new Chart(app, 'namespaces');
  new kplus.Namespace(namespaces, MONITORING_NAMESPACE, { metadata: { name: MONITORING_NAMESPACE } });
  const appsChart = size.chartPerNamespace ? undefined : new Chart(app, 'apps');
  const scopes: Construct[] = [];
  for (let n = 0; n < size.namespaces; n++) {
    const name = namespaceName(n);
    new kplus.Namespace(namespaces, name, { metadata: { name, labels: namespaceLabels(n) } });
    scopes.push(appsChart ? new Construct(appsChart, name) : new Chart(app, name, { namespace: name }));
  }
  const counts = PROMETHEUSES.map(() => ({ serviceMonitors: 0, podMonitors: 0 }));
  for (let i = 0; i < size.monitors; i++) {
    const n = i % size.namespaces;
    const k = Math.floor(i / size.namespaces);
    const kind = monitorKind(k);
    const labels = monitorLabels(k);
    new MonitoredApp(scopes[n], `app-${i}`, { namespace: namespaceName(n), image: 'registry.example.com/app:1.0', monitorKind: kind, monitorLabels: labels });
    PROMETHEUSES.forEach((p, j) => {
      if (!p.selects(kind, namespaceLabels(n), labels)) return;
      if (kind === MonitorKind.SERVICE_MONITOR) counts[j].serviceMonitors++;
      else counts[j].podMonitors++;
    });
  }
  const monitoringChart = new Chart(app, MONITORING_NAMESPACE, { namespace: MONITORING_NAMESPACE });
  for (const p of PROMETHEUSES) {
    new Prometheus(monitoringChart, p.name, { name: p.name, ...p.props });
  }
  const expected = PROMETHEUSES
    .map((p, j) => ({ prometheus: `${MONITORING_NAMESPACE}/${p.name}`, ...counts[j] }))
    .sort((a, b) => a.prometheus.localeCompare(b.prometheus));
  return { app, expected };
}
