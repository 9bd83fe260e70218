import { loadFixture } from './support/app-fixture';
import { startFakeKubeApi } from './support/fake-kube-api';
import { cidrAddressAllocator, loopbackAddressAllocator, simulateCluster } from '../../src/resolver/targets';

describe('the fake Kubernetes API server', () => {
  const cluster = simulateCluster(loadFixture().objects, { addressAllocator: loopbackAddressAllocator() });

  test('serves version, discovery, and lists filtered by namespace, labelSelector and fieldSelector', async () => {
    const api = await startFakeKubeApi(cluster);
    try {
      const get = async (path: string) => {
        const res = await fetch(`${api.url}${path}`);
        return { status: res.status, body: await res.json() as any };
      };
      expect((await get('/version')).body.gitVersion).toBe('v1.30.0');
      expect((await get('/apis')).body.groups.map((g: any) => g.name)).toEqual(['discovery.k8s.io', 'networking.k8s.io']);
      expect((await get('/apis/discovery.k8s.io/v1')).body.resources.map((r: any) => r.name)).toEqual(['endpointslices']);
      const pods = await get('/api/v1/namespaces/shop/pods?labelSelector=app.kubernetes.io%2Fname%3Dcache');
      expect(pods.body.kind).toBe('PodList');
      expect(pods.body.items.map((p: any) => p.metadata.name)).toEqual(['cache-0', 'cache-1']);
      expect(pods.body.items[0]).toMatchObject({ apiVersion: 'v1', kind: 'Pod', metadata: { resourceVersion: '100' } });
      const one = await get('/api/v1/pods?fieldSelector=metadata.name%3Dcache-1');
      expect(one.body.items.map((p: any) => p.metadata.name)).toEqual(['cache-1']);
      expect((await get('/api/v1/namespaces/other/pods')).body.items).toEqual([]);
      expect((await get('/api/v1/namespaces/shop/nodes')).status).toBe(404);
      expect((await get('/api/v1/pods?labelSelector=%3D%3D')).status).toBe(400);
    } finally {
      await api.close();
    }
  });

  test('a watch stays open without events until its timeout', async () => {
    const api = await startFakeKubeApi(cluster);
    try {
      const started = Date.now();
      const res = await fetch(`${api.url}/api/v1/pods?watch=true&resourceVersion=100&timeoutSeconds=1`);
      expect(res.headers.get('content-type')).toBe('application/json');
      expect(await res.text()).toBe('');
      expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    } finally {
      await api.close();
    }
  });

  test('refuses to serve addresses off loopback', async () => {
    const offLoopback = simulateCluster(loadFixture().objects, { addressAllocator: cidrAddressAllocator() });
    await expect(startFakeKubeApi(offLoopback)).rejects.toThrow('the fake API server serves loopback addresses only; got 10.');
  });
});
