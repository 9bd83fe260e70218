import { EndpointPods } from './endpoint-pods';
import { LabelSet, META, TargetGroup, addObjectMetaLabels, joinHostPort, nodeMetaLabels, resolvePodRef, serviceLabels } from './meta';
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
  const pods = new EndpointPods();
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
    targets.push(pod ? pods.attach(target, pod, port.port, () => port.protocol ?? '') : target);
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
  targets.push(...pods.uncoveredContainerPorts());
  return { source: `endpoints/${ns}/${eps.metadata.name}`, labels, targets };
}
