/**
 * What a ServiceAccount may do according to the RBAC objects of an app: the rules of the Roles
 * and ClusterRoles (aggregated ClusterRoles included) bound to it by RoleBindings (in their
 * namespace) and ClusterRoleBindings (everywhere), with the Kubernetes authorizer's matching of
 * API groups, resources and verbs (`*` included; rules with resourceNames never grant list or
 * watch).
 */

import { compileLabelSelector } from '../../select/label-selector';
import { KubeObject } from '../../types';
import { CheckContext } from '../context';

/** One policy rule, scoped to a namespace or the whole cluster. */
interface ScopedRule {
  /** Undefined for cluster-wide grants. */
  readonly namespace?: string;
  readonly apiGroups: readonly string[];
  readonly resources: readonly string[];
  readonly verbs: readonly string[];
  readonly resourceNames: readonly string[];
}

/** What the app's RBAC grants one ServiceAccount. */
export interface AccountGrants {
  /** `namespace/name` of the ServiceAccount. */
  readonly account: string;
  /** True when some binding in the app names the account (directly or through its groups). */
  readonly bound: boolean;
  /** Roles bound to the account that the app does not define (their rules are unknown). */
  readonly unresolvedRoles: readonly string[];
  /** True when `verb` on `group/resource` is allowed in `namespace` (undefined = cluster-wide). */
  allows(namespace: string | undefined, group: string, resource: string, verb: string): boolean;
}

const RBAC_GROUP = 'rbac.authorization.k8s.io/';

/** The grants of ServiceAccount `namespace/name`. */
export function grantsOf(ctx: CheckContext, namespace: string, name: string): AccountGrants {
  const rules: ScopedRule[] = [];
  const unresolved: string[] = [];
  let bound = false;
  const rbac = (kind: string) => ctx.ofKind(kind).filter((o) => typeof o.apiVersion === 'string' && o.apiVersion.startsWith(RBAC_GROUP));
  const clusterRoles = rbac('ClusterRole');
  for (const binding of [...rbac('RoleBinding'), ...rbac('ClusterRoleBinding')]) {
    const scope = binding.kind === 'RoleBinding' ? binding.metadata.namespace ?? '' : undefined;
    if (!(Array.isArray(binding.subjects) ? binding.subjects : []).some((s: any) => subjectMatches(s, scope ?? '', namespace, name))) continue;
    bound = true;
    const ref = binding.roleRef ?? {};
    let role: KubeObject | undefined;
    if (ref.kind === 'Role' && scope !== undefined) role = rbac('Role').find((r) => r.metadata.namespace === scope && r.metadata.name === ref.name);
    else if (ref.kind === 'ClusterRole') role = clusterRoles.find((r) => r.metadata.name === ref.name);
    if (!role) {
      unresolved.push(`${ref.kind} ${scope && ref.kind === 'Role' ? `${scope}/` : ''}${ref.name}`);
      continue;
    }
    for (const rule of roleRules(role, clusterRoles)) rules.push({ ...rule, namespace: scope });
  }
  return {
    account: `${namespace}/${name}`,
    bound,
    unresolvedRoles: unresolved,
    allows: (ns, group, resource, verb) => rules.some((r) =>
      (r.namespace === undefined || r.namespace === ns)
      && (r.apiGroups.includes('*') || r.apiGroups.includes(group))
      && (r.resources.includes('*') || r.resources.includes(resource))
      && (r.verbs.includes('*') || r.verbs.includes(verb))
      && (r.resourceNames.length === 0 || (verb !== 'list' && verb !== 'watch'))),
  };
}

function subjectMatches(s: any, bindingNs: string, saNs: string, saName: string): boolean {
  switch (s?.kind) {
    case 'ServiceAccount': return s.name === saName && (s.namespace || bindingNs) === saNs;
    case 'User': return s.name === `system:serviceaccount:${saNs}:${saName}`;
    case 'Group': return s.name === 'system:serviceaccounts' || s.name === `system:serviceaccounts:${saNs}` || s.name === 'system:authenticated';
    default: return false;
  }
}

function roleRules(role: KubeObject, clusterRoles: readonly KubeObject[]): Omit<ScopedRule, 'namespace'>[] {
  const own = toRules(role.rules);
  const selectors: any[] = role.kind === 'ClusterRole' && Array.isArray(role.aggregationRule?.clusterRoleSelectors)
    ? role.aggregationRule.clusterRoleSelectors : [];
  if (selectors.length === 0) return own;
  const aggregated = clusterRoles.filter((cr) => cr !== role && selectors.some((sel) => {
    try {
      return compileLabelSelector(sel).matches(cr.metadata.labels);
    } catch {
      return false;
    }
  }));
  return [...own, ...aggregated.flatMap((cr) => toRules(cr.rules))];
}

function toRules(list: unknown): Omit<ScopedRule, 'namespace'>[] {
  const strings = (v: unknown) => (Array.isArray(v) ? v.map(String) : []);
  return (Array.isArray(list) ? list : []).map((r: any) => ({
    apiGroups: strings(r?.apiGroups),
    resources: strings(r?.resources),
    verbs: strings(r?.verbs),
    resourceNames: strings(r?.resourceNames),
  }));
}
