/** The `remote_write` section (spec.remoteWrite of a Prometheus or PrometheusAgent). */

import { RenderContext } from './context';
import { RenderError } from './errors';
import { addAuthorization, loadAuthorization } from './http/authorization';
import { addAzureAD, loadAzureAD, validateAzureAD } from './http/azuread';
import { addBasicAuth, loadBasicAuth } from './http/basic-auth';
import { addOAuth2, loadOAuth2 } from './http/oauth2';
import { addProxyConfig, loadProxyConfig, validateProxyConfig } from './http/proxy';
import { atLeast, clientScope, ClientScope } from './http/scope';
import { addSigv4, loadSigv4 } from './http/sigv4';
import { addTLS, loadTLS } from './http/tls';
import { convertRelabelConfigs } from './scrape/relabelings';
import { sortedMap } from './sorted-map';
import { AssetRef, AssetStore, withField } from './store';

/** Remote write protobuf message versions and the message names Prometheus expects. */
const PROTOBUF_MESSAGES: Record<string, string> = {
  'V1.0': 'prometheus.WriteRequest',
  'V2.0': 'io.prometheus.write.v2.Request',
};

/**
 * The value of the `remote_write` section (the operator's GenerateRemoteWriteConfig): one entry
 * per spec.remoteWrite item, or undefined when there is none. References are read from the
 * Prometheus's namespace.
 */
export function renderRemoteWrite(ctx: RenderContext): Record<string, unknown>[] | undefined {
  const specs: any[] = ctx.spec.remoteWrite ?? [];
  if (specs.length === 0) return undefined;
  const scope = clientScope(ctx, AssetStore.of(ctx).forNamespace(ctx.namespace));
  return specs.map((spec) => remoteWriteEntry(scope, spec));
}

function remoteWriteEntry(scope: ClientScope, spec: any): Record<string, unknown> {
  const ctx = scope.ctx;
  const cfg: Record<string, unknown> = { url: spec.url };
  if (spec.remoteTimeout != null) cfg.remote_timeout = spec.remoteTimeout;
  if (Object.keys(spec.headers ?? {}).length > 0) ctx.minVersion('2.15.0').set(cfg, 'headers', sortedMap(spec.headers));
  if (spec.name) ctx.minVersion('2.15.0').set(cfg, 'name', spec.name);
  if (spec.messageVersion != null) {
    ctx.minVersion('2.54.0').set(cfg, 'protobuf_message', PROTOBUF_MESSAGES[spec.messageVersion] ?? PROTOBUF_MESSAGES['V1.0']);
  }
  if (spec.sendExemplars != null) ctx.minVersion('2.27.0').set(cfg, 'send_exemplars', spec.sendExemplars);
  if (spec.sendNativeHistograms != null) ctx.minVersion('2.40.0').set(cfg, 'send_native_histograms', spec.sendNativeHistograms);
  const relabelings = convertRelabelConfigs(spec.writeRelabelConfigs);
  if (relabelings.length > 0) cfg.write_relabel_configs = relabelings;

  addBasicAuth(cfg, scope, spec.basicAuth);
  if (spec.bearerToken) cfg.bearer_token = spec.bearerToken;
  if (spec.bearerTokenFile) cfg.bearer_token_file = spec.bearerTokenFile;
  addOAuth2(cfg, scope, spec.oauth2);
  addTLS(cfg, scope, spec.tlsConfig);
  addAuthorization(cfg, scope, spec.authorization);
  addProxyConfig(cfg, scope, spec);
  addSigv4(cfg, atLeast(scope, '2.26.0'), spec.sigv4);
  addAzureAD(cfg, scope, spec.azureAd);

  if (spec.followRedirects != null) ctx.minVersion('2.26.0').set(cfg, 'follow_redirects', spec.followRedirects);
  if (spec.enableHTTP2 != null) ctx.minVersion('2.35.0').set(cfg, 'enable_http2', spec.enableHTTP2);
  if (spec.queueConfig != null) cfg.queue_config = queueConfig(ctx, spec.queueConfig);
  if (spec.metadataConfig != null) {
    ctx.minVersion('2.23.0').set(cfg, 'metadata_config', metadataConfig(ctx, spec.metadataConfig, spec.messageVersion));
  }
  if (spec.roundRobinDNS != null) ctx.minVersion('3.1.0').set(cfg, 'round_robin_dns', spec.roundRobinDNS);
  return cfg;
}

/** queue_config: only the non-zero settings, each behind its version gate. */
function queueConfig(ctx: RenderContext, q: any): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (q.capacity) out.capacity = q.capacity;
  if (q.minShards) ctx.minVersion('2.6.0').set(out, 'min_shards', q.minShards);
  if (q.maxShards) out.max_shards = q.maxShards;
  if (q.maxSamplesPerSend) out.max_samples_per_send = q.maxSamplesPerSend;
  if (q.batchSendDeadline != null) out.batch_send_deadline = q.batchSendDeadline;
  // Prometheus 2.11 removed max_retries (it retries recoverable errors forever).
  if (q.maxRetries) ctx.maxVersion('2.11.0').set(out, 'max_retries', q.maxRetries);
  if (q.minBackoff != null) out.min_backoff = q.minBackoff;
  if (q.maxBackoff != null) out.max_backoff = q.maxBackoff;
  if (q.retryOnRateLimit === true) ctx.minVersion('2.26.0').set(out, 'retry_on_http_429', true);
  if (q.sampleAgeLimit != null) ctx.minVersion('2.50.0').set(out, 'sample_age_limit', q.sampleAgeLimit);
  return out;
}

/** metadata_config: remote write 2.0 always turns metadata sending off (Prometheus does too). */
function metadataConfig(ctx: RenderContext, m: any, messageVersion: string | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = { send: messageVersion === 'V2.0' ? false : m.send === true };
  if (m.sendInterval) out.send_interval = m.sendInterval;
  if (m.maxSamplesPerSend != null) ctx.minVersion('2.29.0').set(out, 'max_samples_per_send', m.maxSamplesPerSend);
  return out;
}

/**
 * Validates every spec.remoteWrite item and checks the Secrets and ConfigMaps it refers to, as
 * the operator does before generating (AddRemoteWriteToStore): at most one of basicAuth, oauth2,
 * authorization, sigv4 and azureAd; a valid Azure AD and proxy configuration; every reference
 * readable. Throws a RenderError naming the item and field.
 */
export function loadRemoteWriteAssets(ctx: RenderContext): void {
  const store = AssetStore.of(ctx).forNamespace(ctx.namespace);
  (ctx.spec.remoteWrite ?? []).forEach((spec: any, i: number) => {
    const at: AssetRef = { object: ctx.prometheus, field: `spec.remoteWrite[${i}]` };
    const methods = ['basicAuth', 'oauth2', 'authorization', 'sigv4', 'azureAd'].filter((k) => spec[k] != null);
    if (methods.length > 1) {
      throw new RenderError(`${methods.map((m) => `"${m}"`).join(' and ')} can't be set at the same time, at most one of them must be defined`,
        at.object, at.field);
    }
    validateAzureAD(ctx.gate, spec.azureAd, withField(at, 'azureAd'));
    validateProxyConfig(spec, at);
    loadBasicAuth(store, spec.basicAuth, withField(at, 'basicAuth'));
    loadOAuth2(store, spec.oauth2, withField(at, 'oauth2'));
    loadTLS(store, spec.tlsConfig, withField(at, 'tlsConfig'));
    loadAuthorization(store, spec.authorization, withField(at, 'authorization'));
    loadSigv4(store, spec.sigv4, withField(at, 'sigv4'));
    loadAzureAD(store, spec.azureAd, withField(at, 'azureAd'));
    loadProxyConfig(store, spec, at);
  });
}
