import { deployment, service } from './helpers';
import { loopbackAddressAllocator, simulateCluster } from '../../../src/resolver/targets';
import { KubeObject } from '../../../src/resolver/types';

/** A fresh allocator per call: allocators are stateful. */
const opts = () => ({ addressAllocator: loopbackAddressAllocator() });

describe('Endpoints', () => {
  test('list ready Pods with the Service ports resolved against named container ports', () => {
    const state = simulateCluster([
      deployment('web', 'shop', { app: 'web' }, [['http', 8080], ['metrics', 9100]], 2),
      service('web', 'shop', { app: 'web' }, [['http', 80, 'http'], ['metrics', 9100, 'metrics']], { team: 'a' }),
    ], opts());
    expect(state.endpoints).toHaveLength(1);
    const eps = state.endpoints[0];
    expect(eps.metadata).toMatchObject({ name: 'web', namespace: 'shop', labels: { team: 'a' } });
    expect(eps.subsets).toHaveLength(1);
    expect(eps.subsets[0].ports).toEqual([{ name: 'http', port: 8080, protocol: 'TCP' }, { name: 'metrics', port: 9100, protocol: 'TCP' }]);
    expect(eps.subsets[0].addresses.map((a: any) => a.ip)).toEqual(['127.0.0.2', '127.0.0.3']);
    expect(eps.subsets[0].addresses[0]).toMatchObject({ nodeName: 'node-1', targetRef: { kind: 'Pod', namespace: 'shop' } });
  });

  test('a Pod without the named port is left out of that port; Pods are grouped by their ports', () => {
    const state = simulateCluster([
      deployment('a', 'ns', { app: 'x', v: 'a' }, [['metrics', 9100]]),
      deployment('b', 'ns', { app: 'x', v: 'b' }, [['metrics', 9200]]),
      deployment('c', 'ns', { app: 'x', v: 'c' }, [['other', 9300]]),
      service('x', 'ns', { app: 'x' }, [['metrics', 9100, 'metrics']]),
    ], opts());
    const subsets = state.endpoints[0].subsets;
    expect(subsets.map((s: any) => s.ports?.map((p: any) => p.port))).toEqual([[9100], [9200], undefined]);
    expect(state.endpointSlices).toHaveLength(3);
  });

  test('not-ready Pods are notReadyAddresses, unless publishNotReadyAddresses', () => {
    const pod: KubeObject = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p', namespace: 'ns', labels: { app: 'x' } },
      spec: { containers: [{ name: 'c', ports: [{ containerPort: 80 }] }] },
      status: { phase: 'Running', podIP: '127.0.0.9', conditions: [{ type: 'Ready', status: 'False' }] },
    };
    const svc = service('x', 'ns', { app: 'x' }, [['', 80, 80]]);
    const eps = simulateCluster([pod, svc], opts()).endpoints[0];
    expect(eps.subsets[0].addresses).toBeUndefined();
    expect(eps.subsets[0].notReadyAddresses[0].ip).toBe('127.0.0.9');
    expect(eps.subsets[0].ports).toEqual([{ port: 80, protocol: 'TCP' }]);
    const slice = simulateCluster([pod, svc], opts()).endpointSlices[0];
    expect(slice.endpoints[0].conditions).toEqual({ ready: false, serving: false, terminating: false });

    svc.spec.publishNotReadyAddresses = true;
    const published = simulateCluster([pod, svc], opts());
    expect(published.endpoints[0].subsets[0].addresses[0].ip).toBe('127.0.0.9');
    expect(published.endpointSlices[0].endpoints[0].conditions).toEqual({ ready: true, serving: false, terminating: false });
  });

  test('finished Pods are not endpoints; Services without selector get none', () => {
    const pod: KubeObject = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p', namespace: 'ns', labels: { app: 'x' } },
      spec: { containers: [{ name: 'c' }] },
      status: { phase: 'Succeeded', podIP: '127.0.0.9' },
    };
    const state = simulateCluster([pod, service('x', 'ns', { app: 'x' }, [['', 80, 80]]), service('manual', 'ns', undefined, [['', 80, 80]])], opts());
    expect(state.endpoints.map((e) => [e.metadata.name, e.subsets])).toEqual([['x', undefined]]);
  });

  test('Endpoints and EndpointSlices in the input replace the derived ones', () => {
    const given: KubeObject = { apiVersion: 'v1', kind: 'Endpoints', metadata: { name: 'x', namespace: 'ns' }, subsets: [] };
    const state = simulateCluster([deployment('x', 'ns', { app: 'x' }, [['m', 1]]), service('x', 'ns', { app: 'x' }, [['m', 1, 'm']]), given], opts());
    expect(state.endpoints).toEqual([given]);
    expect(state.endpointSlices).toHaveLength(1);
  });
});

describe('EndpointSlices', () => {
  test('carry the service-name label, the Service labels, headless marker and per-endpoint details', () => {
    const sts: KubeObject = {
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: { name: 'db', namespace: 'ns' },
      spec: { replicas: 1, serviceName: 'db', template: { metadata: { labels: { app: 'db' } }, spec: { containers: [{ name: 'db', ports: [{ name: 'metrics', containerPort: 9187 }] }] } } },
    };
    const svc = service('db', 'ns', { app: 'db' }, [['metrics', 9187, 'metrics']], { tier: 'data' });
    svc.spec.clusterIP = 'None';
    const node: KubeObject = { apiVersion: 'v1', kind: 'Node', metadata: { name: 'n1', labels: { 'topology.kubernetes.io/zone': 'z1' } }, status: { addresses: [{ type: 'InternalIP', address: '127.0.1.9' }] } };
    const [slice] = simulateCluster([sts, svc, node], opts()).endpointSlices;
    expect(slice.metadata.name).toMatch(/^db-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(slice.metadata.labels).toEqual({
      'tier': 'data',
      'service.kubernetes.io/headless': '',
      'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io',
      'kubernetes.io/service-name': 'db',
    });
    expect(slice.addressType).toBe('IPv4');
    expect(slice.ports).toEqual([{ name: 'metrics', port: 9187, protocol: 'TCP' }]);
    expect(slice.endpoints[0]).toMatchObject({ addresses: ['127.0.0.2'], hostname: 'db-0', nodeName: 'n1', zone: 'z1', targetRef: { kind: 'Pod', name: 'db-0' } });
  });
});
