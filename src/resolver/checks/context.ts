/**
 * What every check reads: the app's objects (namespaced objects without a namespace placed in the
 * default namespace), where each came from, lookups by kind and namespace, the pods the
 * workloads and the operator will create, and which Prometheus selects which monitor or rule.
 */

import { ObjectIndex, isMonitoringKind, isPrometheus, SelectableKind } from '../select/object-index';
import { selectAll } from '../select/select';
import { PrometheusSelection } from '../select/types';
import { KubeObject, MONITORING_GROUP, ObjectSource } from '../types';
import { Finding, FindingSeverity } from './finding';
import { isOperatedObject, operatedPodTemplate, operatedService } from './model/operator-objects';
import { podTemplateOf, PodTemplate } from './model/pod-templates';
import { explainSelection, SelectionExplanation } from './model/selection';

/** Options of {@link runChecks}. */
export interface RunChecksOptions {
  /** Where each object came from, in the same order as the objects. */
  readonly sources?: readonly (ObjectSource | undefined)[];
  /** The namespace assumed for namespaced objects that have none. Default: `default`. */
  readonly defaultNamespace?: string;
  /** Run only the checks with these IDs. Default: all. */
  readonly only?: readonly string[];
}

/** The fields of a finding a check supplies; the object's kind, namespace, name and source are filled in. */
export interface FindingDetails {
  readonly id: string;
  readonly severity: FindingSeverity;
  readonly field?: string;
  readonly problem: string;
  readonly effect?: string;
  readonly fix?: string;
}

/** Kinds that are not namespaced (the checks never give them a namespace). */
const CLUSTER_SCOPED: ReadonlySet<string> = new Set([
  'Namespace', 'Node', 'PersistentVolume', 'StorageClass', 'ClusterRole', 'ClusterRoleBinding',
  'CustomResourceDefinition', 'APIService', 'MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration',
  'PriorityClass', 'IngressClass', 'RuntimeClass', 'CSIDriver', 'ValidatingAdmissionPolicy', 'ValidatingAdmissionPolicyBinding',
]);

/** The check's view of the app. Built once per run; every lookup is indexed or memoized. */
export class CheckContext {
  /** The objects, namespaced ones with a namespace. */
  readonly objects: readonly KubeObject[];
  /** Namespaced objects that had no namespace in the input (they were placed in {@link defaultNamespace}). */
  readonly namespaceless: readonly KubeObject[];
  /** The namespace assumed for namespaced objects without one. */
  readonly defaultNamespace: string;
  /** Secrets, ConfigMaps and Namespaces by name. */
  readonly index: ObjectIndex;

  private readonly sources = new Map<KubeObject, ObjectSource>();
  private readonly byKind = new Map<string, KubeObject[]>();
  private readonly templatesByNs = new Map<string, PodTemplate[]>();
  private readonly servicesByNs = new Map<string, KubeObject[]>();
  private readonly explanations = new Map<KubeObject, SelectionExplanation[]>();
  private readonly knownNamespaces = new Set<string>();
  private readonly memo = new Map<string, WeakMap<object, unknown>>();
  private selectionList?: PrometheusSelection[];

  constructor(input: readonly KubeObject[], options: RunChecksOptions = {}) {
    this.defaultNamespace = options.defaultNamespace ?? 'default';
    const objects: KubeObject[] = [];
    const namespaceless: KubeObject[] = [];
    input.forEach((raw, i) => {
      if (!raw || typeof raw !== 'object' || typeof raw.kind !== 'string') return;
      const obj: KubeObject = { ...raw, metadata: { ...(raw.metadata ?? {}) } };
      if (!CLUSTER_SCOPED.has(obj.kind) && !obj.metadata.namespace) {
        obj.metadata.namespace = this.defaultNamespace;
        namespaceless.push(obj);
      }
      const source = options.sources?.[i];
      if (source) this.sources.set(obj, source);
      objects.push(obj);
    });
    this.objects = objects;
    this.namespaceless = namespaceless;
    this.index = new ObjectIndex(objects);
    for (const obj of objects) {
      let list = this.byKind.get(obj.kind);
      if (!list) this.byKind.set(obj.kind, list = []);
      list.push(obj);
      if (obj.kind === 'Namespace' && obj.metadata.name) this.knownNamespaces.add(obj.metadata.name);
      else if (obj.metadata.namespace) this.knownNamespaces.add(obj.metadata.namespace);
      const template = podTemplateOf(obj) ?? (isOperatedObject(obj) ? operatedPodTemplate(obj) : undefined);
      if (template) this.push(this.templatesByNs, template.namespace, template);
      if (obj.kind === 'Service' && obj.apiVersion === 'v1') this.push(this.servicesByNs, obj.metadata.namespace!, obj);
    }
    // The operator's governing Services, unless the app defines a Service of the same name.
    for (const obj of objects) {
      const svc = isOperatedObject(obj) ? operatedService(obj) : undefined;
      if (!svc) continue;
      const ns = svc.metadata.namespace!;
      if (!this.services(ns).some((s) => s.metadata.name === svc.metadata.name)) {
        this.push(this.servicesByNs, ns, svc);
      }
    }
  }

  /** Where `obj` came from, if known. */
  source(obj: KubeObject): ObjectSource | undefined {
    const s = this.sources.get(obj);
    return s && (s.constructPath || s.file) ? s : undefined;
  }

  /** Objects of `kind` (for monitoring.coreos.com kinds, only in that API group). */
  ofKind(kind: string): readonly KubeObject[] {
    const list = this.byKind.get(kind) ?? [];
    if (!MONITORING_KINDS.has(kind)) return list;
    return list.filter((o) => typeof o.apiVersion === 'string' && o.apiVersion.startsWith(`${MONITORING_GROUP}/`));
  }

  /** Monitors or rules of a selectable kind, in the API version the operator reads. */
  selectable(kind: SelectableKind): readonly KubeObject[] {
    return (this.byKind.get(kind) ?? []).filter((o) => isMonitoringKind(o, kind));
  }

  /** Prometheus and PrometheusAgent objects. */
  prometheuses(): readonly KubeObject[] {
    return [...(this.byKind.get('Prometheus') ?? []), ...(this.byKind.get('PrometheusAgent') ?? [])].filter(isPrometheus);
  }

  /** The object of `kind` called `name` in `namespace` (cluster-scoped: namespace ''). */
  find(kind: string, namespace: string, name: string): KubeObject | undefined {
    return (this.byKind.get(kind) ?? []).find((o) => (o.metadata.namespace ?? '') === namespace && o.metadata.name === name);
  }

  /** True when the app defines the namespace (a Namespace object, or any object in it). */
  namespaceKnown(ns: string): boolean {
    return this.knownNamespaces.has(ns);
  }

  /** Every namespace the app defines or uses, sorted. */
  namespaces(): string[] {
    return [...this.knownNamespaces].sort();
  }

  /** Labels of Namespace `ns` with `kubernetes.io/metadata.name`, or undefined when no Namespace object defines it. */
  namespaceLabels(ns: string): Readonly<Record<string, string>> | undefined {
    return this.index.namespaceLabels(ns);
  }

  /** Pod templates in `namespace`: workloads, bare Pods and the operator's pods. */
  podTemplates(namespace: string): readonly PodTemplate[] {
    return this.templatesByNs.get(namespace) ?? [];
  }

  /** Services in `namespace`, with the operator's governing Services (`prometheus-operated`...). */
  services(namespace: string): readonly KubeObject[] {
    return this.servicesByNs.get(namespace) ?? [];
  }

  /**
   * For a monitor or rule: every owner that could select it (Prometheus and PrometheusAgent;
   * for rules, Prometheus and ThanosRuler) and why it does or does not.
   */
  explain(obj: KubeObject): readonly SelectionExplanation[] {
    let out = this.explanations.get(obj);
    if (!out) {
      const owners = obj.kind === 'PrometheusRule'
        ? [...(this.byKind.get('Prometheus') ?? []).filter(isPrometheus), ...this.ofKind('ThanosRuler')]
        : this.prometheuses();
      out = owners.map((p) => explainSelection(p, obj, (ns) => this.namespaceLabels(ns)));
      this.explanations.set(obj, out);
    }
    return out;
  }

  /** The operator's selection for every Prometheus and PrometheusAgent (selected, rejected, undecided objects). */
  selections(): readonly PrometheusSelection[] {
    if (!this.selectionList) this.selectionList = selectAll(this.index);
    return this.selectionList;
  }

  /**
   * The owners that pick up `obj` by labels and namespace, whether the operator then accepts or
   * rejects it (ThanosRulers for rules included). Objects whose namespace labels are unknown are
   * not included.
   */
  selectors(obj: KubeObject): readonly KubeObject[] {
    return this.cached(obj, 'selectors', () => {
      const owners = [...(this.selectorIndex().get(obj) ?? [])];
      if (obj.kind === 'PrometheusRule') {
        owners.push(...this.explain(obj).filter((e) => e.owner.kind === 'ThanosRuler' && e.labelsMatch && e.namespaceMatches).map((e) => e.owner));
      }
      return owners;
    });
  }

  /** Object → the Prometheuses that pick it up (accepted or rejected), built once. */
  private selectorIndex(): Map<KubeObject, KubeObject[]> {
    return this.cached(this.objects, 'selector-index', () => {
      const index = new Map<KubeObject, KubeObject[]>();
      const add = (obj: KubeObject, p: KubeObject) => {
        const list = index.get(obj) ?? [];
        if (!list.includes(p)) list.push(p);
        index.set(obj, list);
      };
      for (const s of this.selections()) {
        for (const list of Object.values(s.selected)) for (const obj of list) add(obj, s.prometheus);
        for (const r of s.rejected) add(r.object, s.prometheus);
      }
      return index;
    });
  }

  /** The owners whose selection of `obj` depends on labels of a Namespace the objects do not define. */
  undecidedSelectors(obj: KubeObject): readonly KubeObject[] {
    return this.selections().filter((s) => s.undecided.some((u) => u.object === obj)).map((s) => s.prometheus);
  }

  /** The objects of `kind` that `owner` (a Prometheus or PrometheusAgent) picks up and accepts. */
  selectedBy(owner: KubeObject, kind: SelectableKind): readonly KubeObject[] {
    const selection = this.selections().find((s) => s.prometheus === owner);
    return selection ? listOf(selection, kind) : [];
  }

  /** Computes `compute()` once per `owner` and `key` within this run. */
  cached<T>(owner: object, key: string, compute: () => T): T {
    let byOwner = this.memo.get(key);
    if (!byOwner) this.memo.set(key, byOwner = new WeakMap());
    if (!byOwner.has(owner)) byOwner.set(owner, compute());
    return byOwner.get(owner) as T;
  }

  /** A finding about `obj` (or about the whole app when `obj` is undefined). */
  finding(obj: KubeObject | undefined, details: FindingDetails): Finding {
    if (!obj) return { ...details };
    return {
      ...details,
      kind: obj.kind,
      namespace: CLUSTER_SCOPED.has(obj.kind) ? undefined : obj.metadata.namespace,
      name: obj.metadata.name,
      source: this.source(obj),
    };
  }

  private push<T>(map: Map<string, T[]>, key: string, value: T): void {
    let list = map.get(key);
    if (!list) map.set(key, list = []);
    list.push(value);
  }
}

const MONITORING_KINDS: ReadonlySet<string> = new Set([
  'Prometheus', 'PrometheusAgent', 'Alertmanager', 'ThanosRuler', 'ServiceMonitor', 'PodMonitor', 'Probe',
  'ScrapeConfig', 'PrometheusRule', 'AlertmanagerConfig',
]);

/** `Kind ns/name` of an object, as messages name objects. */
export function describeObject(obj: KubeObject): string {
  const ns = obj.metadata.namespace;
  return `${obj.kind} ${ns && !CLUSTER_SCOPED.has(obj.kind) ? `${ns}/` : ''}${obj.metadata.name ?? ''}`;
}

/** `ns/name` of an object. */
export function nsName(obj: KubeObject): string {
  return `${obj.metadata.namespace ?? ''}/${obj.metadata.name ?? ''}`;
}

function listOf(s: PrometheusSelection, kind: string): readonly KubeObject[] {
  switch (kind) {
    case 'ServiceMonitor': return s.selected.serviceMonitors;
    case 'PodMonitor': return s.selected.podMonitors;
    case 'Probe': return s.selected.probes;
    case 'ScrapeConfig': return s.selected.scrapeConfigs;
    case 'PrometheusRule': return s.selected.rules;
    default: return [];
  }
}
