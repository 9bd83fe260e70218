/** The `remote_read` section (spec.remoteRead of a Prometheus). */

import { RenderContext } from './context';
import { addAuthorization, loadAuthorization } from './http/authorization';
import { addBasicAuth, loadBasicAuth } from './http/basic-auth';
import { addOAuth2, loadOAuth2 } from './http/oauth2';
import { addProxyConfig, loadProxyConfig, validateProxyConfig } from './http/proxy';
import { clientScope, ClientScope } from './http/scope';
import { addTLS, loadTLS } from './http/tls';
import { sortedMap } from './sorted-map';
import { AssetRef, AssetStore, withField } from './store';

/**
 * The value of the `remote_read` section (the operator's generateRemoteReadConfig): one entry
 * per spec.remoteRead item, or undefined when there is none.
 */
export function renderRemoteRead(ctx: RenderContext): Record<string, unknown>[] | undefined {
  const specs: any[] = ctx.spec.remoteRead ?? [];
  if (specs.length === 0) return undefined;
  const scope = clientScope(ctx, AssetStore.of(ctx).forNamespace(ctx.namespace));
  return specs.map((spec) => remoteReadEntry(scope, spec));
}

function remoteReadEntry(scope: ClientScope, spec: any): Record<string, unknown> {
  const ctx = scope.ctx;
  const cfg: Record<string, unknown> = { url: spec.url };
  if (spec.remoteTimeout != null) cfg.remote_timeout = spec.remoteTimeout;
  if (Object.keys(spec.headers ?? {}).length > 0) ctx.minVersion('2.26.0').set(cfg, 'headers', sortedMap(spec.headers));
  if (spec.name) ctx.minVersion('2.15.0').set(cfg, 'name', spec.name);
  if (Object.keys(spec.requiredMatchers ?? {}).length > 0) cfg.required_matchers = sortedMap(spec.requiredMatchers);
  if (spec.readRecent === true) cfg.read_recent = true;

  addBasicAuth(cfg, scope, spec.basicAuth);
  if (spec.bearerToken) cfg.bearer_token = spec.bearerToken;
  if (spec.bearerTokenFile) cfg.bearer_token_file = spec.bearerTokenFile;
  addOAuth2(cfg, scope, spec.oauth2);
  addTLS(cfg, scope, spec.tlsConfig);
  addAuthorization(cfg, scope, spec.authorization);
  addProxyConfig(cfg, scope, spec);

  if (spec.followRedirects != null) ctx.minVersion('2.26.0').set(cfg, 'follow_redirects', spec.followRedirects);
  if (spec.filterExternalLabels != null) ctx.minVersion('2.34.0').set(cfg, 'filter_external_labels', spec.filterExternalLabels);
  return cfg;
}

/**
 * Checks the Secrets and ConfigMaps every spec.remoteRead item refers to and its proxy
 * settings, as the operator does before generating (AddRemoteReadsToStore). Throws a
 * RenderError naming the item and field.
 */
export function loadRemoteReadAssets(ctx: RenderContext): void {
  const store = AssetStore.of(ctx).forNamespace(ctx.namespace);
  (ctx.spec.remoteRead ?? []).forEach((spec: any, i: number) => {
    const at: AssetRef = { object: ctx.prometheus, field: `spec.remoteRead[${i}]` };
    loadBasicAuth(store, spec.basicAuth, withField(at, 'basicAuth'));
    loadOAuth2(store, spec.oauth2, withField(at, 'oauth2'));
    loadTLS(store, spec.tlsConfig, withField(at, 'tlsConfig'));
    loadAuthorization(store, spec.authorization, withField(at, 'authorization'));
    validateProxyConfig(spec, at);
    loadProxyConfig(store, spec, at);
  });
}
