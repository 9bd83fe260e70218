/**
 * What a Prometheus must be allowed to read in the Kubernetes API, worked out from plain objects:
 * the Prometheus CR and the monitors, probes, scrape configs and Namespaces of the app. Which
 * objects the Prometheus selects comes from the resolver's selection (the operator's rules). Pure:
 * no constructs, so the same rules can be tested on JSON alone.
 */
import { NAMESPACE_NAME_LABEL } from '../common/namespace-selector';
import { LabelSelector, ObjectIndex, selectFor } from '../resolver/select';
import { KubeObject } from '../resolver/types';

/** The path of the token Kubernetes mounts into every pod for its ServiceAccount. */
export const SERVICE_ACCOUNT_TOKEN_PATH = '/var/run/secrets/kubernetes.io/serviceaccount/token';


/** A Kubernetes object as JSON. */
export type PlainObject = KubeObject;

/** The read access a Prometheus needs. */
export interface RbacPlan {
  /** Services, endpoints, endpointslices and pods are read in every namespace (a ClusterRole). */
  readonly clusterWide: boolean;
  /** Why access is cluster-wide (the field or object that reads all namespaces or namespaces chosen by labels). */
  readonly clusterWideBecause: string[];
  /** Namespaces where services, endpoints, endpointslices and pods are read, sorted. */
  readonly namespaces: string[];
  /** Ingresses are read in every namespace. */
  readonly ingressesClusterWide: boolean;
  /** Namespaces where ingresses are read, sorted. */
  readonly ingressNamespaces: string[];
  /** Nodes are read (node metadata on targets, node discovery). */
  readonly nodes: boolean;
  /** Kubelet (`nodes/metrics`) and API server (`/metrics`) metrics are read with the service account token. */
  readonly kubernetesMetrics: boolean;
}

/** Inputs other than objects. */
export interface RbacPlanOptions {
  /** Further namespaces to grant discovery access in. */
  readonly extraNamespaces?: string[];
  /** Force (true) or forbid (false) Kubernetes metrics access; undefined detects it from the monitors. */
  readonly kubernetesMetrics?: boolean;
}

/** The Prometheus fields selecting the namespaces of each monitor kind. */
const NAMESPACE_SELECTORS: { [kind: string]: string } = {
  ServiceMonitor: 'serviceMonitorNamespaceSelector',
  PodMonitor: 'podMonitorNamespaceSelector',
  Probe: 'probeNamespaceSelector',
  ScrapeConfig: 'scrapeConfigNamespaceSelector',
};

/** How a Prometheus namespace selector (`serviceMonitorNamespaceSelector`, ...) reads. */
interface NamespaceScope {
  /** Namespaces known by name; undefined when chosen by labels or all. */
  readonly names?: string[];
  /** Every namespace (`{}`). */
  readonly all: boolean;
}

/**
 * Reads a Prometheus namespace selector: missing is the own namespace, `{}` all namespaces, a
 * single `kubernetes.io/metadata.name In (...)` requirement a list of names, anything else
 * namespaces chosen by labels.
 */
function namespaceScope(selector: LabelSelector | undefined, ownNamespace: string): NamespaceScope {
  if (selector === undefined || selector === null) {
    return { names: [ownNamespace], all: false };
  }
  const labels = Object.keys(selector.matchLabels ?? {});
  const exprs = selector.matchExpressions ?? [];
  if (labels.length === 0 && exprs.length === 0) {
    return { all: true };
  }
  if (labels.length === 0 && exprs.length === 1 && exprs[0].key === NAMESPACE_NAME_LABEL && exprs[0].operator === 'In') {
    return { names: [...(exprs[0].values ?? [])], all: false };
  }
  if (labels.length === 1 && labels[0] === NAMESPACE_NAME_LABEL && exprs.length === 0) {
    return { names: [selector.matchLabels![NAMESPACE_NAME_LABEL]], all: false };
  }
  return { all: false };
}

/** Works out the read access a Prometheus needs from the objects of the app. */
export function planPrometheusRbac(prometheus: PlainObject, objects: readonly PlainObject[], options: RbacPlanOptions = {}): RbacPlan {
  const own = prometheus.metadata?.namespace ?? 'default';
  const spec = prometheus.spec ?? {};
  const state = new PlanState(own);
  const scrapeClasses = new ScrapeClasses(spec.scrapeClasses ?? []);

  for (const [kind, field] of Object.entries(NAMESPACE_SELECTORS)) {
    if (spec[field.replace('NamespaceSelector', 'Selector')] === undefined) {
      continue;
    }
    const scope = namespaceScope(spec[field], own);
    if (scope.names) {
      scope.names.forEach((n) => state.namespaces.add(n));
    } else {
      state.clusterWideBecause.push(`spec.${field} ${scope.all ? 'selects all namespaces' : 'chooses namespaces by label'} (${kind}s)`);
    }
  }
  // Objects the operator rejects for their content still need access once fixed, and objects whose
  // selection depends on Namespace labels outside the app may be selected: both count.
  const selection = selectFor(prometheus, new ObjectIndex(objects.map(withNamespace)));
  const picked = [
    ...Object.values(selection.selected).flat(),
    ...selection.rejected.map((r) => r.object),
    ...selection.undecided.map((u) => u.object),
  ].filter((o) => o.kind !== 'PrometheusRule');
  for (const obj of picked) {
    addMonitor(state, obj, obj.metadata.namespace!, spec.ignoreNamespaceSelectors === true, scrapeClasses);
  }

  for (const am of spec.alerting?.alertmanagers ?? []) {
    state.namespaces.add(am.namespace ?? own);
  }
  (options.extraNamespaces ?? []).forEach((n) => state.namespaces.add(n));

  const clusterWide = state.clusterWideBecause.length > 0;
  return {
    clusterWide,
    clusterWideBecause: [...state.clusterWideBecause],
    namespaces: [...state.namespaces].sort(),
    ingressesClusterWide: state.ingressesClusterWide,
    ingressNamespaces: [...state.ingressNamespaces].sort(),
    nodes: state.nodes,
    kubernetesMetrics: options.kubernetesMetrics ?? state.kubernetesMetrics,
  };
}

class PlanState {
  public readonly namespaces = new Set<string>();
  public readonly ingressNamespaces = new Set<string>();
  public readonly clusterWideBecause: string[] = [];
  public ingressesClusterWide = false;
  public nodes = false;
  public kubernetesMetrics = false;

  constructor(public readonly own: string) {
    this.namespaces.add(own);
  }
}

/** The scrape classes of the Prometheus, by name, and which one is the default. */
class ScrapeClasses {
  private readonly byName = new Map<string, any>();
  private readonly defaultName?: string;

  constructor(classes: any[]) {
    for (const c of classes) {
      this.byName.set(c.name, c);
    }
    this.defaultName = classes.find((c) => c.default === true)?.name;
  }

  /** The scrape class a monitor uses: the one it names, else the default. */
  public of(monitorSpec: any): any | undefined {
    return this.byName.get(monitorSpec?.scrapeClass ?? this.defaultName);
  }
}

function addMonitor(state: PlanState, obj: PlainObject, ns: string, ignoreNamespaceSelectors: boolean, classes: ScrapeClasses): void {
  const spec = obj.spec ?? {};
  const path = `${obj.kind} ${ns}/${obj.metadata?.name ?? ''}`;
  const scrapeClass = classes.of(spec);
  if (spec.attachMetadata?.node === true || scrapeClass?.attachMetadata?.node === true) {
    state.nodes = true;
  }
  if (scrapeClass?.authorization?.credentialsFile === SERVICE_ACCOUNT_TOKEN_PATH) {
    state.kubernetesMetrics = true;
  }
  switch (obj.kind) {
    case 'ServiceMonitor':
    case 'PodMonitor': {
      const targets = ignoreNamespaceSelectors ? [ns] : monitorNamespaces(spec.namespaceSelector, ns);
      addNamespaces(state, targets, state.namespaces, `${path} spec.namespaceSelector.any`);
      const endpoints: any[] = spec.endpoints ?? spec.podMetricsEndpoints ?? [];
      if (endpoints.some((e) => e?.bearerTokenFile === SERVICE_ACCOUNT_TOKEN_PATH)) {
        state.kubernetesMetrics = true;
      }
      break;
    }
    case 'Probe': {
      const ingress = spec.targets?.ingress;
      if (ingress) {
        const targets = ignoreNamespaceSelectors ? [ns] : monitorNamespaces(ingress.namespaceSelector, ns);
        if (targets === undefined) {
          state.ingressesClusterWide = true;
        } else {
          targets.forEach((n) => state.ingressNamespaces.add(n));
        }
      }
      break;
    }
    case 'ScrapeConfig':
      for (const sd of spec.kubernetesSDConfigs ?? []) {
        addKubernetesSd(state, sd, path);
      }
      break;
  }
}

/** Namespaces of a monitor's `namespaceSelector` (`any`, `matchNames`, or its own); undefined for all. */
function monitorNamespaces(selector: any, ns: string): string[] | undefined {
  if (selector?.any === true) {
    return undefined;
  }
  const names: string[] = selector?.matchNames ?? [];
  return names.length > 0 ? names : [ns];
}

function addNamespaces(state: PlanState, names: string[] | undefined, into: Set<string>, allBecause: string): void {
  if (names === undefined) {
    state.clusterWideBecause.push(allBecause);
  } else {
    names.forEach((n) => into.add(n));
  }
}

function addKubernetesSd(state: PlanState, sd: any, path: string): void {
  if (sd.apiServer) {
    // Another cluster's API server: the pod's own RBAC does not apply.
    return;
  }
  if (sd.attachMetadata?.node === true) {
    state.nodes = true;
  }
  const role = String(sd.role ?? '').toLowerCase();
  if (role === 'node') {
    state.nodes = true;
    return;
  }
  const names: string[] = [...(sd.namespaces?.names ?? []), ...(sd.namespaces?.ownNamespace === true ? [state.own] : [])];
  const scoped = names.length > 0 ? names : undefined;
  if (role === 'ingress') {
    if (scoped === undefined) {
      state.ingressesClusterWide = true;
    } else {
      scoped.forEach((n) => state.ingressNamespaces.add(n));
    }
    return;
  }
  addNamespaces(state, scoped, state.namespaces, `${path} kubernetesSDConfigs (role ${sd.role}) lists no namespaces`);
}

/** Namespaced objects without a namespace are applied to the default namespace. */
function withNamespace(obj: KubeObject): KubeObject {
  return obj.kind === 'Namespace' || obj.metadata?.namespace ? obj : { ...obj, metadata: { ...obj.metadata, namespace: 'default' } };
}
