/** Scrape jobs of ServiceMonitors: one job per endpoint, `serviceMonitor/<ns>/<name>/<i>`. */

import { KubeObject } from '../../types';
import { RenderContext } from '../context';
import { addAuthorization } from '../http/authorization';
import { addBasicAuth } from '../http/basic-auth';
import { addOAuth2 } from '../http/oauth2';
import { addProxyConfig } from '../http/proxy';
import { clientScope, tryRead } from '../http/scope';
import { addTLS } from '../http/tls';
import { sortedMap } from '../sorted-map';
import { AssetStore } from '../store';
import { defaultEndpointRoleFlavor, endpointRoleFlavor, kubernetesSDConfig, SDRole } from './kubernetes-sd';
import { addBodySizeLimit, addJobLimits } from './limits';
import {
  convertRelabelConfigs, initRelabelings, Relabeling, runningFilter, selectorRelabelings,
  targetLabelRelabelings, withEnforcedNamespaceLabel,
} from './relabelings';
import { mergeAttachMetadata, mergeAuthorization, mergeFallbackScrapeProtocol, mergeTLSConfig, scrapeClassFor } from './scrape-class';
import {
  addFallbackScrapeProtocol, addHonorLabels, addHonorTimestamps, addNativeHistogramConfig, addScrapeProtocols,
  addTrackTimestampsStaleness,
} from './scrape-options';
import { appendShardingRelabelings, attachMetadataForTopology } from './sharding';

/** The scrape jobs of one ServiceMonitor, one per endpoint, in endpoint order. */
export function serviceMonitorJobs(ctx: RenderContext, sm: KubeObject, shards: number): Record<string, unknown>[] {
  const endpoints: any[] = sm.spec?.endpoints ?? [];
  return endpoints.map((ep, i) => serviceMonitorJob(ctx, sm, ep ?? {}, i, shards));
}

/** The scrape job of endpoint `i` of a ServiceMonitor (the operator's generateServiceMonitorConfig). */
export function serviceMonitorJob(ctx: RenderContext, sm: KubeObject, ep: any, i: number, shards: number): Record<string, unknown> {
  const spec = sm.spec ?? {};
  const namespace = sm.metadata.namespace ?? '';
  const name = sm.metadata.name ?? '';
  const sc = scrapeClassFor(ctx, spec.scrapeClass);
  const store = AssetStore.of(ctx).forNamespace(namespace);
  const scope = clientScope(ctx, store);

  const cfg: Record<string, unknown> = { job_name: `serviceMonitor/${namespace}/${name}/${i}` };
  addHonorLabels(ctx, cfg, ep.honorLabels);
  addHonorTimestamps(ctx, cfg, ep.honorTimestamps);
  addTrackTimestampsStaleness(ctx, cfg, ep.trackTimestampsStaleness);

  let attach = mergeAttachMetadata(spec.attachMetadata, sc, '2.37.0');
  attach = attachMetadataForTopology(ctx, attach, '2.37.0');

  const role = spec.serviceDiscoveryRole !== undefined && spec.serviceDiscoveryRole !== null
    ? endpointRoleFlavor(ctx, spec.serviceDiscoveryRole)
    : defaultEndpointRoleFlavor(ctx);
  const roleSelector = spec.selectorMechanism === 'RoleSelector'
    ? { roles: [role, SDRole.SERVICE], selector: spec.selector }
    : undefined;
  cfg.kubernetes_sd_configs = [kubernetesSDConfig(ctx, {
    namespaceSelector: spec.namespaceSelector, namespace, store, role, attachMetadata: attach, roleSelector,
  })];

  if (ep.interval) cfg.scrape_interval = ep.interval;
  if (ep.scrapeTimeout) cfg.scrape_timeout = ep.scrapeTimeout;
  if (ep.path) cfg.metrics_path = ep.path;
  if (ep.params !== undefined && ep.params !== null) cfg.params = sortedMap(ep.params);
  if (ep.scheme !== undefined && ep.scheme !== null) cfg.scheme = String(ep.scheme).toLowerCase();
  if (ep.followRedirects !== undefined && ep.followRedirects !== null) {
    ctx.minVersion('2.26.0').set(cfg, 'follow_redirects', ep.followRedirects);
  }
  if (ep.enableHttp2 !== undefined && ep.enableHttp2 !== null) {
    ctx.minVersion('2.35.0').set(cfg, 'enable_http2', ep.enableHttp2);
  }
  addProxyConfig(cfg, scope, ep);
  addOAuth2(cfg, scope, ep.oauth2);
  addTLS(cfg, scope, mergeTLSConfig(ep.tlsConfig, sc));
  if (ep.bearerTokenFile) cfg.bearer_token_file = ep.bearerTokenFile;
  if (ep.bearerTokenSecret?.name) {
    const token = tryRead(scope, 'bearer token', () => store.secretKey(ep.bearerTokenSecret));
    if (token !== undefined) cfg.bearer_token = token;
  }
  addBasicAuth(cfg, scope, ep.basicAuth);
  addAuthorization(cfg, scope, mergeAuthorization(ep.authorization, sc));

  cfg.relabel_configs = relabelings(ctx, sm, ep, role, sc.relabelings, shards);

  addJobLimits(ctx, cfg, spec);
  addNativeHistogramConfig(ctx, cfg, spec);
  addScrapeProtocols(ctx, cfg, spec.scrapeProtocols);
  addFallbackScrapeProtocol(ctx, cfg, mergeFallbackScrapeProtocol(spec.fallbackScrapeProtocol, sc));
  addBodySizeLimit(ctx, cfg, spec.bodySizeLimit);

  const metricRelabelings = [...(sc.metricRelabelings ?? []), ...withEnforcedNamespaceLabel(ctx, sm, ep.metricRelabelings)];
  if (metricRelabelings.length > 0) cfg.metric_relabel_configs = convertRelabelConfigs(metricRelabelings);
  return cfg;
}

function relabelings(ctx: RenderContext, sm: KubeObject, ep: any, role: string, classRelabelings: any[] | undefined, shards: number): Relabeling[] {
  const spec = sm.spec ?? {};
  const out = initRelabelings();
  if ((spec.selectorMechanism ?? 'RelabelSelector') === 'RelabelSelector') {
    out.push(...selectorRelabelings(spec.selector, 'service'));
  }
  const slice = role === SDRole.ENDPOINTSLICE;
  if (ep.port) {
    out.push({
      action: 'keep',
      source_labels: [slice ? '__meta_kubernetes_endpointslice_port_name' : '__meta_kubernetes_endpoint_port_name'],
      regex: ep.port,
    });
  } else if (ep.targetPort !== undefined && ep.targetPort !== null) {
    if (typeof ep.targetPort === 'string' && ep.targetPort !== '') {
      out.push({ action: 'keep', source_labels: ['__meta_kubernetes_pod_container_port_name'], regex: ep.targetPort });
    } else if (typeof ep.targetPort === 'number' && ep.targetPort !== 0) {
      out.push({ action: 'keep', source_labels: ['__meta_kubernetes_pod_container_port_number'], regex: ep.targetPort });
    }
  }
  const target = slice
    ? ['__meta_kubernetes_endpointslice_address_target_kind', '__meta_kubernetes_endpointslice_address_target_name']
    : ['__meta_kubernetes_endpoint_address_target_kind', '__meta_kubernetes_endpoint_address_target_name'];
  out.push(
    { source_labels: target, separator: ';', regex: 'Node;(.*)', replacement: '${1}', target_label: 'node' },
    { source_labels: target, separator: ';', regex: 'Pod;(.*)', replacement: '${1}', target_label: 'pod' },
    { source_labels: ['__meta_kubernetes_namespace'], target_label: 'namespace' },
    { source_labels: ['__meta_kubernetes_service_name'], target_label: 'service' },
    { source_labels: ['__meta_kubernetes_pod_name'], target_label: 'pod' },
    { source_labels: ['__meta_kubernetes_pod_container_name'], target_label: 'container' },
  );
  if (ep.filterRunning !== false) out.push(runningFilter());
  out.push(...targetLabelRelabelings(spec.targetLabels ?? [], 'service'));
  out.push(...targetLabelRelabelings([...(spec.podTargetLabels ?? []), ...(ctx.spec.podTargetLabels ?? [])], 'pod'));
  out.push({ source_labels: ['__meta_kubernetes_service_name'], target_label: 'job', replacement: '${1}' });
  if (spec.jobLabel) {
    out.push(...targetLabelRelabelings([spec.jobLabel], 'service').map((r) => ({ ...r, target_label: 'job' })));
  }
  if (ep.port) {
    out.push({ target_label: 'endpoint', replacement: ep.port });
  } else if (ep.targetPort !== undefined && ep.targetPort !== null && String(ep.targetPort) !== '') {
    out.push({ target_label: 'endpoint', replacement: String(ep.targetPort) });
  }
  out.push(...convertRelabelConfigs(classRelabelings));
  out.push(...convertRelabelConfigs(withEnforcedNamespaceLabel(ctx, sm, ep.relabelings)));
  return appendShardingRelabelings(ctx, out, shards);
}
