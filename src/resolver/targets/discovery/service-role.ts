import { LabelSet, META, TargetGroup, joinHostPort, serviceLabels } from './meta';
import { KubeObject } from '../../types';

/** role: service — one target per Service port, addressed `<name>.<namespace>.svc:<port>`. */
export function serviceTargetGroup(svc: KubeObject): TargetGroup {
  const spec = svc.spec ?? {};
  const targets: LabelSet[] = (spec.ports ?? []).map((port: any) => {
    const ls: LabelSet = {
      __address__: joinHostPort(`${svc.metadata.name}.${svc.metadata.namespace}.svc`, port.port),
      [`${META}service_port_name`]: port.name ?? '',
      [`${META}service_port_number`]: String(port.port),
      [`${META}service_port_protocol`]: port.protocol ?? '',
      [`${META}service_type`]: spec.type ?? '',
    };
    if (spec.type === 'ExternalName') {
      ls[`${META}service_external_name`] = spec.externalName ?? '';
    } else {
      ls[`${META}service_cluster_ip`] = spec.clusterIP ?? '';
    }
    if (spec.type === 'LoadBalancer') {
      ls[`${META}service_loadbalancer_ip`] = spec.loadBalancerIP ?? '';
    }
    return ls;
  });
  return { source: `svc/${svc.metadata.namespace}/${svc.metadata.name}`, labels: serviceLabels(svc), targets };
}
