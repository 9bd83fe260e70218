import { Resolution } from '../resolve';
import { KubeObject } from '../types';
import { simulateCluster } from './cluster';
import { AddressAllocator } from './placeholders';
import { DroppedTarget, PreviewTarget, previewTargets } from './preview';

/** Options of previewResolution. */
export interface PreviewAllOptions {
  /** Addresses for predicted Pods, nodes and Services. @default cidrAddressAllocator() */
  readonly addressAllocator?: AddressAllocator;
  /** Namespace for namespaced objects without one. @default 'default' */
  readonly defaultNamespace?: string;
}

/** Targets of every resolved Prometheus over one simulated cluster. */
export interface ResolutionPreview {
  readonly targets: PreviewTarget[];
  readonly dropped: DroppedTarget[];
  /** What could not be simulated, prefixed with the Prometheus it concerns. */
  readonly warnings: string[];
}

/**
 * The target preview of every Prometheus and PrometheusAgent of a {@link Resolution}: one cluster
 * is simulated from `objects` and shared, and each configuration is previewed with the shard
 * count of its Prometheus (`spec.shards`, default 1).
 */
export function previewResolution(resolution: Resolution, objects: readonly KubeObject[], options: PreviewAllOptions = {}): ResolutionPreview {
  const cluster = simulateCluster(objects, options);
  const targets: PreviewTarget[] = [];
  const dropped: DroppedTarget[] = [];
  const warnings: string[] = [...cluster.notes];
  for (const p of resolution.prometheuses) {
    const shards = typeof p.prometheus.spec?.shards === 'number' && p.prometheus.spec.shards > 1 ? p.prometheus.spec.shards : 1;
    let preview;
    try {
      preview = previewTargets({ config: p.config, objects, prometheus: p.key, cluster, shards });
    } catch (e) {
      throw new Error(`${p.kind} ${p.key}: ${(e as Error).message}`);
    }
    targets.push(...preview.targets);
    dropped.push(...preview.dropped);
    warnings.push(...preview.warnings.filter((w) => !cluster.notes.includes(w)).map((w) => `${p.kind} ${p.key}: ${w}`));
  }
  return { targets, dropped, warnings };
}
