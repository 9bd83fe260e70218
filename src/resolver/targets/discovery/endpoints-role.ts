import { LabelSet, META, TargetGroup, addObjectMetaLabels, joinHostPort, nodeMetaLabels, podLabels, resolvePodRef, serviceLabels } from './meta';
import { KubeObject } from '../../types';

/** What endpoints-based discovery can see besides the Endpoints objects themselves. */
export interface EndpointsContext {
  /** Services of the namespace (after the service selector). */
  readonly services: readonly KubeObject[];
  /** Pods of the namespace (after the pod selector). */
  readonly pods: readonly KubeObject[];
  /** Nodes, when attach_metadata.node is on. */
  readonly nodes?: readonly KubeObject[];
}

/**
 * role: endpoints — a target per address and port of every subset (ready and not-ready), with
 * the Service's and the Pod's labels when they can be found, plus a target for every container
 * port of those Pods that no endpoint port covered.
 */
export function endpointsTargetGroup(eps: KubeObject, ctx: EndpointsContext): TargetGroup {
  const ns = eps.metadata.namespace ?? '';
  const labels: LabelSet = { [`${META}namespace`]: ns };
  const svc = ctx.services.find((s) => s.metadata.namespace === ns && s.metadata.name === eps.metadata.name);
  if (svc) {
    Object.assign(labels, serviceLabels(svc));
  }
  addObjectMetaLabels(labels, eps, 'endpoints');

  const targets: LabelSet[] = [];
  const seenPods = new Map<string, { pod: KubeObject; ports: number[] }>();
  const add = (addr: any, port: any, ready: string) => {
    let target: LabelSet = {
      __address__: joinHostPort(addr.ip, port.port),
      [`${META}endpoint_port_name`]: port.name ?? '',
      [`${META}endpoint_port_protocol`]: port.protocol ?? '',
      [`${META}endpoint_ready`]: ready,
    };
    if (addr.targetRef) {
      target[`${META}endpoint_address_target_kind`] = addr.targetRef.kind ?? '';
      target[`${META}endpoint_address_target_name`] = addr.targetRef.name ?? '';
    }
    if (addr.nodeName !== undefined && addr.nodeName !== null) {
      target[`${META}endpoint_node_name`] = addr.nodeName;
    }
    if (addr.hostname) {
      target[`${META}endpoint_hostname`] = addr.hostname;
    }
    if (ctx.nodes) {
      if (addr.nodeName !== undefined && addr.nodeName !== null) {
        target = { ...target, ...nodeMetaLabels(ctx.nodes, addr.nodeName) };
      } else if (addr.targetRef?.kind === 'Node') {
        target = { ...target, ...nodeMetaLabels(ctx.nodes, addr.targetRef.name) };
      }
    }
    const pod = resolvePodRef(ctx.pods, addr.targetRef);
    if (!pod) {
      targets.push(target);
      return;
    }
    const key = `${pod.metadata.namespace}/${pod.metadata.name}`;
    const seen = seenPods.get(key) ?? { pod, ports: [] };
    seenPods.set(key, seen);
    target = { ...target, ...podLabels(pod) };
    outer: for (const c of pod.spec?.containers ?? []) {
      for (const cport of c.ports ?? []) {
        if (cport.containerPort === port.port) {
          target[`${META}pod_container_name`] = c.name ?? '';
          target[`${META}pod_container_image`] = c.image ?? '';
          target[`${META}pod_container_port_name`] = cport.name ?? '';
          target[`${META}pod_container_port_number`] = String(port.port);
          target[`${META}pod_container_port_protocol`] = port.protocol ?? '';
          break outer;
        }
      }
    }
    seen.ports.push(port.port);
    targets.push(target);
  };

  for (const subset of eps.subsets ?? []) {
    for (const port of subset.ports ?? []) {
      for (const addr of subset.addresses ?? []) {
        add(addr, port, 'true');
      }
      for (const addr of subset.notReadyAddresses ?? []) {
        add(addr, port, 'false');
      }
    }
  }
  targets.push(...uncoveredContainerPorts(seenPods));
  return { source: `endpoints/${ns}/${eps.metadata.name}`, labels, targets };
}

/** Targets for the container ports of seen Pods that no endpoint port covered. */
export function uncoveredContainerPorts(seenPods: ReadonlyMap<string, { pod: KubeObject; ports: number[] }>): LabelSet[] {
  const out: LabelSet[] = [];
  for (const { pod, ports } of seenPods.values()) {
    const podIP: string | undefined = pod.status?.podIP;
    if (!podIP) {
      continue;
    }
    for (const c of pod.spec?.containers ?? []) {
      for (const cport of c.ports ?? []) {
        if (ports.includes(cport.containerPort)) {
          continue;
        }
        out.push({
          __address__: joinHostPort(podIP, cport.containerPort),
          [`${META}pod_container_name`]: c.name ?? '',
          [`${META}pod_container_image`]: c.image ?? '',
          [`${META}pod_container_port_name`]: cport.name ?? '',
          [`${META}pod_container_port_number`]: String(cport.containerPort),
          [`${META}pod_container_port_protocol`]: cport.protocol ?? '',
          ...podLabels(pod),
        });
      }
    }
  }
  return out;
}
