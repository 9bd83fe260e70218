/** The `global` section: scrape defaults, external labels, global limits, histogram defaults. */

import { RenderContext } from './context';
import { addGlobalLimits } from './scrape/limits';
import { addNameEscapingScheme, addNameValidationScheme } from './scrape/name-schemes';
import { addScrapeProtocols } from './scrape/scrape-options';
import { ShardEnv, topologyZoneExternalLabel } from './scrape/sharding';

const DEFAULT_LOG_DIRECTORY = '/var/log/prometheus';

/**
 * The path Prometheus writes a log file to: a bare file name goes to the operator's log
 * volume (/var/log/prometheus), anything with a directory is kept as given.
 */
export function logFilePath(file: string): string {
  if (file === '' || !isBareFileName(file)) return file;
  const base = file.replace(/^(\.\/)+/, '');
  return `${DEFAULT_LOG_DIRECTORY}/${base}`;
}

function isBareFileName(file: string): boolean {
  const slash = file.lastIndexOf('/');
  if (slash < 0) return true;
  return file.slice(0, slash).split('/').every((p) => p === '.' || p === '');
}

/**
 * The external labels: `prometheus: <ns>/<name>` and `prometheus_replica: $(POD_NAME)` under
 * their configurable names (empty disables), the topology zone label, then the user's labels
 * (reserved names are ignored with a warning); sorted by name.
 */
export function externalLabels(ctx: RenderContext): Record<string, string> {
  const m = new Map<string, string>();
  const promLabel: string = ctx.spec.prometheusExternalLabelName ?? 'prometheus';
  if (promLabel !== '') m.set(promLabel, `${ctx.namespace}/${ctx.name}`);
  const replicaLabel: string = ctx.spec.replicaExternalLabelName ?? 'prometheus_replica';
  if (replicaLabel !== '') m.set(replicaLabel, ShardEnv.POD_NAME);
  const zoneLabel = topologyZoneExternalLabel(ctx);
  if (zoneLabel !== undefined) m.set(zoneLabel, ShardEnv.TOPOLOGY_ZONE);
  for (const [k, v] of Object.entries<string>(ctx.spec.externalLabels ?? {})) {
    if (m.has(k)) {
      ctx.warn(`ignoring external label "${k}" because it is a reserved key`);
      continue;
    }
    m.set(k, v);
  }
  const out: Record<string, string> = {};
  for (const k of [...m.keys()].sort()) out[k] = m.get(k)!;
  return out;
}

/** The global section shared by Prometheus and PrometheusAgent (the operator's buildGlobalConfig). */
export function globalSection(ctx: RenderContext): Record<string, unknown> {
  const spec = ctx.spec;
  const g: Record<string, unknown> = { scrape_interval: spec.scrapeInterval ?? '' };
  if (spec.scrapeTimeout) g.scrape_timeout = spec.scrapeTimeout;
  addScrapeProtocols(ctx, g, spec.scrapeProtocols);
  g.external_labels = externalLabels(ctx);
  addGlobalLimits(ctx, g);
  if (spec.scrapeFailureLogFile !== undefined && spec.scrapeFailureLogFile !== null) {
    ctx.minVersion('2.55.0').set(g, 'scrape_failure_log_file', logFilePath(spec.scrapeFailureLogFile));
  }
  addNameValidationScheme(ctx, g, spec.nameValidationScheme);
  addNameEscapingScheme(ctx, g, spec.nameEscapingScheme);
  if (isSet(spec.convertClassicHistogramsToNHCB)) {
    ctx.minVersion('3.4.0').set(g, 'convert_classic_histograms_to_nhcb', spec.convertClassicHistogramsToNHCB);
  }
  if (isSet(spec.scrapeClassicHistograms)) {
    ctx.minVersion('3.5.0').set(g, 'always_scrape_classic_histograms', spec.scrapeClassicHistograms);
  }
  if (isSet(spec.scrapeNativeHistograms)) {
    ctx.minVersion('3.8.0').set(g, 'scrape_native_histograms', spec.scrapeNativeHistograms);
  }
  return g;
}

/** The server-only global fields: evaluation_interval, rule_query_offset, query_log_file. */
export function addServerGlobals(ctx: RenderContext, g: Record<string, unknown>): void {
  const spec = ctx.spec;
  g.evaluation_interval = spec.evaluationInterval ?? '';
  if (isSet(spec.ruleQueryOffset)) ctx.minVersion('2.53.0').set(g, 'rule_query_offset', spec.ruleQueryOffset);
  if (spec.queryLogFile) ctx.minVersion('2.16.0').set(g, 'query_log_file', logFilePath(spec.queryLogFile));
}

function isSet(v: unknown): boolean {
  return v !== undefined && v !== null;
}
