/**
 * The pod templates of an app: what each workload (Deployment, StatefulSet, DaemonSet, ReplicaSet,
 * Job, CronJob, bare Pod) will run, with the labels and declared container ports that Service
 * selectors and monitors match against.
 */

import { KubeObject } from '../../types';

/** One declared container port. */
export interface DeclaredPort {
  /** The port name (IANA_SVC_NAME), if any. */
  readonly name?: string;
  /** The port number. */
  readonly containerPort: number;
  /** TCP, UDP or SCTP. */
  readonly protocol: string;
}

/** One container of a pod template. */
export interface TemplateContainer {
  /** Container name. */
  readonly name: string;
  /** True for init containers (sidecars declared as restartable init containers included). */
  readonly init: boolean;
  /** The ports the container declares. */
  readonly ports: readonly DeclaredPort[];
}

/** The pods one workload will create. */
export interface PodTemplate {
  /** The object that owns the template: a workload, a Pod, or a Prometheus/Alertmanager CR. */
  readonly owner: KubeObject;
  /** `Deployment apps/web`, as messages show the owner. */
  readonly description: string;
  /** Namespace of the pods. */
  readonly namespace: string;
  /** Labels of the pods. */
  readonly labels: Readonly<Record<string, string>>;
  /** Containers, init containers last. */
  readonly containers: readonly TemplateContainer[];
  /** Number of replicas, when the workload says. */
  readonly replicas?: number;
}

/** The kinds whose `spec.template` (or `spec.jobTemplate.spec.template`) describes pods. */
export const WORKLOAD_KINDS: ReadonlySet<string> = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job', 'CronJob', 'Pod']);

/** The pod template of a workload or Pod; undefined for other kinds. */
export function podTemplateOf(obj: KubeObject): PodTemplate | undefined {
  if (!WORKLOAD_KINDS.has(obj.kind)) return undefined;
  let template: any;
  if (obj.kind === 'Pod') template = { metadata: obj.metadata, spec: obj.spec };
  else if (obj.kind === 'CronJob') template = obj.spec?.jobTemplate?.spec?.template;
  else template = obj.spec?.template;
  const namespace = obj.metadata.namespace ?? '';
  return {
    owner: obj,
    description: `${obj.kind} ${namespace}/${obj.metadata.name ?? ''}`,
    namespace,
    labels: stringMap(template?.metadata?.labels),
    containers: containersOf(template?.spec),
    replicas: typeof obj.spec?.replicas === 'number' ? obj.spec.replicas : undefined,
  };
}

/** The containers of a pod spec, with their declared ports. */
export function containersOf(spec: any): TemplateContainer[] {
  const read = (list: unknown, init: boolean): TemplateContainer[] => (Array.isArray(list) ? list : []).map((c: any) => ({
    name: String(c?.name ?? ''),
    init,
    ports: (Array.isArray(c?.ports) ? c.ports : []).map((p: any) => ({
      name: typeof p?.name === 'string' && p.name !== '' ? p.name : undefined,
      containerPort: Number(p?.containerPort),
      protocol: String(p?.protocol ?? 'TCP'),
    })),
  }));
  return [...read(spec?.containers, false), ...read(spec?.initContainers, true)];
}

/** `name number` for a declared port, `<unnamed> number` without a name: how messages list ports. */
export function describeDeclaredPort(p: DeclaredPort): string {
  return `${p.name ?? '<unnamed>'} ${p.containerPort}${p.protocol !== 'TCP' ? `/${p.protocol}` : ''}`;
}

/** Every declared port of a template, described, deduplicated. */
export function declaredPortsOf(template: PodTemplate): string[] {
  const out = new Set<string>();
  for (const c of template.containers) for (const p of c.ports) out.add(describeDeclaredPort(p));
  return [...out];
}

function stringMap(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) out[k] = String(v);
  }
  return out;
}
