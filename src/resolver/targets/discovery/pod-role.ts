import { LabelSet, META, TargetGroup, joinHostPort, nodeMetaLabels, podLabels } from './meta';
import { KubeObject } from '../../types';

/**
 * role: pod — one target per container port (or one per container without ports, addressed by
 * the bare Pod IP), init containers included; Pods without an IP yield an empty group.
 */
export function podTargetGroup(pod: KubeObject, nodes?: readonly KubeObject[]): TargetGroup {
  const source = `pod/${pod.metadata.namespace}/${pod.metadata.name}`;
  const podIP: string | undefined = pod.status?.podIP;
  if (!podIP) {
    return { source, labels: {}, targets: [] };
  }
  const labels: LabelSet = { ...podLabels(pod), [`${META}namespace`]: pod.metadata.namespace ?? '' };
  if (nodes) {
    Object.assign(labels, nodeMetaLabels(nodes, pod.spec?.nodeName ?? ''));
  }
  const containers: any[] = pod.spec?.containers ?? [];
  const all = [...containers, ...(pod.spec?.initContainers ?? [])];
  const targets: LabelSet[] = [];
  all.forEach((c, i) => {
    const isInit = i >= containers.length;
    const statuses: any[] = (isInit ? pod.status?.initContainerStatuses : pod.status?.containerStatuses) ?? [];
    const common: LabelSet = {
      [`${META}pod_container_name`]: c.name ?? '',
      [`${META}pod_container_id`]: statuses.find((s) => s.name === c.name)?.containerID ?? '',
      [`${META}pod_container_image`]: c.image ?? '',
      [`${META}pod_container_init`]: String(isInit),
    };
    if (!c.ports || c.ports.length === 0) {
      targets.push({ __address__: podIP, ...common });
      return;
    }
    for (const port of c.ports) {
      targets.push({
        __address__: joinHostPort(podIP, port.containerPort),
        ...common,
        [`${META}pod_container_port_number`]: String(port.containerPort),
        [`${META}pod_container_port_name`]: port.name ?? '',
        [`${META}pod_container_port_protocol`]: port.protocol ?? '',
      });
    }
  });
  return { source, labels, targets };
}
