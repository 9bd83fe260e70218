/**
 * Scrape jobs of ScrapeConfig objects (monitoring.coreos.com/v1alpha1), `scrapeConfig/<ns>/<name>`:
 * the common scrape settings, then each service discovery kind (sd-configs.ts).
 */

import { KubeObject } from '../../types';
import { RenderContext } from '../context';
import { addAuthorization } from '../http/authorization';
import { addBasicAuth } from '../http/basic-auth';
import { addOAuth2 } from '../http/oauth2';
import { addProxyConfig } from '../http/proxy';
import { clientScope } from '../http/scope';
import { addTLS } from '../http/tls';
import { sortedMap } from '../sorted-map';
import { AssetStore } from '../store';
import { addBodySizeLimit, addJobLimits } from './limits';
import { addNameEscapingScheme, addNameValidationScheme } from './name-schemes';
import { convertRelabelConfigs, initRelabelings, withEnforcedNamespaceLabel } from './relabelings';
import { mergeFallbackScrapeProtocol, mergeSafeAuthorization, mergeSafeTLSConfig, scrapeClassFor } from './scrape-class';
import {
  addFallbackScrapeProtocol, addHonorLabels, addHonorTimestamps, addNativeHistogramConfig, addScrapeProtocols,
  addTrackTimestampsStaleness,
} from './scrape-options';
import { addServiceDiscoveryConfigs } from './sd-configs';
import { appendShardingRelabelingsIfMissing } from './sharding';

/** The scrape job of a ScrapeConfig (the operator's generateScrapeConfig). */
export function scrapeConfigJob(ctx: RenderContext, sc: KubeObject, shards: number): Record<string, unknown> {
  const spec = sc.spec ?? {};
  const namespace = sc.metadata.namespace ?? '';
  const cls = scrapeClassFor(ctx, spec.scrapeClass);
  const store = AssetStore.of(ctx).forNamespace(namespace);
  const scope = clientScope(ctx, store);
  const jobName = `scrapeConfig/${namespace}/${sc.metadata.name ?? ''}`;

  const cfg: Record<string, unknown> = { job_name: jobName };
  let relabelings = initRelabelings();
  relabelings.push(...convertRelabelConfigs(cls.relabelings));
  if (spec.jobName !== undefined && spec.jobName !== null) {
    relabelings.push({ target_label: 'job', action: 'replace', replacement: spec.jobName });
  }

  if (isSet(spec.honorTimestamps)) addHonorTimestamps(ctx, cfg, spec.honorTimestamps);
  if (isSet(spec.trackTimestampsStaleness)) addTrackTimestampsStaleness(ctx, cfg, spec.trackTimestampsStaleness);
  if (isSet(spec.honorLabels)) addHonorLabels(ctx, cfg, spec.honorLabels);
  if (isSet(spec.metricsPath)) cfg.metrics_path = spec.metricsPath;
  if (spec.params && Object.keys(spec.params).length > 0) cfg.params = sortedMap(spec.params);
  if (isSet(spec.enableCompression)) ctx.minVersion('2.49.0').set(cfg, 'enable_compression', spec.enableCompression);
  if (isSet(spec.enableHTTP2)) ctx.minVersion('2.35.0').set(cfg, 'enable_http2', spec.enableHTTP2);
  if (isSet(spec.scrapeInterval)) cfg.scrape_interval = spec.scrapeInterval;
  if (isSet(spec.scrapeTimeout)) cfg.scrape_timeout = spec.scrapeTimeout;
  addScrapeProtocols(ctx, cfg, spec.scrapeProtocols);
  addFallbackScrapeProtocol(ctx, cfg, mergeFallbackScrapeProtocol(spec.fallbackScrapeProtocol, cls));
  if (isSet(spec.scheme)) cfg.scheme = String(spec.scheme).toLowerCase();

  addProxyConfig(cfg, scope, spec);
  addBasicAuth(cfg, scope, spec.basicAuth);
  addAuthorization(cfg, scope, mergeSafeAuthorization(spec.authorization, cls));
  addOAuth2(cfg, scope, spec.oauth2);
  addTLS(cfg, scope, mergeSafeTLSConfig(spec.tlsConfig, cls));

  addJobLimits(ctx, cfg, spec);
  addNativeHistogramConfig(ctx, cfg, spec);
  addBodySizeLimit(ctx, cfg, spec.bodySizeLimit);

  addServiceDiscoveryConfigs(scope, cfg, sc);

  // The enforced namespace label is only added when the object has relabelings of its own.
  if ((spec.relabelings ?? []).length > 0) {
    relabelings.push(...convertRelabelConfigs(withEnforcedNamespaceLabel(ctx, sc, spec.relabelings)));
  }
  if (shards !== 1) relabelings = appendShardingRelabelingsIfMissing(ctx, relabelings, shards);
  cfg.relabel_configs = relabelings;

  const metricRelabelings = [...(cls.metricRelabelings ?? []), ...withEnforcedNamespaceLabel(ctx, sc, spec.metricRelabelings)];
  if (metricRelabelings.length > 0) cfg.metric_relabel_configs = convertRelabelConfigs(metricRelabelings);

  addNameValidationScheme(ctx, cfg, spec.nameValidationScheme);
  addNameEscapingScheme(ctx, cfg, spec.nameEscapingScheme);
  return cfg;
}

function isSet(v: unknown): boolean {
  return v !== undefined && v !== null;
}

