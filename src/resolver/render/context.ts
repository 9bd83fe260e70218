/**
 * The render context: everything the configuration generator knows besides the monitors it
 * renders. It mirrors the operator's ConfigGenerator (the Prometheus or PrometheusAgent, its
 * Prometheus version, the generator options and the scrape classes) plus the objects the
 * generator reads (Secrets, ConfigMaps, Namespaces) and the warnings it emits.
 */

import { prometheusVersionOf } from '../defaults/operator-defaults';
import { KubeObject, OperatorOptions } from '../types';
import { RenderError } from './errors';
import { validateScrapeClasses } from './scrape/scrape-class';
import { parseVersion, SemVer, VersionGate } from './version';

/** Feature gate names of the operator that change the generated configuration. */
export const FeatureGate = {
  /** Topology-aware sharding (spec.shardingStrategy.mode: Topology). */
  TOPOLOGY_SHARDING: 'PrometheusTopologySharding',
  /** Shard retention policy (adds the shard range keep rules). */
  SHARD_RETENTION_POLICY: 'PrometheusShardRetentionPolicy',
  /** PrometheusAgent in DaemonSet mode. */
  AGENT_DAEMONSET: 'PrometheusAgentDaemonSet',
} as const;

/** The kinds of the object being rendered. */
export type PrometheusKind = 'Prometheus' | 'PrometheusAgent';

/** A scrape class of spec.scrapeClasses, as plain JSON. */
export interface ScrapeClass {
  name: string;
  default?: boolean;
  [key: string]: any;
}

/**
 * The state shared by every section renderer for one Prometheus or PrometheusAgent.
 * Build it with {@link createRenderContext}.
 */
export class RenderContext {
  /** Warnings collected while rendering (fields dropped for the version, ignored settings). */
  readonly warnings: string[] = [];
  /** Scrape classes by name. */
  readonly scrapeClasses: Map<string, ScrapeClass>;
  /** Name of the scrape class with default: true, if any. */
  readonly defaultScrapeClassName: string | undefined;

  /**
   * @param prometheus the Prometheus or PrometheusAgent being rendered
   * @param version the Prometheus version configuration is generated for
   * @param options operator options (flags and feature gates)
   * @param objects the other objects the generator may read (Secrets, ConfigMaps, Namespaces...)
   */
  constructor(
    readonly prometheus: KubeObject,
    readonly version: SemVer,
    readonly options: Readonly<OperatorOptions>,
    readonly objects: readonly KubeObject[],
  ) {
    const classes = collectScrapeClasses(prometheus);
    this.scrapeClasses = classes.byName;
    this.defaultScrapeClassName = classes.defaultName;
  }

  /** The spec of the Prometheus or PrometheusAgent (an empty object when absent). */
  get spec(): any {
    return this.prometheus.spec ?? {};
  }

  /** Kind of the object being rendered. */
  get kind(): PrometheusKind {
    return this.prometheus.kind === 'PrometheusAgent' ? 'PrometheusAgent' : 'Prometheus';
  }

  /** True when rendering a PrometheusAgent. */
  get isAgent(): boolean {
    return this.kind === 'PrometheusAgent';
  }

  /** Name of the Prometheus object. */
  get name(): string {
    return this.prometheus.metadata?.name ?? '';
  }

  /** Namespace of the Prometheus object. */
  get namespace(): string {
    return this.prometheus.metadata?.namespace ?? '';
  }

  /** True when the given operator feature gate is enabled. */
  featureGate(name: string): boolean {
    return (this.options.featureGates ?? []).includes(name);
  }

  /** True when the cluster supports EndpointSlice discovery. */
  get endpointSliceSupported(): boolean {
    return this.options.endpointSliceSupport === true;
  }

  /** True when topology sharding is enabled (the PrometheusTopologySharding gate). */
  get topologyShardingEnabled(): boolean {
    return this.featureGate(FeatureGate.TOPOLOGY_SHARDING);
  }

  /** True when the shard retention policy applies (the PrometheusShardRetentionPolicy gate; servers only). */
  get shardRetentionEnabled(): boolean {
    return !this.isAgent && this.featureGate(FeatureGate.SHARD_RETENTION_POLICY);
  }

  /** True when pods carry topology.kubernetes.io/zone (PodTopologyLabelsAdmission). */
  get podTopologyLabelsSupported(): boolean {
    return this.options.podTopologyLabelsSupport === true;
  }

  /** True when the agent runs as a DaemonSet (spec.mode: DaemonSet; the feature gate is checked on creation). */
  get daemonSet(): boolean {
    return this.isAgent && this.spec.mode === 'DaemonSet';
  }

  /** The ungated version gate: everything compatible. */
  get gate(): VersionGate {
    return new VersionGate(this.version, (m) => this.warn(m));
  }

  /** A gate open when the version is at least `min` (WithMinimumVersion). */
  minVersion(min: string): VersionGate {
    return this.gate.minimum(min);
  }

  /** A gate open when the version is strictly below `max` (WithMaximumVersion). */
  maxVersion(max: string): VersionGate {
    return this.gate.maximum(max);
  }

  /** Records a warning. */
  warn(message: string): void {
    this.warnings.push(message);
  }
}

/** What {@link createRenderContext} needs. */
export interface RenderContextInput {
  /** The Prometheus (monitoring.coreos.com/v1) or PrometheusAgent (v1alpha1) to render. */
  prometheus: KubeObject;
  /** Secrets, ConfigMaps, Namespaces and other objects the generator reads. */
  objects?: KubeObject[];
  /** Operator options. */
  options?: OperatorOptions;
}

/**
 * Builds the render context as NewConfigGenerator does: parses the version (spec.version or
 * the operator's default), refuses Prometheus majors other than 2 and 3 and DaemonSet agents
 * without their feature gate, and indexes and validates the scrape classes (at most one default).
 */
export function createRenderContext(input: RenderContextInput): RenderContext {
  const prom = input.prometheus;
  if (prom.kind !== 'Prometheus' && prom.kind !== 'PrometheusAgent') {
    throw new RenderError(`expected a Prometheus or PrometheusAgent, got kind ${prom.kind}`, prom);
  }
  const text = prometheusVersionOf(prom);
  let version: SemVer;
  try {
    version = parseVersion(text);
  } catch (e) {
    throw new RenderError(`failed to parse Prometheus version: ${(e as Error).message}`, prom, 'spec.version');
  }
  if (version.major !== 2 && version.major !== 3) {
    throw new RenderError(`unsupported Prometheus version "${text}" (allowed: 2.x and 3.x)`, prom, 'spec.version');
  }
  const ctx = new RenderContext(prom, version, input.options ?? {}, input.objects ?? []);
  if (ctx.isAgent && ctx.spec.mode === 'DaemonSet' && !ctx.featureGate(FeatureGate.AGENT_DAEMONSET)) {
    throw new RenderError(
      `mode DaemonSet needs the operator feature gate ${FeatureGate.AGENT_DAEMONSET} (enable it in options.featureGates, or use mode StatefulSet)`,
      prom, 'spec.mode');
  }
  validateScrapeClasses(ctx);
  return ctx;
}

function collectScrapeClasses(prom: KubeObject): { byName: Map<string, ScrapeClass>; defaultName?: string } {
  const byName = new Map<string, ScrapeClass>();
  let defaultName: string | undefined;
  const classes: ScrapeClass[] = prom.spec?.scrapeClasses ?? [];
  classes.forEach((sc, i) => {
    if (sc.default === true) {
      if (defaultName !== undefined) {
        throw new RenderError(
          `multiple default scrape classes defined ("${defaultName}" and "${sc.name}"); at most one may set default: true`,
          prom, `spec.scrapeClasses[${i}].default`);
      }
      defaultName = sc.name;
    }
    byName.set(sc.name, sc);
  });
  return { byName, defaultName };
}
