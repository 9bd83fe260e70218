import { deployment, service } from './helpers';
import { resolve } from '../../../src/resolver/resolve';
import { loopbackAddressAllocator, previewResolution } from '../../../src/resolver/targets';
import { KubeObject } from '../../../src/resolver/types';

const prometheus = (name: string, shards?: number): KubeObject => ({
  apiVersion: 'monitoring.coreos.com/v1',
  kind: 'Prometheus',
  metadata: { name, namespace: 'mon' },
  spec: { version: 'v2.53.3', ...(shards ? { shards } : {}), serviceMonitorSelector: {}, serviceMonitorNamespaceSelector: {} },
});

test('every Prometheus is previewed over one cluster, sharded ones per shard', () => {
  const objects: KubeObject[] = [
    deployment('web', 'shop', { app: 'web' }, [['metrics', 9100]], 4),
    service('web', 'shop', { app: 'web' }, [['metrics', 9100, 'metrics']], { app: 'web' }),
    {
      apiVersion: 'monitoring.coreos.com/v1',
      kind: 'ServiceMonitor',
      metadata: { name: 'web', namespace: 'shop' },
      spec: { selector: { matchLabels: { app: 'web' } }, endpoints: [{ port: 'metrics' }] },
    },
    prometheus('sharded', 2),
    prometheus('single'),
  ];
  const preview = previewResolution(resolve(objects), objects, { addressAllocator: loopbackAddressAllocator() });
  const of = (p: string) => preview.targets.filter((t) => t.prometheus === p);
  expect(of('mon/single').map((t) => t.shard)).toEqual([undefined, undefined, undefined, undefined]);
  expect(of('mon/single').map((t) => t.labels.instance)).toEqual(['127.0.0.2:9100', '127.0.0.3:9100', '127.0.0.4:9100', '127.0.0.5:9100']);
  const sharded = of('mon/sharded');
  expect(new Set(sharded.map((t) => t.shard))).toEqual(new Set([0, 1]));
  expect(sharded.map((t) => t.labels.instance).sort()).toEqual(of('mon/single').map((t) => t.labels.instance));
  expect(preview.warnings).toEqual([]);
});
