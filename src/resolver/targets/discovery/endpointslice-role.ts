import { EndpointPods } from './endpoint-pods';
import { EndpointsContext } from './endpoints-role';
import { LabelSet, META, TargetGroup, addObjectMetaLabels, joinHostPort, nodeMetaLabels, resolvePodRef, sanitizeLabelName, serviceLabels } from './meta';
import { KubeObject } from '../../types';

/**
 * role: endpointslice — a target per endpoint address and port, with the conditions, zone, node
 * and hostname of the endpoint, the Service (found through the `kubernetes.io/service-name`
 * label) and the Pod, plus the uncovered container ports of those Pods.
 */
export function endpointSliceTargetGroup(slice: KubeObject, ctx: EndpointsContext): TargetGroup {
  const ns = slice.metadata.namespace ?? '';
  const labels: LabelSet = {
    [`${META}namespace`]: ns,
    [`${META}endpointslice_address_type`]: slice.addressType ?? '',
  };
  addObjectMetaLabels(labels, slice, 'endpointslice');
  const serviceName = slice.metadata.labels?.['kubernetes.io/service-name'];
  const svc = serviceName === undefined ? undefined : ctx.services.find((s) => s.metadata.namespace === ns && s.metadata.name === serviceName);
  if (svc) {
    Object.assign(labels, serviceLabels(svc));
  }

  const targets: LabelSet[] = [];
  const pods = new EndpointPods();
  const isSet = (v: unknown) => v !== undefined && v !== null;
  const add = (addr: string, ep: any, port: any) => {
    let target: LabelSet = { __address__: isSet(port.port) ? joinHostPort(addr, port.port) : addr };
    if (isSet(port.name)) target[`${META}endpointslice_port_name`] = port.name;
    if (isSet(port.protocol)) target[`${META}endpointslice_port_protocol`] = port.protocol;
    if (isSet(port.port)) target[`${META}endpointslice_port`] = String(port.port);
    if (isSet(port.appProtocol)) target[`${META}endpointslice_port_app_protocol`] = port.appProtocol;
    const conditions = ep.conditions ?? {};
    if (isSet(conditions.ready)) target[`${META}endpointslice_endpoint_conditions_ready`] = String(conditions.ready);
    if (isSet(conditions.serving)) target[`${META}endpointslice_endpoint_conditions_serving`] = String(conditions.serving);
    if (isSet(conditions.terminating)) target[`${META}endpointslice_endpoint_conditions_terminating`] = String(conditions.terminating);
    if (isSet(ep.hostname)) target[`${META}endpointslice_endpoint_hostname`] = ep.hostname;
    if (ep.targetRef) {
      target[`${META}endpointslice_address_target_kind`] = ep.targetRef.kind ?? '';
      target[`${META}endpointslice_address_target_name`] = ep.targetRef.name ?? '';
    }
    if (isSet(ep.nodeName)) target[`${META}endpointslice_endpoint_node_name`] = ep.nodeName;
    if (isSet(ep.zone)) target[`${META}endpointslice_endpoint_zone`] = ep.zone;
    for (const [k, v] of Object.entries(ep.deprecatedTopology ?? {})) {
      const ln = sanitizeLabelName(k);
      target[`${META}endpointslice_endpoint_topology_${ln}`] = String(v);
      target[`${META}endpointslice_endpoint_topology_present_${ln}`] = 'true';
    }
    if (ctx.nodes) {
      const nodeName = ep.targetRef?.kind === 'Node' ? ep.targetRef.name : ep.nodeName ?? undefined;
      target = { ...target, ...nodeMetaLabels(ctx.nodes, nodeName) };
    }
    const pod = resolvePodRef(ctx.pods, ep.targetRef);
    targets.push(pod ? pods.attach(target, pod, isSet(port.port) ? port.port : undefined, (cport) => cport.protocol ?? '') : target);
  };

  for (const ep of slice.endpoints ?? []) {
    for (const port of slice.ports ?? []) {
      for (const addr of ep.addresses ?? []) {
        add(addr, ep, port);
      }
    }
  }
  targets.push(...pods.uncoveredContainerPorts());
  return { source: `endpointslice/${ns}/${slice.metadata.name}`, labels, targets };
}
