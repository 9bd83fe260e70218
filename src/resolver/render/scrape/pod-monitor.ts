/** Scrape jobs of PodMonitors: one job per podMetricsEndpoint, `podMonitor/<ns>/<name>/<i>`. */

import { KubeObject } from '../../types';
import { RenderContext } from '../context';
import { kubernetesSDConfig, SDRole } from './kubernetes-sd';
import { addBodySizeLimit, addJobLimits } from './limits';
import {
  convertRelabelConfigs, initRelabelings, Relabeling, runningFilter, selectorRelabelings,
  targetLabelRelabelings, withEnforcedNamespaceLabel,
} from './relabelings';
import {
  mergeAttachMetadata, mergeFallbackScrapeProtocol, mergeSafeAuthorization, mergeSafeTLSConfig, scrapeClassFor,
} from './scrape-class';
import {
  addFallbackScrapeProtocol, addHonorLabels, addHonorTimestamps, addNativeHistogramConfig, addScrapeProtocols,
  addTrackTimestampsStaleness,
} from './scrape-options';
import { appendShardingRelabelings, attachMetadataForTopology } from './sharding';
import { addAuthorization } from '../http/authorization';
import { addBasicAuth } from '../http/basic-auth';
import { addHttpConfig } from '../http/http-config';
import { addOAuth2 } from '../http/oauth2';
import { addProxyConfig } from '../http/proxy';
import { clientScope, tryRead } from '../http/scope';
import { sortedMap } from '../sorted-map';
import { AssetStore } from '../store';

/** The scrape jobs of one PodMonitor, one per podMetricsEndpoint, in order. */
export function podMonitorJobs(ctx: RenderContext, pm: KubeObject, shards: number): Record<string, unknown>[] {
  const endpoints: any[] = pm.spec?.podMetricsEndpoints ?? [];
  return endpoints.map((ep, i) => podMonitorJob(ctx, pm, ep ?? {}, i, shards));
}

/** The scrape job of endpoint `i` of a PodMonitor (the operator's generatePodMonitorConfig). */
export function podMonitorJob(ctx: RenderContext, pm: KubeObject, ep: any, i: number, shards: number): Record<string, unknown> {
  const spec = pm.spec ?? {};
  const namespace = pm.metadata.namespace ?? '';
  const name = pm.metadata.name ?? '';
  const sc = scrapeClassFor(ctx, spec.scrapeClass);
  const store = AssetStore.of(ctx).forNamespace(namespace);
  const scope = clientScope(ctx, store);

  const cfg: Record<string, unknown> = { job_name: `podMonitor/${namespace}/${name}/${i}` };
  addHonorLabels(ctx, cfg, ep.honorLabels);
  addHonorTimestamps(ctx, cfg, ep.honorTimestamps);
  addTrackTimestampsStaleness(ctx, cfg, ep.trackTimestampsStaleness);

  let attach = mergeAttachMetadata(spec.attachMetadata, sc, '2.35.0');
  attach = attachMetadataForTopology(ctx, attach, '2.35.0');
  const roleSelector = spec.selectorMechanism === 'RoleSelector'
    ? { roles: [SDRole.POD], selector: spec.selector }
    : undefined;
  cfg.kubernetes_sd_configs = [kubernetesSDConfig(ctx, {
    namespaceSelector: spec.namespaceSelector, namespace, store, role: SDRole.POD, attachMetadata: attach, roleSelector,
  })];

  if (ep.interval) cfg.scrape_interval = ep.interval;
  if (ep.scrapeTimeout) cfg.scrape_timeout = ep.scrapeTimeout;
  if (ep.path) cfg.metrics_path = ep.path;
  if (ep.params !== undefined && ep.params !== null) cfg.params = sortedMap(ep.params);
  if (ep.scheme !== undefined && ep.scheme !== null) cfg.scheme = String(ep.scheme).toLowerCase();

  addHttpConfig(cfg, scope, ep, mergeSafeTLSConfig(ep.tlsConfig, sc));
  if (ep.bearerTokenSecret?.name) {
    const token = tryRead(scope, 'bearer token secret', () => store.secretKey(ep.bearerTokenSecret));
    if (token !== undefined) cfg.bearer_token = token;
  }
  addBasicAuth(cfg, scope, ep.basicAuth);
  addOAuth2(cfg, scope, ep.oauth2);
  addProxyConfig(cfg, scope, ep);
  addAuthorization(cfg, scope, mergeSafeAuthorization(ep.authorization, sc));

  cfg.relabel_configs = relabelings(ctx, pm, ep, sc.relabelings, shards);

  addJobLimits(ctx, cfg, spec);
  addNativeHistogramConfig(ctx, cfg, spec);
  addScrapeProtocols(ctx, cfg, spec.scrapeProtocols);
  addFallbackScrapeProtocol(ctx, cfg, mergeFallbackScrapeProtocol(spec.fallbackScrapeProtocol, sc));
  addBodySizeLimit(ctx, cfg, spec.bodySizeLimit);

  const metricRelabelings = [...(sc.metricRelabelings ?? []), ...withEnforcedNamespaceLabel(ctx, pm, ep.metricRelabelings)];
  if (metricRelabelings.length > 0) cfg.metric_relabel_configs = convertRelabelConfigs(metricRelabelings);
  return cfg;
}

function relabelings(ctx: RenderContext, pm: KubeObject, ep: any, classRelabelings: any[] | undefined, shards: number): Relabeling[] {
  const spec = pm.spec ?? {};
  const out = initRelabelings();
  if (ep.filterRunning !== false) out.push(runningFilter());
  if ((spec.selectorMechanism ?? 'RelabelSelector') === 'RelabelSelector') {
    out.push(...selectorRelabelings(spec.selector, 'pod'));
  }
  const tp = ep.targetPort;
  if (ep.port) {
    out.push({ action: 'keep', source_labels: ['__meta_kubernetes_pod_container_port_name'], regex: ep.port });
  } else if (ep.portNumber) {
    out.push({ action: 'keep', source_labels: ['__meta_kubernetes_pod_container_port_number'], regex: ep.portNumber });
  } else if (tp !== undefined && tp !== null) {
    if (typeof tp === 'string' && tp !== '') {
      out.push({ action: 'keep', source_labels: ['__meta_kubernetes_pod_container_port_name'], regex: tp });
    } else if (typeof tp === 'number' && tp !== 0) {
      out.push({ action: 'keep', source_labels: ['__meta_kubernetes_pod_container_port_number'], regex: tp });
    }
  }
  out.push(
    { source_labels: ['__meta_kubernetes_namespace'], target_label: 'namespace' },
    { source_labels: ['__meta_kubernetes_pod_container_name'], target_label: 'container' },
    { source_labels: ['__meta_kubernetes_pod_name'], target_label: 'pod' },
  );
  out.push(...targetLabelRelabelings([...(spec.podTargetLabels ?? []), ...(ctx.spec.podTargetLabels ?? [])], 'pod'));
  out.push({ target_label: 'job', replacement: `${pm.metadata.namespace ?? ''}/${pm.metadata.name ?? ''}` });
  if (spec.jobLabel) {
    out.push(...targetLabelRelabelings([spec.jobLabel], 'pod').map((r) => ({ ...r, target_label: 'job' })));
  }
  if (ep.port) {
    out.push({ target_label: 'endpoint', replacement: ep.port });
  } else if (tp !== undefined && tp !== null && String(tp) !== '') {
    out.push({ target_label: 'endpoint', replacement: String(tp) });
  }
  out.push(...convertRelabelConfigs(classRelabelings));
  out.push(...convertRelabelConfigs(withEnforcedNamespaceLabel(ctx, pm, ep.relabelings)));
  return ctx.daemonSet ? out : appendShardingRelabelings(ctx, out, shards);
}
