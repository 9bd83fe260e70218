/**
 * The `alerting` section: the Alertmanagers discovered through Kubernetes endpoints
 * (spec.alerting.alertmanagers), the alert relabeling that drops the replica label, and the
 * additional alert relabel configs and Alertmanager configs read from Secrets.
 */

import { parse } from 'yaml';
import { RenderContext } from './context';
import { RenderError } from './errors';
import { addSafeAuthorization } from './http/authorization';
import { addBasicAuth } from './http/basic-auth';
import { addProxyConfig } from './http/proxy';
import { atLeast, clientScope, ClientScope } from './http/scope';
import { addSigv4 } from './http/sigv4';
import { addTLS } from './http/tls';
import { defaultEndpointRoleFlavor, kubernetesSDConfig, SDRole } from './scrape/kubernetes-sd';
import { convertRelabelConfigs } from './scrape/relabelings';
import { AssetStore, readSecretRef } from './store';

/** The replica external label the operator adds unless spec.replicaExternalLabelName says otherwise. */
const DEFAULT_REPLICA_LABEL = 'prometheus_replica';

/**
 * The value of the `alerting` section (the operator's appendAlertingConfig), or undefined when
 * the Prometheus has no spec.alerting and no additional alert relabel or Alertmanager configs.
 * Keys: alert_relabel_configs, then alertmanagers.
 */
export function renderAlerting(ctx: RenderContext): Record<string, unknown> | undefined {
  const spec = ctx.spec;
  const store = AssetStore.of(ctx).forNamespace(ctx.namespace);
  const extraRelabel = readSecretRef(store, spec.additionalAlertRelabelConfigs,
    { object: ctx.prometheus, field: 'spec.additionalAlertRelabelConfigs' });
  const extraAlertmanagers = readSecretRef(store, spec.additionalAlertManagerConfigs,
    { object: ctx.prometheus, field: 'spec.additionalAlertManagerConfigs' });
  if (spec.alerting == null && extraRelabel === undefined && extraAlertmanagers === undefined) return undefined;

  const alertmanagers = renderAlertmanagers(ctx, clientScope(ctx, store));
  alertmanagers.push(...parseConfigList(ctx, extraAlertmanagers, 'spec.additionalAlertManagerConfigs', 'additional alertmanager configs'));

  const alertRelabelConfigs: unknown[] = [];
  const replicaLabel: string = spec.replicaExternalLabelName ?? DEFAULT_REPLICA_LABEL;
  if (replicaLabel !== '') {
    // Dropping the replica label lets the Alertmanagers deduplicate the alerts of all replicas.
    alertRelabelConfigs.push({ action: 'labeldrop', regex: quoteMeta(replicaLabel) });
  }
  alertRelabelConfigs.push(...parseConfigList(ctx, extraRelabel, 'spec.additionalAlertRelabelConfigs', 'additional alerting relabel configs'));

  return { alert_relabel_configs: alertRelabelConfigs, alertmanagers };
}

/** One alertmanagers entry per spec.alerting.alertmanagers item (generateAlertmanagerConfig). */
function renderAlertmanagers(ctx: RenderContext, scope: ClientScope): unknown[] {
  const endpoints: any[] = ctx.spec.alerting?.alertmanagers ?? [];
  const role = defaultEndpointRoleFlavor(ctx);
  return endpoints.map((am) => {
    const cfg: Record<string, unknown> = {};
    if (am.scheme != null) ctx.gate.set(cfg, 'scheme', String(am.scheme).toLowerCase());
    if (am.pathPrefix != null) ctx.gate.set(cfg, 'path_prefix', am.pathPrefix);
    if (am.timeout != null) cfg.timeout = am.timeout;
    if (am.enableHttp2 != null) ctx.minVersion('2.35.0').set(cfg, 'enable_http2', am.enableHttp2);
    addTLS(cfg, scope, am.tlsConfig);
    addProxyConfig(cfg, scope, am);

    cfg.kubernetes_sd_configs = [kubernetesSDConfig(ctx, {
      namespace: am.namespace ?? ctx.namespace,
      store: scope.store,
      role,
    })];

    if (am.bearerTokenFile) cfg.bearer_token_file = am.bearerTokenFile;
    addBasicAuth(cfg, atLeast(scope, '2.26.0'), am.basicAuth);
    addSafeAuthorization(cfg, scope, am.authorization);
    addSigv4(cfg, atLeast(scope, '2.48.0'), am.sigv4);
    addApiVersion(ctx, cfg, am.apiVersion);

    const relabelings: unknown[] = [
      { action: 'keep', source_labels: ['__meta_kubernetes_service_name'], regex: am.name ?? '' },
    ];
    if (typeof am.port === 'string' && am.port !== '') {
      const portLabel = role === SDRole.ENDPOINTSLICE ? '__meta_kubernetes_endpointslice_port_name' : '__meta_kubernetes_endpoint_port_name';
      relabelings.push({ action: 'keep', source_labels: [portLabel], regex: am.port });
    } else if (typeof am.port === 'number' && am.port !== 0) {
      relabelings.push({ action: 'keep', source_labels: ['__meta_kubernetes_pod_container_port_number'], regex: String(am.port) });
    }
    relabelings.push(...convertRelabelConfigs(am.relabelings));
    cfg.relabel_configs = relabelings;

    if ((am.alertRelabelings ?? []).length > 0) {
      ctx.minVersion('2.51.0').set(cfg, 'alert_relabel_configs', convertRelabelConfigs(am.alertRelabelings));
    }
    return cfg;
  });
}

/** api_version (>= 2.11): v1 or v2 in any case; v1 is not written for Prometheus 3, which dropped it. */
function addApiVersion(ctx: RenderContext, cfg: Record<string, unknown>, apiVersion: string | undefined): void {
  if (apiVersion == null) return;
  const gate = ctx.minVersion('2.11.0');
  switch (apiVersion.toUpperCase()) {
    case 'V1':
      if (ctx.version.major <= 2) gate.set(cfg, 'api_version', apiVersion.toLowerCase());
      break;
    case 'V2':
      gate.set(cfg, 'api_version', apiVersion.toLowerCase());
      break;
    default:
      break;
  }
}

/** Parses a YAML list of maps read from a Secret (empty text gives no entries). */
function parseConfigList(ctx: RenderContext, text: string | undefined, field: string, what: string): unknown[] {
  if (text === undefined) return [];
  let value: unknown;
  try {
    value = parse(text);
  } catch (e) {
    throw new RenderError(`unmarshalling ${what} failed: ${(e as Error).message}`, ctx.prometheus, field);
  }
  if (value == null) return [];
  if (!Array.isArray(value) || value.some((v) => v === null || typeof v !== 'object' || Array.isArray(v))) {
    throw new RenderError(`unmarshalling ${what} failed: expected a YAML list of maps`, ctx.prometheus, field);
  }
  return value;
}

/** Escapes the regular expression metacharacters of a literal (Go's regexp.QuoteMeta). */
function quoteMeta(s: string): string {
  return s.replace(/[\\.+*?()|[\]{}^$]/g, '\\$&');
}
