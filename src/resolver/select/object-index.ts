/**
 * An index of a set of Kubernetes objects, built once: monitoring objects by kind and namespace,
 * Namespaces, Secrets and ConfigMaps by name. Selection for every Prometheus reads from it, so
 * that no step scans all objects per Prometheus.
 */

import { KubeObject, MONITORING_GROUP } from '../types';

/** The monitoring.coreos.com kinds a Prometheus selects, with the API version the operator reads. */
export const SELECTABLE_KINDS = {
  ServiceMonitor: 'v1',
  PodMonitor: 'v1',
  Probe: 'v1',
  ScrapeConfig: 'v1alpha1',
  PrometheusRule: 'v1',
} as const;

/** One of the kinds a Prometheus selects. */
export type SelectableKind = keyof typeof SELECTABLE_KINDS;

/** The kinds that own a generated configuration: Prometheus (v1) and PrometheusAgent (v1alpha1). */
export const PROMETHEUS_KINDS: Readonly<Record<string, string>> = {
  Prometheus: `${MONITORING_GROUP}/v1`,
  PrometheusAgent: `${MONITORING_GROUP}/v1alpha1`,
};

/** The label the API server puts on every Namespace: its own name. */
export const NAMESPACE_NAME_LABEL = 'kubernetes.io/metadata.name';

/** True when `obj` is a Prometheus or PrometheusAgent the operator reconciles. */
export function isPrometheus(obj: KubeObject): boolean {
  return PROMETHEUS_KINDS[obj.kind] !== undefined && PROMETHEUS_KINDS[obj.kind] === obj.apiVersion;
}

/** True when `obj` is a monitoring.coreos.com object of `kind` in the version the operator reads. */
export function isMonitoringKind(obj: KubeObject, kind: SelectableKind): boolean {
  return obj.kind === kind && obj.apiVersion === `${MONITORING_GROUP}/${SELECTABLE_KINDS[kind]}`;
}

/** The index. Later objects with the same kind, namespace and name replace earlier ones, as with `kubectl apply`. */
export class ObjectIndex {
  /** Objects that replaced an earlier object with the same kind, namespace and name. */
  readonly duplicates: KubeObject[] = [];

  private readonly byKind = new Map<SelectableKind, Map<string, Map<string, KubeObject>>>();
  private readonly namespaceObjects = new Map<string, KubeObject>();
  private readonly secrets = new Map<string, Map<string, string>>();
  private readonly configMaps = new Map<string, Map<string, string>>();
  private readonly prometheusObjects = new Map<string, KubeObject>();

  /** @param objects any Kubernetes objects; the ones the selection does not read are ignored */
  constructor(readonly objects: readonly KubeObject[]) {
    for (const obj of objects) this.add(obj);
  }

  /** The Prometheus and PrometheusAgent objects, ordered by kind, namespace and name. */
  prometheuses(): KubeObject[] {
    return [...this.prometheusObjects.entries()].sort(([a], [b]) => compare(a, b)).map(([, o]) => o);
  }

  /** The namespaces that hold objects of `kind`. */
  namespacesWith(kind: SelectableKind): string[] {
    return [...(this.byKind.get(kind)?.keys() ?? [])].sort(compare);
  }

  /** The objects of `kind` in `namespace`, ordered by name. */
  inNamespace(kind: SelectableKind, namespace: string): KubeObject[] {
    const names = this.byKind.get(kind)?.get(namespace);
    if (!names) return [];
    return [...names.keys()].sort(compare).map((n) => names.get(n)!);
  }

  /** Every object of `kind`, ordered by namespace and name. */
  all(kind: SelectableKind): KubeObject[] {
    return this.namespacesWith(kind).flatMap((ns) => this.inNamespace(kind, ns));
  }

  /**
   * The labels of namespace `name` as the API server stores them (its own labels plus
   * `kubernetes.io/metadata.name`), or undefined when the Namespace object is not among the objects.
   */
  namespaceLabels(name: string): Record<string, string> | undefined {
    const ns = this.namespaceObjects.get(name);
    if (!ns) return undefined;
    return { ...(ns.metadata.labels ?? {}), [NAMESPACE_NAME_LABEL]: name };
  }

  /** Decoded data of Secret `namespace/name` (`data` base64-decoded, `stringData` on top), or undefined. */
  secret(namespace: string, name: string): ReadonlyMap<string, string> | undefined {
    return this.secrets.get(`${namespace}/${name}`);
  }

  /** Data of ConfigMap `namespace/name`, or undefined. */
  configMap(namespace: string, name: string): ReadonlyMap<string, string> | undefined {
    return this.configMaps.get(`${namespace}/${name}`);
  }

  private add(obj: KubeObject): void {
    const name = obj.metadata?.name ?? '';
    const namespace = obj.metadata?.namespace ?? '';
    if (obj.apiVersion === 'v1') {
      if (obj.kind === 'Namespace') this.replace(this.namespaceObjects, name, obj);
      else if (obj.kind === 'Secret') this.secrets.set(`${namespace}/${name}`, secretData(obj));
      else if (obj.kind === 'ConfigMap') this.configMaps.set(`${namespace}/${name}`, configMapData(obj));
      return;
    }
    if (isPrometheus(obj)) {
      this.replace(this.prometheusObjects, `${obj.kind}/${namespace}/${name}`, obj);
      return;
    }
    for (const kind of Object.keys(SELECTABLE_KINDS) as SelectableKind[]) {
      if (!isMonitoringKind(obj, kind)) continue;
      let byNs = this.byKind.get(kind);
      if (!byNs) this.byKind.set(kind, byNs = new Map());
      let byName = byNs.get(namespace);
      if (!byName) byNs.set(namespace, byName = new Map());
      this.replace(byName, name, obj);
    }
  }

  private replace(map: Map<string, KubeObject>, key: string, obj: KubeObject): void {
    if (map.has(key)) this.duplicates.push(obj);
    map.set(key, obj);
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function secretData(obj: KubeObject): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries<unknown>(obj.data ?? {})) {
    out.set(k, Buffer.from(String(v ?? ''), 'base64').toString('utf8'));
  }
  for (const [k, v] of Object.entries<unknown>(obj.stringData ?? {})) out.set(k, String(v ?? ''));
  return out;
}

function configMapData(obj: KubeObject): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries<unknown>(obj.data ?? {})) out.set(k, String(v ?? ''));
  return out;
}
