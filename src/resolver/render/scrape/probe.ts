/** Scrape jobs of Probes (`probe/<ns>/<name>`): static targets or Ingress discovery, through a prober. */

import { KubeObject } from '../../types';
import { RenderContext } from '../context';
import { kubernetesSDConfig, SDRole } from './kubernetes-sd';
import { addJobLimits } from './limits';
import { convertRelabelConfigs, initRelabelings, Relabeling, selectorRelabelings, withEnforcedNamespaceLabel } from './relabelings';
import { mergeFallbackScrapeProtocol, mergeSafeAuthorization, mergeSafeTLSConfig, scrapeClassFor } from './scrape-class';
import { addFallbackScrapeProtocol, addHonorTimestamps, addNativeHistogramConfig, addScrapeProtocols } from './scrape-options';
import { appendShardingRelabelings } from './sharding';
import { addAuthorization } from '../http/authorization';
import { addBasicAuth } from '../http/basic-auth';
import { addHttpConfig } from '../http/http-config';
import { addOAuth2 } from '../http/oauth2';
import { addProxyConfig } from '../http/proxy';
import { clientScope, tryRead } from '../http/scope';
import { sortedMap } from '../sorted-map';
import { AssetStore } from '../store';

/** The scrape job of a Probe (the operator's generateProbeConfig). */
export function probeJob(ctx: RenderContext, probe: KubeObject, shards: number): Record<string, unknown> {
  const spec = probe.spec ?? {};
  const prober = spec.prober ?? {};
  const namespace = probe.metadata.namespace ?? '';
  const sc = scrapeClassFor(ctx, spec.scrapeClass);
  const store = AssetStore.of(ctx).forNamespace(namespace);
  const scope = clientScope(ctx, store);

  const cfg: Record<string, unknown> = { job_name: `probe/${namespace}/${probe.metadata.name ?? ''}` };
  addHonorTimestamps(ctx, cfg, true);
  cfg.metrics_path = prober.path ?? '';
  if (spec.interval) cfg.scrape_interval = spec.interval;
  if (spec.scrapeTimeout) cfg.scrape_timeout = spec.scrapeTimeout;
  if (prober.scheme !== undefined && prober.scheme !== null) cfg.scheme = String(prober.scheme).toLowerCase();

  const params: Record<string, unknown> = {};
  if (spec.module) params.module = [spec.module];
  for (const p of spec.params ?? []) {
    if (spec.module && p.name === 'module') continue;
    params[p.name] = p.values ?? [];
  }
  if (Object.keys(params).length > 0) cfg.params = params;

  addJobLimits(ctx, cfg, spec);
  addNativeHistogramConfig(ctx, cfg, spec);
  addScrapeProtocols(ctx, cfg, spec.scrapeProtocols);
  addFallbackScrapeProtocol(ctx, cfg, mergeFallbackScrapeProtocol(spec.fallbackScrapeProtocol, sc));
  if (ctx.spec.enforcedBodySizeLimit) ctx.minVersion('2.28.0').set(cfg, 'body_size_limit', ctx.spec.enforcedBodySizeLimit);

  const relabelings: Relabeling[] = initRelabelings();
  if (spec.jobName) relabelings.push({ target_label: 'job', replacement: spec.jobName });

  addProxyConfig(cfg, scope, prober);
  addHttpConfig(cfg, scope, spec, mergeSafeTLSConfig(spec.tlsConfig, sc));

  const targets = spec.targets ?? {};
  if (targets.staticConfig) {
    const st = targets.staticConfig;
    const labels: Record<string, string> = { ...(st.labels ?? {}) };
    if (!('namespace' in labels)) labels.namespace = namespace;
    cfg.static_configs = [{ targets: st.static ?? [], labels: sortedMap(labels) }];
    relabelings.push(
      { source_labels: ['__address__'], target_label: '__param_target' },
      { source_labels: ['__param_target'], target_label: 'instance' },
      { target_label: '__address__', replacement: prober.url ?? '' },
    );
    relabelings.push(...convertRelabelConfigs(sc.relabelings));
    relabelings.push(...convertRelabelConfigs(withEnforcedNamespaceLabel(ctx, probe, st.relabelingConfigs)));
  } else if (targets.ingress) {
    const ing = targets.ingress;
    relabelings.push(...selectorRelabelings(ing.selector, 'ingress'));
    cfg.kubernetes_sd_configs = [kubernetesSDConfig(ctx, {
      namespaceSelector: ing.namespaceSelector, namespace, store, role: SDRole.INGRESS,
    })];
    relabelings.push(
      {
        source_labels: ['__meta_kubernetes_ingress_scheme', '__address__', '__meta_kubernetes_ingress_path'],
        separator: ';',
        regex: '(.+);(.+);(.+)',
        target_label: '__param_target',
        replacement: '${1}://${2}${3}',
        action: 'replace',
      },
      { source_labels: ['__meta_kubernetes_namespace'], target_label: 'namespace' },
      { source_labels: ['__meta_kubernetes_ingress_name'], target_label: 'ingress' },
      {
        source_labels: ['__address__'],
        separator: ';',
        regex: '(.*)',
        target_label: '__tmp_ingress_address',
        replacement: '$1',
        action: 'replace',
      },
      { source_labels: ['__param_target'], target_label: 'instance' },
      { target_label: '__address__', replacement: prober.url ?? '' },
    );
    relabelings.push(...convertRelabelConfigs(sc.relabelings));
    relabelings.push(...convertRelabelConfigs(withEnforcedNamespaceLabel(ctx, probe, ing.relabelingConfigs)));
  }
  cfg.relabel_configs = appendShardingRelabelings(ctx, relabelings, shards, '__param_target');

  if (spec.bearerTokenSecret) {
    const token = tryRead(scope, 'bearer token', () => store.secretKey(spec.bearerTokenSecret));
    if (token !== undefined) cfg.bearer_token = token;
  }
  addBasicAuth(cfg, scope, spec.basicAuth);
  addOAuth2(cfg, scope, spec.oauth2);
  addAuthorization(cfg, scope, mergeSafeAuthorization(spec.authorization, sc));

  const metricRelabelings = [...(sc.metricRelabelings ?? []), ...withEnforcedNamespaceLabel(ctx, probe, spec.metricRelabelings)];
  if (metricRelabelings.length > 0) cfg.metric_relabel_configs = convertRelabelConfigs(metricRelabelings);
  return cfg;
}
