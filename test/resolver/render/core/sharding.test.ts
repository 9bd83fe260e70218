import { context, prometheus } from './helpers';
import {
  appendShardingRelabelings, appendShardingRelabelingsIfMissing, attachMetadataForTopology, shardCount, shardsPerZone,
  topologyZoneExternalLabel,
} from '../../../../src/resolver/render/scrape/sharding';

const TOPOLOGY = { mode: 'Topology', topology: { values: ['zone-a', 'zone-b'] } };
const GATE = { featureGates: ['PrometheusTopologySharding'] };

describe('sharding', () => {
  test('shard count is spec.shards when above 1', () => {
    expect(shardCount(context(prometheus()))).toBe(1);
    expect(shardCount(context(prometheus({ shards: 0 })))).toBe(1);
    expect(shardCount(context(prometheus({ shards: 3 })))).toBe(3);
  });

  test('hashmod rules on the given label with $(SHARD)', () => {
    expect(appendShardingRelabelings(context(prometheus()), [], 3, '__param_target')).toEqual([
      { source_labels: ['__param_target', '__tmp_hash'], target_label: '__tmp_hash', regex: '(.+);', replacement: '$1', action: 'replace' },
      { source_labels: ['__tmp_hash'], target_label: '__tmp_hash', modulus: 3, action: 'hashmod' },
      { source_labels: ['__tmp_hash', '__tmp_disable_sharding'], regex: '$(SHARD);|.+;.+', action: 'keep' },
    ]);
  });

  test('the retention policy gate keeps only shards in range first', () => {
    const rules = appendShardingRelabelings(context(prometheus(), { featureGates: ['PrometheusShardRetentionPolicy'] }), [], 3);
    expect(rules.slice(0, 2)).toEqual([
      { target_label: '__tmp_current_shard', replacement: '$(SHARD)', action: 'replace' },
      { source_labels: ['__tmp_current_shard'], regex: '0|1|2', action: 'keep' },
    ]);
  });

  test('topology sharding hashes within the zone', () => {
    const ctx = context(prometheus({ shards: 5, shardingStrategy: TOPOLOGY }), GATE);
    expect(shardsPerZone(ctx, 5)).toBe(2);
    const rules = appendShardingRelabelings(ctx, [], 5);
    expect(rules.map((r) => r.regex)).toEqual(['(.+);', '(.+);true;', '$(TOPOLOGY_ZONE);|.+;.+', '(.+);', undefined, '$(INZONE_SHARD);|.+;.+']);
    expect(rules[1].source_labels).toEqual([
      '__meta_kubernetes_node_label_topology_kubernetes_io_zone',
      '__meta_kubernetes_node_labelpresent_topology_kubernetes_io_zone', '__tmp_topology',
    ]);
    expect(rules[4].modulus).toBe(2);
    const podLabels = context(prometheus({ shards: 4, shardingStrategy: TOPOLOGY }), { ...GATE, podTopologyLabelsSupport: true });
    expect(appendShardingRelabelings(podLabels, [], 4)[1].source_labels).toEqual([
      '__meta_kubernetes_pod_label_topology_kubernetes_io_zone',
      '__meta_kubernetes_pod_labelpresent_topology_kubernetes_io_zone', '__tmp_topology',
    ]);
  });

  test('topology sharding is ignored without the feature gate', () => {
    const ctx = context(prometheus({ shards: 4, shardingStrategy: TOPOLOGY }));
    expect(appendShardingRelabelings(ctx, [], 4)).toHaveLength(3);
    expect(topologyZoneExternalLabel(ctx)).toBeUndefined();
  });

  test('the zone external label defaults to zone; empty disables it', () => {
    expect(topologyZoneExternalLabel(context(prometheus({ shardingStrategy: TOPOLOGY }), GATE))).toBe('zone');
    const none = { mode: 'Topology', topology: { values: ['a'], externalLabelName: '' } };
    expect(topologyZoneExternalLabel(context(prometheus({ shardingStrategy: none }), GATE))).toBeUndefined();
  });

  test('node metadata is forced for topology sharding unless pods carry the zone', () => {
    const ctx = context(prometheus({ shards: 4, shardingStrategy: TOPOLOGY }), GATE);
    expect(attachMetadataForTopology(ctx, undefined, '2.37.0')).toEqual({ minimumVersion: '2.37.0', node: true });
    expect(attachMetadataForTopology(ctx, { minimumVersion: '2.35.0', node: false }, '2.35.0')).toEqual({ minimumVersion: '2.35.0', node: true });
    const pods = context(prometheus({ shards: 4, shardingStrategy: TOPOLOGY }), { ...GATE, podTopologyLabelsSupport: true });
    expect(attachMetadataForTopology(pods, undefined, '2.37.0')).toBeUndefined();
  });

  test('rules are not added twice when a hashmod rule exists', () => {
    const existing = [{ source_labels: ['__address__'], target_label: '__tmp_hash', modulus: 9, action: 'hashmod' }];
    expect(appendShardingRelabelingsIfMissing(context(prometheus()), existing, 2)).toBe(existing);
    expect(appendShardingRelabelingsIfMissing(context(prometheus()), [], 2)).toHaveLength(3);
  });
});
