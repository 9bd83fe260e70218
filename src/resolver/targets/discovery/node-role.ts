import { LabelSet, META, TargetGroup, addObjectMetaLabels, joinHostPort, sanitizeLabelName } from './meta';
import { KubeObject } from '../../types';

const ADDRESS_PRIORITY = ['InternalIP', 'InternalDNS', 'ExternalIP', 'ExternalDNS', 'LegacyHostIP', 'Hostname'];

/**
 * role: node — one target per node at its kubelet port, the address chosen by type
 * (InternalIP first, Hostname last), `instance` set to the node name; a node without any address
 * yields no group.
 */
export function nodeTargetGroup(node: KubeObject): TargetGroup | undefined {
  const labels: LabelSet = { [`${META}node_provider_id`]: node.spec?.providerID ?? '' };
  addObjectMetaLabels(labels, node, 'node');
  const byType = new Map<string, string[]>();
  for (const a of node.status?.addresses ?? []) {
    byType.set(a.type, [...(byType.get(a.type) ?? []), a.address]);
  }
  const type = ADDRESS_PRIORITY.find((t) => byType.has(t));
  if (!type) {
    return undefined;
  }
  const port = node.status?.daemonEndpoints?.kubeletEndpoint?.Port ?? 0;
  const target: LabelSet = { __address__: joinHostPort(byType.get(type)![0], port), instance: node.metadata.name ?? '' };
  for (const [t, addresses] of byType) {
    target[sanitizeLabelName(`${META}node_address_${t}`)] = addresses[0];
  }
  return { source: `node/${node.metadata.name}`, labels, targets: [target] };
}
