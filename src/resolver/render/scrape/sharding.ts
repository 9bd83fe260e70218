/**
 * Sharding: the hashmod relabel rules that spread targets over spec.shards Prometheus
 * instances, the shard retention range rules, and topology (zone) sharding.
 */

import { RenderContext } from '../context';
import { Relabeling } from './relabelings';
import { AttachMetadata } from './scrape-class';

const HASH_LABEL = '__tmp_hash';
const DISABLE_SHARDING_LABEL = '__tmp_disable_sharding';
const TOPOLOGY_TMP_LABEL = '__tmp_topology';
const NODE_ZONE_LABEL = '__meta_kubernetes_node_label_topology_kubernetes_io_zone';
const NODE_ZONE_PRESENT_LABEL = '__meta_kubernetes_node_labelpresent_topology_kubernetes_io_zone';
const ENDPOINTSLICE_ZONE_LABEL = '__meta_kubernetes_endpointslice_endpoint_zone';
const POD_ZONE_LABEL = '__meta_kubernetes_pod_label_topology_kubernetes_io_zone';
const POD_ZONE_PRESENT_LABEL = '__meta_kubernetes_pod_labelpresent_topology_kubernetes_io_zone';

/** The environment variables the operator sets per Prometheus pod and the config refers to. */
export const ShardEnv = {
  SHARD: '$(SHARD)',
  INZONE_SHARD: '$(INZONE_SHARD)',
  TOPOLOGY_ZONE: '$(TOPOLOGY_ZONE)',
  POD_NAME: '$(POD_NAME)',
} as const;

/** Number of shards: spec.shards when above 1, else 1. */
export function shardCount(ctx: RenderContext): number {
  const shards = ctx.spec.shards;
  return typeof shards === 'number' && shards > 1 ? shards : 1;
}

/**
 * True when topology sharding applies: the feature gate is on and the Prometheus sets
 * shardingStrategy mode Topology with at least one zone.
 */
export function topologyShardingActive(ctx: RenderContext): boolean {
  if (!ctx.topologyShardingEnabled) return false;
  const ss = ctx.spec.shardingStrategy;
  return ss?.mode === 'Topology' && Array.isArray(ss.topology?.values) && ss.topology.values.length > 0;
}

/** Shards per zone: max(1, floor(shards / zones)). */
export function shardsPerZone(ctx: RenderContext, shards: number): number {
  const zones = ctx.spec.shardingStrategy.topology.values.length;
  return Math.max(Math.floor(shards / zones), 1);
}

/**
 * The name of the zone external label under topology sharding (`zone` unless set; empty means
 * none), or undefined when topology sharding is not configured.
 */
export function topologyZoneExternalLabel(ctx: RenderContext): string | undefined {
  if (!ctx.topologyShardingEnabled) return undefined;
  const ss = ctx.spec.shardingStrategy;
  if (ss?.mode !== 'Topology' || !ss.topology) return undefined;
  const name = ss.topology.externalLabelName ?? 'zone';
  return name === '' ? undefined : name;
}

/**
 * Topology sharding needs node metadata to find a target's zone unless pods carry the zone
 * label: forces attach_metadata node=true when it is not already requested.
 */
export function attachMetadataForTopology(ctx: RenderContext, am: AttachMetadata | undefined, minimumVersion: string): AttachMetadata | undefined {
  if (!topologyShardingActive(ctx) || ctx.podTopologyLabelsSupported) return am;
  if (am?.node) return am;
  return { minimumVersion, node: true };
}

/** `0|1|...|shards-1`: the regex of the shard numbers in the active range. */
function inRangeShardPattern(shards: number): string {
  return Array.from({ length: shards }, (_, i) => String(i)).join('|');
}

/**
 * Appends the sharding rules to a job's relabelings, hashing `label` (`__address__` for
 * monitors, `__param_target` for probes).
 */
export function appendShardingRelabelings(ctx: RenderContext, relabelings: Relabeling[], shards: number, label = '__address__'): Relabeling[] {
  const out = [...relabelings];
  if (ctx.shardRetentionEnabled) {
    out.push(
      { target_label: '__tmp_current_shard', replacement: ShardEnv.SHARD, action: 'replace' },
      { source_labels: ['__tmp_current_shard'], regex: inRangeShardPattern(shards), action: 'keep' },
    );
  }
  let modulus = shards;
  let shardVar: string = ShardEnv.SHARD;
  if (topologyShardingActive(ctx)) {
    modulus = shardsPerZone(ctx, shards);
    shardVar = ShardEnv.INZONE_SHARD;
    out.push({
      source_labels: [ENDPOINTSLICE_ZONE_LABEL, TOPOLOGY_TMP_LABEL],
      target_label: TOPOLOGY_TMP_LABEL,
      regex: '(.+);',
      replacement: '$1',
      action: 'replace',
    });
    const [zone, present] = ctx.podTopologyLabelsSupported
      ? [POD_ZONE_LABEL, POD_ZONE_PRESENT_LABEL]
      : [NODE_ZONE_LABEL, NODE_ZONE_PRESENT_LABEL];
    out.push({
      source_labels: [zone, present, TOPOLOGY_TMP_LABEL],
      target_label: TOPOLOGY_TMP_LABEL,
      regex: '(.+);true;',
      replacement: '$1',
      action: 'replace',
    });
    out.push({
      source_labels: [TOPOLOGY_TMP_LABEL, DISABLE_SHARDING_LABEL],
      regex: `${ShardEnv.TOPOLOGY_ZONE};|.+;.+`,
      action: 'keep',
    });
  }
  out.push(
    { source_labels: [label, HASH_LABEL], target_label: HASH_LABEL, regex: '(.+);', replacement: '$1', action: 'replace' },
    { source_labels: [HASH_LABEL], target_label: HASH_LABEL, modulus, action: 'hashmod' },
    { source_labels: [HASH_LABEL, DISABLE_SHARDING_LABEL], regex: `${shardVar};|.+;.+`, action: 'keep' },
  );
  return out;
}

/** As {@link appendShardingRelabelings} on `__address__`, unless a hashmod rule is already present. */
export function appendShardingRelabelingsIfMissing(ctx: RenderContext, relabelings: Relabeling[], shards: number): Relabeling[] {
  if (relabelings.some((r) => r && (r as any).action === 'hashmod')) return relabelings;
  return appendShardingRelabelings(ctx, relabelings, shards);
}
