import { LabelSet, META, joinHostPort, podLabels } from './meta';
import { KubeObject } from '../../types';

/**
 * The Pods behind the addresses of one Endpoints or EndpointSlice object, as Prometheus's
 * endpoint roles track them: each address target gets its Pod's labels and, when a container
 * declares the endpoint's port, that container's labels; afterwards every container port no
 * endpoint port covered becomes a target of its own.
 */
export class EndpointPods {
  private readonly seen = new Map<string, { pod: KubeObject; ports: number[] }>();

  /**
   * `target` with the labels of `pod` and of the container declaring `port` (when `port` is
   * known), recording the port as covered. `protocolOf` gives the protocol label: the endpoints
   * role reports the endpoint port's protocol, the endpointslice role the container port's.
   */
  public attach(target: LabelSet, pod: KubeObject, port: number | undefined, protocolOf: (containerPort: any) => string): LabelSet {
    const key = `${pod.metadata.namespace}/${pod.metadata.name}`;
    const seen = this.seen.get(key) ?? { pod, ports: [] };
    this.seen.set(key, seen);
    const out: LabelSet = { ...target, ...podLabels(pod) };
    if (port === undefined) {
      return out;
    }
    const match = (pod.spec?.containers ?? [])
      .flatMap((c: any) => (c.ports ?? []).map((cport: any) => ({ c, cport })))
      .find(({ cport }: any) => cport.containerPort === port);
    if (match) {
      out[`${META}pod_container_name`] = match.c.name ?? '';
      out[`${META}pod_container_image`] = match.c.image ?? '';
      out[`${META}pod_container_port_name`] = match.cport.name ?? '';
      out[`${META}pod_container_port_number`] = String(port);
      out[`${META}pod_container_port_protocol`] = protocolOf(match.cport);
    }
    seen.ports.push(port);
    return out;
  }

  /** Targets for the container ports of the attached Pods that no endpoint port covered. */
  public uncoveredContainerPorts(): LabelSet[] {
    const out: LabelSet[] = [];
    for (const { pod, ports } of this.seen.values()) {
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
}
