import { KubeObject } from '../types';
import { ClusterState, simulateCluster } from './cluster';
import { LabelSet, TargetGroup } from './discovery/meta';
import { finalizeTarget } from './finalize';
import { discoverKubernetes } from './kubernetes-sd';
import { AddressAllocator } from './placeholders';
import { readScrapeJobs } from './scrape-job';

/** Input of previewTargets. */
export interface TargetPreviewInput {
  /** The rendered prometheus.yaml as a plain object. */
  readonly config: any;
  /** The app's Kubernetes objects (workloads, Services, Pods, Endpoints, ...). */
  readonly objects: readonly KubeObject[];
  /** `namespace/name` of the Prometheus the config belongs to (labels the output; gives own_namespace). */
  readonly prometheus?: string;
  /** Addresses for predicted Pods, nodes and Services. @default cidrAddressAllocator() */
  readonly addressAllocator?: AddressAllocator;
  /** Number of shards of the Prometheus: each shard keeps its own part (`$(SHARD)`). @default 1 */
  readonly shards?: number;
  /** Namespace for namespaced objects without one. @default 'default' */
  readonly defaultNamespace?: string;
  /** A cluster state to use instead of simulating one from `objects` (e.g. to share it with a test server). */
  readonly cluster?: ClusterState;
}

/** A target Prometheus will scrape, as /api/v1/targets lists it under activeTargets. */
export interface PreviewTarget {
  readonly prometheus: string;
  readonly scrapePool: string;
  /** The shard that scrapes it; only present when the Prometheus has more than one shard. */
  readonly shard?: number;
  /** Final labels (no `__` labels). */
  readonly labels: LabelSet;
  /** Labels before relabeling (meta labels, `__address__`, job defaults). */
  readonly discoveredLabels: LabelSet;
  readonly scrapeUrl: string;
}

/** A discovered target that relabeling dropped (droppedTargets), or that Prometheus rejects. */
export interface DroppedTarget {
  readonly prometheus: string;
  readonly scrapePool: string;
  readonly shard?: number;
  readonly discoveredLabels: LabelSet;
  /** `relabeling` for droppedTargets; `error` for targets Prometheus refuses (logged, not listed). */
  readonly kind: 'relabeling' | 'error';
  readonly reason: string;
}

/** The result of previewTargets. */
export interface TargetPreview {
  readonly targets: PreviewTarget[];
  readonly dropped: DroppedTarget[];
  /** Things the preview could not simulate, one sentence each. */
  readonly warnings: string[];
  /** The simulated cluster the targets were discovered in. */
  readonly cluster: ClusterState;
}

const SIMULATED_SD = new Set(['kubernetes_sd_configs', 'static_configs']);

/**
 * Answers "what exactly will be scraped": simulates Kubernetes service discovery over the app's
 * objects for every scrape job of a rendered Prometheus configuration, applies relabel_configs
 * and Prometheus's target finalisation, and lists per scrape pool the targets with their final
 * labels and the dropped ones. Targets are sorted by scrape pool, then by labels.
 */
export function previewTargets(input: TargetPreviewInput): TargetPreview {
  const prometheus = input.prometheus ?? '';
  const ownNamespace = prometheus.includes('/') ? prometheus.split('/')[0] : undefined;
  const cluster = input.cluster
    ?? simulateCluster(input.objects, { addressAllocator: input.addressAllocator, defaultNamespace: input.defaultNamespace });
  const shards = input.shards ?? 1;
  if (!Number.isInteger(shards) || shards < 1) {
    throw new Error(`shards: ${shards} is not a positive whole number`);
  }
  const warnings = [...cluster.notes];
  const targets: PreviewTarget[] = [];
  const dropped: DroppedTarget[] = [];

  for (let shard = 0; shard < shards; shard++) {
    const config = substituteOperatorVariables(input.config, { SHARD: String(shard) });
    const shardField = shards > 1 ? { shard } : {};
    for (const job of readScrapeJobs(config)) {
      const where = `scrape_configs[${job.jobName}]`;
      const groups: TargetGroup[] = [];
      for (const key of Object.keys(job.raw)) {
        if (key.endsWith('_sd_configs') && !SIMULATED_SD.has(key) && shard === 0) {
          warnings.push(`${where}.${key}: not simulated; its targets are not listed.`);
        }
      }
      (job.raw.kubernetes_sd_configs ?? []).forEach((sd: any, i: number) => {
        groups.push(...discoverKubernetes(sd, cluster, `${where}.kubernetes_sd_configs[${i}]`, ownNamespace));
      });
      (job.raw.static_configs ?? []).forEach((sc: any, i: number) => {
        groups.push({
          source: String(i),
          labels: Object.fromEntries(Object.entries(sc?.labels ?? {}).map(([k, v]) => [k, String(v)])),
          targets: (sc?.targets ?? []).map((t: unknown) => ({ __address__: String(t) })),
        });
      });
      const seen = new Set<string>();
      for (const group of groups) {
        for (const target of group.targets) {
          const outcome = finalizeTarget(group.labels, target, job);
          const base = { prometheus, scrapePool: job.jobName, ...shardField, discoveredLabels: outcome.discoveredLabels };
          if (outcome.kind === 'active') {
            // Prometheus keeps one target per distinct label set (internal labels included) and URL in a pool.
            const key = JSON.stringify([outcome.allLabels, outcome.scrapeUrl]);
            if (!seen.has(key)) {
              seen.add(key);
              targets.push({ ...base, labels: outcome.labels, scrapeUrl: outcome.scrapeUrl });
            }
          } else {
            dropped.push({ ...base, kind: outcome.kind === 'dropped' ? 'relabeling' : 'error', reason: outcome.reason });
          }
        }
      }
    }
  }
  const order = (a: { scrapePool: string; shard?: number }, b: { scrapePool: string; shard?: number }, ka: string, kb: string) =>
    (a.shard ?? 0) - (b.shard ?? 0) || compareText(a.scrapePool, b.scrapePool) || compareText(ka, kb);
  targets.sort((a, b) => order(a, b, JSON.stringify(a.labels), JSON.stringify(b.labels)));
  dropped.sort((a, b) => order(a, b, JSON.stringify(a.discoveredLabels), JSON.stringify(b.discoveredLabels)));
  return { targets, dropped, warnings, cluster };
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Replaces `$(NAME)` references as the operator's config reloader does before Prometheus reads
 * the file (the operator writes `$(SHARD)` into its sharding rule and `$(POD_NAME)` into
 * external labels). Unknown names are left as they are.
 */
export function substituteOperatorVariables(config: any, vars: Readonly<Record<string, string>>): any {
  if (typeof config === 'string') {
    return config.replace(/\$\(([A-Za-z_][A-Za-z0-9_]*)\)/g, (whole, name: string) => vars[name] ?? whole);
  }
  if (Array.isArray(config)) {
    return config.map((v) => substituteOperatorVariables(v, vars));
  }
  if (config && typeof config === 'object') {
    return Object.fromEntries(Object.entries(config).map(([k, v]) => [k, substituteOperatorVariables(v, vars)]));
  }
  return config;
}
