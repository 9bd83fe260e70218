import { KubeObject } from '../types';
import { ClusterState } from './cluster';
import { endpointsTargetGroup } from './discovery/endpoints-role';
import { endpointSliceTargetGroup } from './discovery/endpointslice-role';
import { ingressTargetGroup } from './discovery/ingress-role';
import { TargetGroup } from './discovery/meta';
import { nodeTargetGroup } from './discovery/node-role';
import { podTargetGroup } from './discovery/pod-role';
import { serviceTargetGroup } from './discovery/service-role';
import { CompiledSelector } from '../select/label-selector';
import { FieldSelector, parseLabelSelectorString } from '../select/selector-strings';

/** Every Kubernetes discovery role, with the roles its selectors may name (Prometheus's kubernetes_sd_configs rules). */
export const ALLOWED_SELECTOR_ROLES: Readonly<Record<string, readonly string[]>> = {
  pod: ['pod'],
  service: ['service'],
  endpointslice: ['pod', 'service', 'endpointslice'],
  endpoints: ['pod', 'service', 'endpoints'],
  node: ['node'],
  ingress: ['ingress'],
};

type Filter = (obj: KubeObject) => boolean;

/**
 * The target groups one kubernetes_sd_configs entry yields over a simulated cluster: the
 * namespaces it watches (`namespaces.names`, `own_namespace`, or all), the label and field
 * `selectors` of each role it lists, and `attach_metadata.node`. `where` prefixes error messages;
 * `ownNamespace` is the namespace of the Prometheus (for `own_namespace`).
 */
export function discoverKubernetes(sd: any, cluster: ClusterState, where: string, ownNamespace?: string): TargetGroup[] {
  if (!sd || typeof sd !== 'object') {
    throw new Error(`${where}: must be a mapping with a role`);
  }
  const role = sd.role;
  if (!(role in ALLOWED_SELECTOR_ROLES)) {
    throw new Error(`${where}.role: unknown Kubernetes SD role ${JSON.stringify(role)}; allowed: pod, service, endpoints, endpointslice, node, ingress`);
  }
  const filters = selectorFilters(sd.selectors, role, where);
  const names: string[] = sd.namespaces?.names ?? [];
  const namespaces = [...names];
  if (sd.namespaces?.own_namespace === true && ownNamespace) {
    namespaces.push(ownNamespace);
  }
  const inScope = (o: KubeObject) => namespaces.length === 0 || namespaces.includes(o.metadata.namespace ?? '');
  const pick = (objects: readonly KubeObject[], selectorRole: string) =>
    objects.filter((o) => inScope(o) && (filters.get(selectorRole) ?? (() => true))(o));
  const nodes = sd.attach_metadata?.node === true ? cluster.nodes.filter((n) => (filters.get('node') ?? (() => true))(n)) : undefined;

  // Prometheus runs one discoverer per namespace; a namespace listed twice is watched twice.
  const perNamespace = <T>(objects: readonly T[], nsOf: (o: T) => string | undefined): T[] =>
    namespaces.length === 0 ? [...objects] : namespaces.flatMap((ns) => objects.filter((o) => nsOf(o) === ns));
  const services = pick(cluster.services, 'service');
  const pods = pick(cluster.pods, 'pod');
  const ctxFor = (ns: string) => ({
    services: services.filter((s) => s.metadata.namespace === ns),
    pods: pods.filter((p) => p.metadata.namespace === ns),
    nodes,
  });
  switch (role) {
    case 'endpoints':
      return perNamespace(pick(cluster.endpoints, 'endpoints'), (o) => o.metadata.namespace)
        .map((eps) => endpointsTargetGroup(eps, ctxFor(eps.metadata.namespace!)));
    case 'endpointslice':
      return perNamespace(pick(cluster.endpointSlices, 'endpointslice'), (o) => o.metadata.namespace)
        .map((slice) => endpointSliceTargetGroup(slice, ctxFor(slice.metadata.namespace!)));
    case 'pod':
      return perNamespace(pods, (o) => o.metadata.namespace).map((pod) => podTargetGroup(pod, nodes));
    case 'service':
      return perNamespace(services, (o) => o.metadata.namespace).map(serviceTargetGroup);
    case 'node':
      // Nodes are cluster-wide: the namespaces setting does not apply.
      return cluster.nodes.filter((n) => (filters.get('node') ?? (() => true))(n))
        .map(nodeTargetGroup).filter((g): g is TargetGroup => g !== undefined);
    default:
      return perNamespace(pick(cluster.ingresses, 'ingress'), (o) => o.metadata.namespace).map(ingressTargetGroup);
  }
}

function selectorFilters(raw: unknown, role: string, where: string): Map<string, Filter> {
  const filters = new Map<string, Filter>();
  if (raw === undefined || raw === null) {
    return filters;
  }
  if (!Array.isArray(raw)) {
    throw new Error(`${where}.selectors: must be a list of {role, label, field}`);
  }
  raw.forEach((s: any, i: number) => {
    const at = `${where}.selectors[${i}]`;
    if (filters.has(s?.role)) {
      throw new Error(`${at}: duplicated selector role: ${s?.role}`);
    }
    if (!ALLOWED_SELECTOR_ROLES[role].includes(s?.role)) {
      throw new Error(`${at}: ${role} role supports only ${ALLOWED_SELECTOR_ROLES[role].join(', ')} selectors`);
    }
    const parse = <T>(what: string, text: string, parser: (t: string) => T): T => {
      try {
        return parser(text);
      } catch (e) {
        throw new Error(`${at}: invalid ${what} selector ${JSON.stringify(text)}: ${(e as Error).message}`);
      }
    };
    const label: CompiledSelector = parse('label', s.label ?? '', parseLabelSelectorString);
    const field = parse('field', s.field ?? '', FieldSelector.parse);
    filters.set(s.role, (o) => label.matches(o.metadata.labels) && field.matches(o));
  });
  return filters;
}
