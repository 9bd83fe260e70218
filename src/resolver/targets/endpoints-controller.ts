import { KubeObject } from '../types';
import { placeholderSuffix, placeholderUid } from './placeholders';
import { selectorFromSet } from '../select/label-selector';

/**
 * What Kubernetes's Endpoints and EndpointSlice controllers publish for a Service with a selector:
 * the addresses of the selected, running Pods (ready ones as ready, the others not ready unless
 * `publishNotReadyAddresses`), each Service port resolved against the Pod's container ports, and
 * Pods grouped by their resolved port numbers. Services without a selector get nothing (their
 * Endpoints are written by hand and taken from the input).
 */

interface ResolvedPort {
  readonly name: string;
  readonly port: number;
  readonly protocol: string;
  readonly appProtocol?: string;
}

interface Member {
  readonly pod: KubeObject;
  /** The Pod's Ready condition is True. */
  readonly ready: boolean;
  readonly ports: ResolvedPort[];
}

const HEADLESS_LABEL = 'service.kubernetes.io/headless';

/** The Endpoints object of a Service (none for a Service without selector). */
export function deriveEndpoints(svc: KubeObject, pods: readonly KubeObject[]): KubeObject[] {
  const groups = memberGroups(svc, pods);
  if (groups === undefined) {
    return [];
  }
  const publishNotReady = svc.spec?.publishNotReadyAddresses === true;
  const subsets = [...groups.values()].map((members) => {
    const address = (m: Member) => ({
      ip: m.pod.status.podIP,
      ...(hostnameFor(svc, m.pod) ? { hostname: hostnameFor(svc, m.pod) } : {}),
      ...(m.pod.spec.nodeName ? { nodeName: m.pod.spec.nodeName } : {}),
      targetRef: podRef(m.pod),
    });
    const ready = members.filter((m) => m.ready || publishNotReady).map(address);
    const notReady = members.filter((m) => !m.ready && !publishNotReady).map(address);
    return {
      ...(ready.length ? { addresses: ready } : {}),
      ...(notReady.length ? { notReadyAddresses: notReady } : {}),
      ...(members[0].ports.length ? { ports: members[0].ports.map(endpointPort) } : {}),
    };
  });
  const ns = svc.metadata.namespace!;
  return [{
    apiVersion: 'v1',
    kind: 'Endpoints',
    metadata: {
      name: svc.metadata.name,
      namespace: ns,
      uid: placeholderUid(`Endpoints/${ns}/${svc.metadata.name}`),
      labels: serviceLabelsFor(svc),
    },
    ...(subsets.length ? { subsets } : {}),
  }];
}

/** A port of an Endpoints subset: the name only when the Service port has one. */
function endpointPort(p: ResolvedPort) {
  return { ...(p.name ? { name: p.name } : {}), port: p.port, protocol: p.protocol, ...(p.appProtocol ? { appProtocol: p.appProtocol } : {}) };
}

/** The EndpointSlices of a Service: one per group of Pods with the same resolved ports. */
export function deriveEndpointSlices(svc: KubeObject, pods: readonly KubeObject[], nodes: readonly KubeObject[]): KubeObject[] {
  const groups = memberGroups(svc, pods);
  if (groups === undefined) {
    return [];
  }
  const ns = svc.metadata.namespace!;
  const name = svc.metadata.name!;
  const publishNotReady = svc.spec?.publishNotReadyAddresses === true;
  const entries = groups.size > 0 ? [...groups.entries()] : [['', [] as Member[]] as const];
  return entries.map(([portKey, members]) => {
    const sliceName = `${name}-${placeholderSuffix(`endpointslice/${ns}/${name}/${portKey}`, 5)}`;
    const ports = members.length ? members[0].ports : [];
    return {
      apiVersion: 'discovery.k8s.io/v1',
      kind: 'EndpointSlice',
      metadata: {
        name: sliceName,
        namespace: ns,
        generateName: `${name}-`,
        uid: placeholderUid(`EndpointSlice/${ns}/${sliceName}`),
        labels: {
          ...serviceLabelsFor(svc),
          'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io',
          'kubernetes.io/service-name': name,
        },
        ownerReferences: [{ apiVersion: 'v1', kind: 'Service', name, uid: svc.metadata.uid, controller: true, blockOwnerDeletion: true }],
      },
      addressType: 'IPv4',
      endpoints: members.map((m) => {
        const zone = nodes.find((n) => n.metadata.name === m.pod.spec.nodeName)?.metadata.labels?.['topology.kubernetes.io/zone'];
        const hostname = hostnameFor(svc, m.pod);
        return {
          addresses: [m.pod.status.podIP],
          conditions: { ready: m.ready || publishNotReady, serving: m.ready, terminating: false },
          ...(hostname ? { hostname } : {}),
          ...(m.pod.spec.nodeName ? { nodeName: m.pod.spec.nodeName } : {}),
          targetRef: podRef(m.pod),
          ...(zone ? { zone } : {}),
        };
      }),
      ports: ports.map((p) => ({ name: p.name, port: p.port, protocol: p.protocol, ...(p.appProtocol ? { appProtocol: p.appProtocol } : {}) })),
    };
  });
}

/** Selected Pods grouped by resolved ports, or undefined when the controllers ignore the Service. */
function memberGroups(svc: KubeObject, pods: readonly KubeObject[]): Map<string, Member[]> | undefined {
  const selector: Record<string, string> | undefined = svc.spec?.selector;
  if (!selector || svc.spec?.type === 'ExternalName') {
    return undefined;
  }
  const selects = selectorFromSet(selector);
  const groups = new Map<string, Member[]>();
  for (const pod of pods) {
    const phase = pod.status?.phase;
    if (pod.metadata.namespace !== svc.metadata.namespace || !pod.status?.podIP || pod.metadata.deletionTimestamp
      || phase === 'Succeeded' || phase === 'Failed'
      || !selects.matches(pod.metadata.labels)) {
      continue;
    }
    const ports = resolvePorts(svc, pod);
    const ready = isPodReady(pod);
    const key = JSON.stringify(ports);
    groups.set(key, [...(groups.get(key) ?? []), { pod, ready, ports }]);
  }
  return groups;
}

/** Service ports resolved on a Pod; a named targetPort the Pod does not have leaves the port out. */
function resolvePorts(svc: KubeObject, pod: KubeObject): ResolvedPort[] {
  const out: ResolvedPort[] = [];
  for (const sp of svc.spec?.ports ?? []) {
    const target = sp.targetPort ?? sp.port;
    let port: number | undefined;
    if (typeof target === 'number') {
      port = target;
    } else if (/^\d+$/.test(String(target))) {
      port = Number(target);
    } else {
      for (const c of pod.spec?.containers ?? []) {
        const found = (c.ports ?? []).find((p: any) => p.name === target && (p.protocol ?? 'TCP') === (sp.protocol ?? 'TCP'));
        if (found) {
          port = found.containerPort;
          break;
        }
      }
    }
    if (port !== undefined) {
      out.push({ name: sp.name ?? '', port, protocol: sp.protocol ?? 'TCP', ...(sp.appProtocol ? { appProtocol: sp.appProtocol } : {}) });
    }
  }
  return out;
}

function isPodReady(pod: KubeObject): boolean {
  return (pod.status?.conditions ?? []).some((c: any) => c.type === 'Ready' && c.status === 'True');
}

function hostnameFor(svc: KubeObject, pod: KubeObject): string | undefined {
  const hostname = pod.spec?.hostname;
  return hostname && pod.spec?.subdomain === svc.metadata.name ? hostname : undefined;
}

function podRef(pod: KubeObject) {
  return { kind: 'Pod', namespace: pod.metadata.namespace, name: pod.metadata.name, uid: pod.metadata.uid };
}

function serviceLabelsFor(svc: KubeObject): Record<string, string> {
  const labels: Record<string, string> = { ...(svc.metadata.labels ?? {}) };
  if (svc.spec?.clusterIP === 'None') {
    labels[HEADLESS_LABEL] = '';
  }
  return labels;
}
