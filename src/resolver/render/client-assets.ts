/**
 * The checks the operator runs on a Prometheus's own client settings before it generates the
 * configuration: every Secret and ConfigMap key that remote write/read, the Alertmanager
 * endpoints, the API server access and the scrape classes refer to must exist, and their
 * settings must be consistent. The generator itself only warns about unreadable references.
 */

import { RenderContext } from './context';
import { RenderError } from './errors';
import { loadAuthorization, loadSafeAuthorization } from './http/authorization';
import { loadBasicAuth } from './http/basic-auth';
import { loadProxyConfig } from './http/proxy';
import { loadSigv4 } from './http/sigv4';
import { loadTLS } from './http/tls';
import { loadRemoteReadAssets } from './remote-read';
import { loadRemoteWriteAssets } from './remote-write';
import { validateRelabelConfigs } from './scrape/relabel-validation';
import { AssetRef, AssetStore, NamespacedStore, withField } from './store';

/**
 * Runs the operator's pre-generation checks for a Prometheus (remote read, remote write, API
 * server, Alertmanagers, scrape classes, in that order) or a PrometheusAgent (remote write, API
 * server, scrape classes). Throws a RenderError naming the field on the first failure.
 */
export function loadPrometheusAssets(ctx: RenderContext): void {
  const store = AssetStore.of(ctx).forNamespace(ctx.namespace);
  if (!ctx.isAgent) loadRemoteReadAssets(ctx);
  loadRemoteWriteAssets(ctx);
  loadAPIServerAssets(ctx, store);
  if (!ctx.isAgent) loadAlertmanagerAssets(ctx, store);
  (ctx.spec.scrapeClasses ?? []).forEach((sc: any, i: number) => {
    loadTLS(store, sc.tlsConfig, { object: ctx.prometheus, field: `spec.scrapeClasses[${i}].tlsConfig` });
  });
}

function loadAPIServerAssets(ctx: RenderContext, store: NamespacedStore): void {
  const api = ctx.spec.apiserverConfig;
  if (api == null) return;
  const at: AssetRef = { object: ctx.prometheus, field: 'spec.apiserverConfig' };
  loadBasicAuth(store, api.basicAuth, withField(at, 'basicAuth'));
  loadAuthorization(store, api.authorization, withField(at, 'authorization'));
  loadTLS(store, api.tlsConfig, withField(at, 'tlsConfig'));
  loadProxyConfig(store, api, at);
}

/** The operator's validateAlertmanagerEndpoints (one auth method, valid relabelings) and addAlertmanagerEndpointsToStore. */
function loadAlertmanagerAssets(ctx: RenderContext, store: NamespacedStore): void {
  const endpoints: any[] = ctx.spec.alerting?.alertmanagers ?? [];
  endpoints.forEach((am, i) => {
    const at: AssetRef = { object: ctx.prometheus, field: `spec.alerting.alertmanagers[${i}]` };
    const methods = [am.bearerTokenFile ? 'bearerTokenFile' : undefined,
      ...['basicAuth', 'authorization', 'sigv4'].filter((k) => am[k] != null)].filter((m) => m !== undefined);
    if (methods.length > 1) {
      throw new RenderError(`${methods.map((m) => `"${m}"`).join(' and ')} can't be set at the same time, at most one of them must be defined`,
        at.object, at.field);
    }
    validateRelabelConfigs(ctx, am.relabelings, ctx.prometheus, `${at.field}.relabelings`);
    validateRelabelConfigs(ctx, am.alertRelabelings, ctx.prometheus, `${at.field}.alertRelabelings`);
  });
  endpoints.forEach((am, i) => {
    const at: AssetRef = { object: ctx.prometheus, field: `spec.alerting.alertmanagers[${i}]` };
    loadBasicAuth(store, am.basicAuth, withField(at, 'basicAuth'));
    loadSafeAuthorization(store, am.authorization, withField(at, 'authorization'));
    loadSigv4(store, am.sigv4, withField(at, 'sigv4'));
    loadTLS(store, am.tlsConfig, withField(at, 'tlsConfig'));
    loadProxyConfig(store, am, at);
  });
}
