/**
 * kubernetes_sd_configs entries of monitor jobs: role, namespaces, API server access,
 * attach_metadata, DaemonSet node selection and role selectors.
 */

import { RenderContext } from '../context';
import { addAuthorization } from '../http/authorization';
import { addBasicAuth } from '../http/basic-auth';
import { addProxyConfig } from '../http/proxy';
import { clientScope } from '../http/scope';
import { addTLS } from '../http/tls';
import { NamespacedStore } from '../store';
import { versionBelow } from '../version';
import { AttachMetadata } from './scrape-class';

/** Kubernetes SD roles the operator generates for monitors. */
export const SDRole = {
  ENDPOINTS: 'endpoints',
  ENDPOINTSLICE: 'endpointslice',
  POD: 'pod',
  INGRESS: 'ingress',
  SERVICE: 'service',
} as const;

/**
 * The endpoints flavour for a serviceDiscoveryRole value: `endpointslice` only when the cluster
 * supports it, Prometheus is >= 2.21 and the role asks for EndpointSlice.
 */
export function endpointRoleFlavor(ctx: RenderContext, role: string | undefined): string {
  if (!ctx.endpointSliceSupported) return SDRole.ENDPOINTS;
  if (versionBelow(ctx.version, '2.21.0')) return SDRole.ENDPOINTS;
  return role === 'EndpointSlice' ? SDRole.ENDPOINTSLICE : SDRole.ENDPOINTS;
}

/** The endpoints flavour from the Prometheus's own spec.serviceDiscoveryRole. */
export function defaultEndpointRoleFlavor(ctx: RenderContext): string {
  return endpointRoleFlavor(ctx, ctx.spec.serviceDiscoveryRole);
}

/**
 * The namespaces a monitor's namespaceSelector stands for: its own namespace when the
 * Prometheus ignores namespace selectors or none is given, none (= all) for `any: true`,
 * else the listed names.
 */
export function namespacesFor(ctx: RenderContext, selector: any, namespace: string): string[] {
  if (ctx.spec.ignoreNamespaceSelectors === true) return [namespace];
  if (selector?.any === true) return [];
  const names: string[] = selector?.matchNames ?? [];
  return names.length === 0 ? [namespace] : names;
}

/** A label selector in the Kubernetes text form (`a=b,c in (d,e),!f`), requirements sorted by key. */
export function labelSelectorString(selector: any): string {
  const reqs: { key: string; text: string }[] = [];
  const matchLabels: Record<string, string> = selector?.matchLabels ?? {};
  for (const k of Object.keys(matchLabels)) reqs.push({ key: k, text: `${k}=${matchLabels[k]}` });
  for (const exp of selector?.matchExpressions ?? []) {
    const values = [...new Set<string>(exp.values ?? [])].sort().join(',');
    switch (exp.operator) {
      case 'In': reqs.push({ key: exp.key, text: `${exp.key} in (${values})` }); break;
      case 'NotIn': reqs.push({ key: exp.key, text: `${exp.key} notin (${values})` }); break;
      case 'Exists': reqs.push({ key: exp.key, text: exp.key }); break;
      case 'DoesNotExist': reqs.push({ key: exp.key, text: `!${exp.key}` }); break;
      default: break;
    }
  }
  return reqs
    .map((r, i) => ({ ...r, i }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.i - b.i))
    .map((r) => r.text)
    .join(',');
}

/** Options of {@link kubernetesSDConfig}. */
export interface KubernetesSDOptions {
  /** The monitor's namespaceSelector. */
  readonly namespaceSelector?: any;
  /** The monitor's namespace. */
  readonly namespace: string;
  /** Store of the monitor's namespace (API server credentials are read from it). */
  readonly store: NamespacedStore;
  /** The SD role. */
  readonly role: string;
  /** attach_metadata settings, if any. */
  readonly attachMetadata?: AttachMetadata;
  /** With selectorMechanism RoleSelector: the roles and the label selector to filter on. */
  readonly roleSelector?: { readonly roles: readonly string[]; readonly selector: any };
}

/** One kubernetes_sd_configs entry, as the operator's generateK8SSDConfig writes it. */
export function kubernetesSDConfig(ctx: RenderContext, o: KubernetesSDOptions): Record<string, unknown> {
  const sd: Record<string, unknown> = { role: o.role };
  const namespaces = namespacesFor(ctx, o.namespaceSelector, o.namespace);
  if (namespaces.length > 0) sd.namespaces = { names: namespaces };

  const api = ctx.spec.apiserverConfig;
  if (api) {
    const scope = clientScope(ctx, o.store);
    sd.api_server = api.host;
    addBasicAuth(sd, scope, api.basicAuth);
    if (api.bearerToken) sd.bearer_token = api.bearerToken;
    if (api.bearerTokenFile) sd.bearer_token_file = api.bearerTokenFile;
    addAuthorization(sd, scope, api.authorization);
    addTLS(sd, scope, api.tlsConfig);
    addProxyConfig(sd, scope, api);
  }

  if (o.attachMetadata) {
    ctx.minVersion(o.attachMetadata.minimumVersion).set(sd, 'attach_metadata', { node: o.attachMetadata.node });
  }

  const selectors: Record<string, unknown>[] = [];
  if (ctx.daemonSet) selectors.push({ role: 'pod', field: 'spec.nodeName=$(NODE_NAME)' });
  if (o.roleSelector) {
    const label = labelSelectorString(o.roleSelector.selector);
    for (const role of o.roleSelector.roles) selectors.push({ role, label });
  }
  if (selectors.length > 0) sd.selectors = selectors;

  return sd;
}
