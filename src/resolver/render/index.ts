/**
 * The renderer's entry points: the whole prometheus.yaml that prometheus-operator v0.93.0
 * writes into the `prometheus-<name>` Secret, for a Prometheus (GenerateServerConfiguration)
 * or a PrometheusAgent (GenerateAgentConfiguration).
 */

import { KubeObject, OperatorOptions } from '../types';
import { renderAlerting } from './alerting';
import { loadPrometheusAssets } from './client-assets';
import { createRenderContext, RenderContext } from './context';
import { parsePrometheusDuration } from './duration';
import { RenderError } from './errors';
import { addServerGlobals, globalSection } from './global';
import { renderOTLP } from './otlp';
import { renderRemoteRead } from './remote-read';
import { renderRemoteWrite } from './remote-write';
import { renderRuntime } from './runtime';
import { additionalScrapeConfigs } from './scrape/additional-scrape-configs';
import { podMonitorJobs } from './scrape/pod-monitor';
import { probeJob } from './scrape/probe';
import { scrapeConfigJob } from './scrape/scrape-config';
import { serviceMonitorJobs } from './scrape/service-monitor';
import { shardCount } from './scrape/sharding';
import { renderAgentStorage, renderStorage } from './storage';
import { renderTracing } from './tracing';
import { configYamlText } from './yaml-text';

/** What the renderer needs to produce one configuration. */
export interface RenderInput {
  /** The monitoring.coreos.com/v1 Prometheus or v1alpha1 PrometheusAgent to render for. */
  prometheus: KubeObject;
  /** The selected ServiceMonitors. */
  serviceMonitors?: KubeObject[];
  /** The selected PodMonitors. */
  podMonitors?: KubeObject[];
  /** The selected Probes. */
  probes?: KubeObject[];
  /** The selected ScrapeConfigs. */
  scrapeConfigs?: KubeObject[];
  /** Everything else the generator reads: Secrets, ConfigMaps, Namespaces... */
  objects?: KubeObject[];
  /** Names of the operator's rule ConfigMaps (rule_files). */
  ruleConfigMapNames?: string[];
  /** Operator options (flags and feature gates). */
  options?: OperatorOptions;
  /**
   * Run the checks the operator makes before generating: every Secret and ConfigMap key the
   * Prometheus's own client settings refer to (remote write/read, Alertmanagers, API server,
   * scrape classes) must exist and be consistent. False calls the generator alone, as the
   * operator's unit tests do. Default: true.
   */
  checkReferences?: boolean;
}

/** A rendered configuration and the warnings the operator would log while generating it. */
export interface RenderResult {
  /** The configuration as plain data, keys in the operator's order. */
  config: Record<string, unknown>;
  /** Fields dropped for the Prometheus version, unreadable references, ignored settings. */
  warnings: string[];
}

const RULES_DIR = '/etc/prometheus/rules';

/**
 * Renders the prometheus.yaml the operator generates for the Prometheus or PrometheusAgent of
 * `input`. Throws a {@link RenderError} where the operator refuses to generate one.
 */
export function renderPrometheusConfig(input: RenderInput): RenderResult {
  const ctx = createRenderContext({ prometheus: input.prometheus, objects: input.objects, options: input.options });
  if (input.checkReferences !== false) loadPrometheusAssets(ctx);
  validateScrapeTimeout(ctx);
  const config = ctx.isAgent ? agentConfig(ctx, input) : serverConfig(ctx, input);
  return { config, warnings: [...ctx.warnings] };
}

/** The configuration as YAML text, keys in the operator's order (YAML 1.1, sequences not indented under their key). */
export function toPrometheusYaml(config: Record<string, unknown>): string {
  return configYamlText(config);
}

function serverConfig(ctx: RenderContext, input: RenderInput): Record<string, unknown> {
  const cfg: Record<string, unknown> = {};
  const global = globalSection(ctx);
  addServerGlobals(ctx, global);
  cfg.global = global;
  setIfDefined(cfg, 'runtime', renderRuntime(ctx));
  if (ctx.spec.ruleSelector !== undefined && ctx.spec.ruleSelector !== null) {
    cfg.rule_files = (input.ruleConfigMapNames ?? []).map((name) => `${RULES_DIR}/${name}/*.yaml`);
  }
  const shards = shardCount(ctx);
  cfg.scrape_configs = [
    ...serviceMonitorConfigs(ctx, input, shards),
    ...podMonitorConfigs(ctx, input, shards),
    ...probeConfigs(ctx, input, shards),
    ...scrapeConfigConfigs(ctx, input, shards),
    ...additionalScrapeConfigs(ctx, shards),
  ];
  setIfDefined(cfg, 'storage', renderStorage(ctx));
  setIfDefined(cfg, 'alerting', renderAlerting(ctx));
  setIfDefined(cfg, 'remote_write', renderRemoteWrite(ctx));
  setIfDefined(cfg, 'remote_read', renderRemoteRead(ctx));
  setIfDefined(cfg, 'otlp', renderOTLP(ctx));
  setIfDefined(cfg, 'tracing', renderTracing(ctx));
  return cfg;
}

function agentConfig(ctx: RenderContext, input: RenderInput): Record<string, unknown> {
  const cfg: Record<string, unknown> = {};
  cfg.global = globalSection(ctx);
  setIfDefined(cfg, 'runtime', renderRuntime(ctx));
  const shards = shardCount(ctx);
  const jobs = [...podMonitorConfigs(ctx, input, shards), ...additionalScrapeConfigs(ctx, shards)];
  if (!ctx.daemonSet) {
    jobs.push(
      ...serviceMonitorConfigs(ctx, input, shards),
      ...probeConfigs(ctx, input, shards),
      ...scrapeConfigConfigs(ctx, input, shards),
    );
  }
  cfg.scrape_configs = jobs;
  setIfDefined(cfg, 'storage', renderAgentStorage(ctx));
  setIfDefined(cfg, 'remote_write', renderRemoteWrite(ctx));
  setIfDefined(cfg, 'otlp', renderOTLP(ctx));
  setIfDefined(cfg, 'tracing', renderTracing(ctx));
  return cfg;
}

function setIfDefined(cfg: Record<string, unknown>, key: string, value: unknown): void {
  if (value !== undefined) cfg[key] = value;
}

/** Monitors in the operator's order: sorted by their `namespace/name` key. */
function sortedByKey(objects: readonly KubeObject[] | undefined): KubeObject[] {
  const key = (o: KubeObject) => `${o.metadata?.namespace ?? ''}/${o.metadata?.name ?? ''}`;
  return [...(objects ?? [])].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

function serviceMonitorConfigs(ctx: RenderContext, input: RenderInput, shards: number): Record<string, unknown>[] {
  return sortedByKey(input.serviceMonitors).flatMap((sm) => serviceMonitorJobs(ctx, sm, shards));
}

function podMonitorConfigs(ctx: RenderContext, input: RenderInput, shards: number): Record<string, unknown>[] {
  return sortedByKey(input.podMonitors).flatMap((pm) => podMonitorJobs(ctx, pm, shards));
}

function probeConfigs(ctx: RenderContext, input: RenderInput, shards: number): Record<string, unknown>[] {
  return sortedByKey(input.probes).map((p) => probeJob(ctx, p, shards));
}

function scrapeConfigConfigs(ctx: RenderContext, input: RenderInput, shards: number): Record<string, unknown>[] {
  return sortedByKey(input.scrapeConfigs).map((sc) => scrapeConfigJob(ctx, sc, shards));
}

/** The operator refuses a scrapeTimeout greater than the scrapeInterval (CompareScrapeTimeoutToScrapeInterval). */
function validateScrapeTimeout(ctx: RenderContext): void {
  const timeout: string | undefined = ctx.spec.scrapeTimeout;
  if (!timeout) return;
  const interval: string = ctx.spec.scrapeInterval ?? '';
  const si = parsePrometheusDuration(interval);
  if (si === undefined) {
    throw new RenderError(`invalid scrapeInterval "${interval}" (expected a Prometheus duration such as 30s)`,
      ctx.prometheus, 'spec.scrapeInterval');
  }
  const st = parsePrometheusDuration(timeout);
  if (st === undefined) {
    throw new RenderError(`invalid scrapeTimeout "${timeout}" (expected a Prometheus duration such as 10s)`,
      ctx.prometheus, 'spec.scrapeTimeout');
  }
  if (st > si) {
    throw new RenderError(`scrapeTimeout "${timeout}" greater than scrapeInterval "${interval}" (must be at most the interval)`,
      ctx.prometheus, 'spec.scrapeTimeout');
  }
}
