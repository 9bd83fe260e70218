/**
 * RBAC-DISCOVERY: a Prometheus whose ServiceAccount may not list and watch what its service
 * discovery needs in the namespaces its selected monitors (and its Alertmanager endpoints)
 * look in: services, endpoints (or endpointslices with serviceDiscoveryRole EndpointSlice) and
 * pods for ServiceMonitors; pods for PodMonitors; ingresses for Probe ingress targets. A
 * monitor looking in all namespaces needs a cluster-wide grant. When the app binds nothing to
 * the ServiceAccount, or binds roles it does not define, the finding is a WARN.
 */

import { KubeObject } from '../../types';
import { Check } from '../check';
import { CheckContext, describeObject } from '../context';
import { Finding, FindingSeverity } from '../finding';
import { monitorNamespaces } from '../model/monitor-targets';
import { grantsOf } from '../model/rbac';

const ID = 'RBAC-DISCOVERY';
const VERBS = ['list', 'watch'];

interface Resource {
  readonly group: string;
  readonly resource: string;
}

/** What one namespace (or, for `undefined`, the whole cluster) needs, and for whom. */
interface Need {
  readonly resources: Map<string, Resource>;
  readonly neededBy: Set<string>;
}

/** The check. */
export const rbacDiscovery: Check = {
  id: ID,
  description: 'A Prometheus ServiceAccount without list/watch on what its service discovery reads',
  run(ctx: CheckContext): Finding[] {
    const findings: Finding[] = [];
    for (const p of ctx.prometheuses()) {
      const needs = needsOf(ctx, p);
      if (needs.size === 0) continue;
      const ns = p.metadata.namespace ?? '';
      const sa = typeof p.spec?.serviceAccountName === 'string' && p.spec.serviceAccountName !== '' ? p.spec.serviceAccountName : 'default';
      const grants = grantsOf(ctx, ns, sa);
      if (!grants.bound) {
        findings.push(ctx.finding(p, {
          id: ID,
          severity: FindingSeverity.WARN,
          field: 'spec.serviceAccountName',
          problem: `cannot verify discovery permissions: no RoleBinding or ClusterRoleBinding in the app binds ServiceAccount ${ns}/${sa}`
            + (p.spec?.serviceAccountName ? '' : ' (serviceAccountName is unset, so the pods run as "default")'),
          effect: 'Without list/watch on services, endpoints and pods Prometheus logs "forbidden" and discovers no targets',
          fix: 'bind a Role in each monitored namespace (or a ClusterRole) granting get, list, watch on services, endpoints, pods '
            + 'to the ServiceAccount, or acknowledge this finding if RBAC is managed elsewhere',
        }));
        continue;
      }
      for (const [where, need] of [...needs].sort(([a], [b]) => (a ?? '').localeCompare(b ?? ''))) {
        const missing = [...need.resources.values()].filter((r) => VERBS.some((v) => !grants.allows(where, r.group, r.resource, v)));
        if (missing.length === 0) continue;
        const names = missing.map((r) => (r.group ? `${r.resource}.${r.group}` : r.resource));
        const scope = where === undefined ? 'cluster-wide (all namespaces)' : `in namespace ${where}`;
        const unresolved = grants.unresolvedRoles.length > 0;
        findings.push(ctx.finding(p, {
          id: ID,
          severity: unresolved ? FindingSeverity.WARN : FindingSeverity.ERROR,
          field: 'spec.serviceAccountName',
          problem: `ServiceAccount ${ns}/${sa} cannot list/watch ${names.join(', ')} ${scope} (needed by ${[...need.neededBy].join(', ')})`
            + (unresolved ? `; it is also bound to ${grants.unresolvedRoles.join(', ')}, which the app does not define` : ''),
          effect: `Prometheus will log "forbidden" and discover no targets ${where === undefined ? 'outside the namespaces it has Roles in' : 'there'}`,
          fix: where === undefined
            ? `bind a ClusterRole granting get, list, watch on ${names.join(', ')} with a ClusterRoleBinding`
            : `add a Role and RoleBinding in ${where} granting get, list, watch on ${names.join(', ')}, or a ClusterRoleBinding`,
        }));
      }
    }
    return findings;
  },
};

function needsOf(ctx: CheckContext, p: KubeObject): Map<string | undefined, Need> {
  const needs = new Map<string | undefined, Need>();
  const add = (namespaces: readonly string[] | undefined, resources: Resource[], by: string) => {
    for (const ns of namespaces ?? [undefined]) {
      let need = needs.get(ns);
      if (!need) needs.set(ns, need = { resources: new Map(), neededBy: new Set() });
      for (const r of resources) need.resources.set(`${r.group}/${r.resource}`, r);
      need.neededBy.add(by);
    }
  };
  const slices = p.spec?.serviceDiscoveryRole === 'EndpointSlice';
  const endpointsRole: Resource[] = [
    { group: '', resource: 'services' },
    slices ? { group: 'discovery.k8s.io', resource: 'endpointslices' } : { group: '', resource: 'endpoints' },
    { group: '', resource: 'pods' },
  ];
  for (const sm of ctx.selectedBy(p, 'ServiceMonitor')) add(monitorNamespaces(ctx, sm), endpointsRole, describeObject(sm));
  for (const pm of ctx.selectedBy(p, 'PodMonitor')) add(monitorNamespaces(ctx, pm), [{ group: '', resource: 'pods' }], describeObject(pm));
  for (const probe of ctx.selectedBy(p, 'Probe')) {
    const ingress = probe.spec?.targets?.ingress;
    if (!ingress) continue;
    const sel = p.spec?.ignoreNamespaceSelectors === true ? undefined : ingress.namespaceSelector;
    const namespaces = sel?.any === true ? undefined
      : Array.isArray(sel?.matchNames) && sel.matchNames.length > 0 ? sel.matchNames.map(String) : [probe.metadata.namespace ?? ''];
    add(namespaces, [{ group: 'networking.k8s.io', resource: 'ingresses' }], describeObject(probe));
  }
  const alertmanagers: any[] = Array.isArray(p.spec?.alerting?.alertmanagers) ? p.spec.alerting.alertmanagers : [];
  alertmanagers.forEach((am, i) => {
    const ns = typeof am?.namespace === 'string' && am.namespace !== '' ? am.namespace : p.metadata.namespace ?? '';
    add([ns], endpointsRole, `spec.alerting.alertmanagers[${i}] (${ns}/${am?.name ?? ''})`);
  });
  return needs;
}

