/**
 * Service discovery sections of ScrapeConfig jobs: static_configs, file_sd_configs,
 * http_sd_configs, kubernetes_sd_configs and dns_sd_configs here, the other kinds in
 * sd-kinds.ts; each in the operator's key order.
 */

import { KubeObject } from '../../types';
import { addSafeAuthorization } from '../http/authorization';
import { addBasicAuth } from '../http/basic-auth';
import { addOAuth2 } from '../http/oauth2';
import { addProxyConfig } from '../http/proxy';
import { ClientScope } from '../http/scope';
import { addSafeTLS } from '../http/tls';
import { sortedMap } from '../sorted-map';
import { CLOUD_AND_SERVICE_SD, CONSUL_SD, SDKind } from './sd-kinds';

type Cfg = Record<string, unknown>;

function isSet(v: unknown): boolean {
  return v !== undefined && v !== null;
}


function staticConfig(c: any): Cfg {
  return { targets: c.targets ?? [], labels: sortedMap(c.labels ?? {}) };
}

function fileSDConfig(c: any): Cfg {
  const out: Cfg = { files: c.files ?? [] };
  if (isSet(c.refreshInterval)) out.refresh_interval = c.refreshInterval;
  return out;
}

function httpSDConfig(scope: ClientScope, c: any): Cfg {
  const out: Cfg = {};
  addBasicAuth(out, scope, c.basicAuth);
  addSafeAuthorization(out, scope, c.authorization);
  addSafeTLS(out, scope, c.tlsConfig);
  addProxyConfig(out, scope, c);
  addOAuth2(out, scope, c.oauth2);
  out.url = c.url;
  if (isSet(c.refreshInterval)) out.refresh_interval = c.refreshInterval;
  if (isSet(c.followRedirects)) out.follow_redirects = c.followRedirects;
  if (isSet(c.enableHTTP2)) out.enable_http2 = c.enableHTTP2;
  return out;
}

function kubernetesSDConfig(scope: ClientScope, c: any): Cfg {
  const ctx = scope.ctx;
  const out: Cfg = {};
  if (isSet(c.apiServer)) out.api_server = c.apiServer;
  const role = String(c.role ?? '').toLowerCase();
  (role === 'endpointslice' ? ctx.minVersion('2.21.0') : ctx.gate).set(out, 'role', role);
  addBasicAuth(out, scope, c.basicAuth);
  addSafeAuthorization(out, scope, c.authorization);
  addOAuth2(out, scope, c.oauth2);
  addProxyConfig(out, scope, c);
  if (isSet(c.followRedirects)) out.follow_redirects = c.followRedirects;
  if (isSet(c.enableHTTP2)) out.enable_http2 = c.enableHTTP2;
  addSafeTLS(out, scope, c.tlsConfig);
  if (isSet(c.namespaces)) {
    const ns: Cfg = { names: c.namespaces.names ?? [] };
    if (isSet(c.namespaces.ownNamespace)) ns.own_namespace = c.namespaces.ownNamespace;
    out.namespaces = ns;
  }
  if ((c.selectors ?? []).length > 0) {
    const selectors = (c.selectors as any[]).map((s) => {
      const sel: Cfg = { role: String(s.role ?? '').toLowerCase() };
      if (isSet(s.label)) sel.label = s.label;
      if (isSet(s.field)) sel.field = s.field;
      return sel;
    });
    ctx.minVersion('2.17.0').set(out, 'selectors', selectors);
  }
  if (isSet(c.attachMetadata)) {
    const am = { node: c.attachMetadata.node ?? null };
    if (role === 'pod') {
      ctx.minVersion('2.35.0').set(out, 'attach_metadata', am);
    } else if (role === 'endpoints' || role === 'endpointslice') {
      ctx.minVersion('2.37.0').set(out, 'attach_metadata', am);
    } else {
      ctx.warn(`ignoring attachMetadata not supported by Prometheus for role: ${c.role}`);
    }
  }
  return out;
}

const DNS_TYPE_MIN_VERSION: Record<string, string> = { NS: '2.49.0', MX: '2.38.0' };

function dnsSDConfig(scope: ClientScope, c: any): Cfg {
  const out: Cfg = { names: c.names ?? [] };
  if (isSet(c.refreshInterval)) out.refresh_interval = c.refreshInterval;
  if (isSet(c.type)) {
    const min = DNS_TYPE_MIN_VERSION[c.type];
    (min ? scope.ctx.minVersion(min) : scope.ctx.gate).set(out, 'type', c.type);
  }
  if (isSet(c.port)) out.port = c.port;
  return out;
}

/** The discovery kinds covered by the functions of this file, as steps. */
function builtIn(field: string, key: string, render: (scope: ClientScope, c: any) => Cfg): SDKind {
  return { field, key, steps: [({ scope, config }, out) => Object.assign(out, render(scope, config))] };
}

/** Every discovery kind, in the order the operator writes them into a job. */
const ALL_KINDS: readonly SDKind[] = [
  builtIn('staticConfigs', 'static_configs', (_scope, c) => staticConfig(c)),
  builtIn('fileSDConfigs', 'file_sd_configs', (_scope, c) => fileSDConfig(c)),
  builtIn('httpSDConfigs', 'http_sd_configs', httpSDConfig),
  builtIn('kubernetesSDConfigs', 'kubernetes_sd_configs', kubernetesSDConfig),
  CONSUL_SD,
  builtIn('dnsSDConfigs', 'dns_sd_configs', dnsSDConfig),
  ...CLOUD_AND_SERVICE_SD,
];

/** Appends the service discovery sections of a ScrapeConfig to its job, in the operator's order. */
export function addServiceDiscoveryConfigs(scope: ClientScope, cfg: Cfg, sc: KubeObject): void {
  const spec = sc.spec ?? {};
  for (const kind of ALL_KINDS) {
    const list: any[] = Array.isArray(spec[kind.field]) ? spec[kind.field] : [];
    if (list.length === 0) continue;
    cfg[kind.key] = list.map((config, i) => {
      const out: Cfg = {};
      const input = { scope, object: sc, field: `spec.${kind.field}[${i}]`, config: config ?? {} };
      for (const step of kind.steps) step(input, out);
      return out;
    });
  }
}
