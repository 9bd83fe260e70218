import { KubeObject } from '../../types';

/** A label set as Prometheus's service discovery produces it (values may be empty). */
export type LabelSet = Record<string, string>;

/** A target group: labels shared by its targets, and the targets' own labels (which win). */
export interface TargetGroup {
  /** Prometheus's source key, e.g. `endpoints/default/web`. */
  readonly source: string;
  readonly labels: LabelSet;
  readonly targets: LabelSet[];
}

/** Prefix of every Kubernetes discovery label. */
export const META = '__meta_kubernetes_';

/** Prometheus's strutil.SanitizeLabelName: every character outside [a-zA-Z0-9_] becomes `_`. */
export function sanitizeLabelName(name: string): string {
  return name.replace(/[^a-zA-Z0-9_]/gu, '_');
}

/** Go's net.JoinHostPort: IPv6 hosts get brackets. */
export function joinHostPort(host: string, port: number | string): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

/** `<prefix><role>_name`, and `_label_`/`_labelpresent_`/`_annotation_`/`_annotationpresent_` labels. */
export function addObjectMetaLabels(into: LabelSet, obj: KubeObject, role: string): void {
  into[`${META}${role}_name`] = obj.metadata.name ?? '';
  for (const [k, v] of Object.entries(obj.metadata.labels ?? {})) {
    const ln = sanitizeLabelName(k);
    into[`${META}${role}_label_${ln}`] = String(v ?? '');
    into[`${META}${role}_labelpresent_${ln}`] = 'true';
  }
  for (const [k, v] of Object.entries(obj.metadata.annotations ?? {})) {
    const ln = sanitizeLabelName(k);
    into[`${META}${role}_annotation_${ln}`] = String(v ?? '');
    into[`${META}${role}_annotationpresent_${ln}`] = 'true';
  }
}

/** The labels every Pod-backed target carries (Prometheus's podLabels). */
export function podLabels(pod: KubeObject): LabelSet {
  const status = pod.status ?? {};
  const ready = (status.conditions ?? []).find((c: any) => c.type === 'Ready');
  const ls: LabelSet = {
    [`${META}pod_ip`]: status.podIP ?? '',
    [`${META}pod_ready`]: String(ready?.status ?? 'Unknown').toLowerCase(),
    [`${META}pod_phase`]: status.phase ?? '',
    [`${META}pod_node_name`]: pod.spec?.nodeName ?? '',
    [`${META}pod_host_ip`]: status.hostIP ?? '',
    [`${META}pod_uid`]: pod.metadata.uid ?? '',
  };
  addObjectMetaLabels(ls, pod, 'pod');
  const controller = (pod.metadata.ownerReferences ?? []).find((r: any) => r.controller === true);
  if (controller?.kind) {
    ls[`${META}pod_controller_kind`] = controller.kind;
  }
  if (controller?.name) {
    ls[`${META}pod_controller_name`] = controller.name;
  }
  return ls;
}

/** The labels a Service contributes to its endpoints' targets (Prometheus's serviceLabels). */
export function serviceLabels(svc: KubeObject): LabelSet {
  const ls: LabelSet = { [`${META}namespace`]: svc.metadata.namespace ?? '' };
  addObjectMetaLabels(ls, svc, 'service');
  return ls;
}

/** Node metadata labels for attach_metadata.node; nothing when the node is unknown. */
export function nodeMetaLabels(nodes: readonly KubeObject[] | undefined, nodeName: string | undefined): LabelSet {
  const node = nodeName === undefined ? undefined : nodes?.find((n) => n.metadata.name === nodeName);
  const ls: LabelSet = {};
  if (node) {
    addObjectMetaLabels(ls, node, 'node');
  }
  return ls;
}

/** The Pod a target reference points to, within the Pods discovery can see. */
export function resolvePodRef(pods: readonly KubeObject[], ref: any): KubeObject | undefined {
  if (!ref || ref.kind !== 'Pod') {
    return undefined;
  }
  return pods.find((p) => p.metadata.namespace === ref.namespace && p.metadata.name === ref.name);
}
