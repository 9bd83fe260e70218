import { NAMESPACE_NAME_LABEL } from '../select/object-index';
import { KubeObject } from '../types';
import { deriveEndpoints, deriveEndpointSlices } from './endpoints-controller';
import { AddressAllocator, cidrAddressAllocator, placeholderUid } from './placeholders';
import { WORKLOAD_KINDS, podsForWorkload } from './workload-pods';

/**
 * The objects of a simulated cluster after its controllers have run: the app's own objects with
 * the API server's defaults filled in, the Pods its workloads create (scheduled, running and
 * ready), and the Endpoints and EndpointSlices of its Services. This is what Prometheus's
 * Kubernetes service discovery would list.
 */
export interface ClusterState {
  readonly namespaces: KubeObject[];
  readonly nodes: KubeObject[];
  readonly services: KubeObject[];
  readonly pods: KubeObject[];
  readonly endpoints: KubeObject[];
  readonly endpointSlices: KubeObject[];
  readonly ingresses: KubeObject[];
  /** What the simulation could not predict (e.g. CronJob Pods), one sentence each. */
  readonly notes: string[];
}

/** Options of the cluster simulation. */
export interface ClusterOptions {
  /** Addresses for Pods, nodes and Services. @default cidrAddressAllocator() (10.244.0.0/16 for Pods) */
  readonly addressAllocator?: AddressAllocator;
  /** Namespace of namespaced objects that have none. @default 'default' */
  readonly defaultNamespace?: string;
  /** Number of placeholder nodes when the input has no Node objects. @default 1 */
  readonly nodeCount?: number;
}

const CLUSTER_SCOPED = new Set([
  'Namespace', 'Node', 'PersistentVolume', 'StorageClass', 'ClusterRole', 'ClusterRoleBinding',
  'CustomResourceDefinition', 'APIService', 'MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration',
  'PriorityClass', 'IngressClass', 'RuntimeClass', 'CSIDriver', 'ValidatingAdmissionPolicy', 'ValidatingAdmissionPolicyBinding',
]);

/** Runs the simulation over an app's objects (any kinds; unknown ones are ignored). */
export function simulateCluster(objects: readonly KubeObject[], options: ClusterOptions = {}): ClusterState {
  const allocator = options.addressAllocator ?? cidrAddressAllocator();
  const defaultNamespace = options.defaultNamespace ?? 'default';
  const notes: string[] = [];
  const input = objects.filter((o) => o && typeof o === 'object' && o.metadata).map((o) => {
    const copy = structuredClone(o);
    if (!CLUSTER_SCOPED.has(copy.kind) && !copy.metadata.namespace) {
      copy.metadata.namespace = defaultNamespace;
    }
    return copy;
  });
  const ofKind = (kind: string) => input.filter((o) => o.kind === kind);

  const nodes = ofKind('Node');
  if (nodes.length === 0) {
    for (let i = 1; i <= (options.nodeCount ?? 1); i++) {
      nodes.push(placeholderNode(`node-${i}`, allocator));
    }
  }
  const nodeNames = nodes.map((n) => n.metadata.name!);

  const pods = [...ofKind('Pod'), ...workloadPods(input, nodeNames, notes)];
  let scheduled = 0;
  for (const pod of pods) {
    normalizePod(pod, nodes, () => nodeNames[scheduled++ % nodeNames.length], allocator);
  }
  const services = ofKind('Service').map((svc) => normalizeService(svc, allocator));

  const givenEndpoints = ofKind('Endpoints');
  const givenSlices = ofKind('EndpointSlice');
  const endpoints = [...givenEndpoints];
  const endpointSlices = [...givenSlices];
  for (const svc of services) {
    const key = `${svc.metadata.namespace}/${svc.metadata.name}`;
    if (!givenEndpoints.some((e) => `${e.metadata.namespace}/${e.metadata.name}` === key)) {
      endpoints.push(...deriveEndpoints(svc, pods));
    }
    if (!givenSlices.some((s) => s.metadata.namespace === svc.metadata.namespace && s.metadata.labels?.['kubernetes.io/service-name'] === svc.metadata.name)) {
      endpointSlices.push(...deriveEndpointSlices(svc, pods, nodes));
    }
  }

  const namespaces = ofKind('Namespace');
  const namespaceNames = new Set(namespaces.map((n) => n.metadata.name));
  for (const o of input) {
    const ns = o.metadata.namespace;
    if (ns && !namespaceNames.has(ns)) {
      namespaceNames.add(ns);
      namespaces.push({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } });
    }
  }
  for (const ns of namespaces) {
    ns.metadata.labels = { ...(ns.metadata.labels ?? {}), [NAMESPACE_NAME_LABEL]: ns.metadata.name! };
    ns.metadata.uid ??= placeholderUid(`Namespace/${ns.metadata.name}`);
  }

  const ingresses = input.filter((o) => o.kind === 'Ingress' && /^networking\.k8s\.io\//.test(o.apiVersion));
  return { namespaces, nodes, services, pods, endpoints, endpointSlices, ingresses, notes };
}

/** Pods that workloads will create, skipping workloads whose Pods (or ReplicaSets) are in the input. */
function workloadPods(input: readonly KubeObject[], nodeNames: readonly string[], notes: string[]): KubeObject[] {
  const controlled = new Set<string>();
  for (const o of input) {
    for (const ref of o.metadata.ownerReferences ?? []) {
      if (ref.controller) {
        controlled.add(`${ref.kind}/${o.metadata.namespace}/${ref.name}`);
      }
    }
  }
  const out: KubeObject[] = [];
  for (const o of input) {
    const key = `${o.kind}/${o.metadata.namespace}/${o.metadata.name}`;
    if (o.kind === 'CronJob') {
      notes.push(`CronJob ${o.metadata.namespace}/${o.metadata.name}: its Pods exist only while a scheduled Job runs, so none are predicted.`);
    }
    if (!WORKLOAD_KINDS.has(o.kind) || controlled.has(key) || !/^(apps|batch)\/v1$/.test(o.apiVersion)) {
      continue;
    }
    out.push(...podsForWorkload(o, nodeNames));
  }
  return out;
}

function placeholderNode(name: string, allocator: AddressAllocator): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name,
      uid: placeholderUid(`Node/${name}`),
      labels: { 'kubernetes.io/arch': 'amd64', 'kubernetes.io/hostname': name, 'kubernetes.io/os': 'linux' },
    },
    spec: {},
    status: {
      addresses: [{ type: 'InternalIP', address: allocator.allocate('node', name) }, { type: 'Hostname', address: name }],
      daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
    },
  };
}

function nodeAddress(node: KubeObject | undefined): string | undefined {
  const addresses: any[] = node?.status?.addresses ?? [];
  return addresses.find((a) => a.type === 'InternalIP')?.address ?? addresses[0]?.address;
}

/** Fills in what the API server, scheduler and kubelet set on a Pod that is running and ready. */
function normalizePod(pod: KubeObject, nodes: readonly KubeObject[], nextNode: () => string, allocator: AddressAllocator): void {
  const key = `${pod.metadata.namespace}/${pod.metadata.name}`;
  pod.metadata.uid ??= placeholderUid(`Pod/${key}`);
  pod.spec = pod.spec ?? {};
  for (const c of [...(pod.spec.containers ?? []), ...(pod.spec.initContainers ?? [])]) {
    for (const port of c.ports ?? []) {
      port.protocol ??= 'TCP';
    }
  }
  if (pod.status?.podIP) {
    return;
  }
  pod.spec.nodeName ??= nextNode();
  const hostIP = nodeAddress(nodes.find((n) => n.metadata.name === pod.spec.nodeName));
  const podIP = pod.spec.hostNetwork && hostIP ? hostIP : allocator.allocate('pod', key);
  pod.status = {
    phase: 'Running',
    conditions: ['Initialized', 'Ready', 'ContainersReady', 'PodScheduled'].map((type) => ({ type, status: 'True' })),
    ...(hostIP ? { hostIP } : {}),
    podIP,
    podIPs: [{ ip: podIP }],
    ...(pod.status ?? {}),
  };
}

/** Fills in the API server's defaults on a Service (type, cluster IP, port protocol and targetPort). */
function normalizeService(svc: KubeObject, allocator: AddressAllocator): KubeObject {
  const spec = (svc.spec = svc.spec ?? {});
  spec.type ??= 'ClusterIP';
  if (spec.type !== 'ExternalName' && !spec.clusterIP) {
    spec.clusterIP = allocator.allocate('service', `${svc.metadata.namespace}/${svc.metadata.name}`);
  }
  for (const port of spec.ports ?? []) {
    port.protocol ??= 'TCP';
    if (spec.type !== 'ExternalName') {
      port.targetPort ??= port.port;
    }
  }
  svc.metadata.uid ??= placeholderUid(`Service/${svc.metadata.namespace}/${svc.metadata.name}`);
  return svc;
}
