import { deployment, service } from './helpers';
import { loopbackAddressAllocator, simulateCluster } from '../../../src/resolver/targets';
import { KubeObject } from '../../../src/resolver/types';

/** A fresh allocator per call: allocators are stateful. */
const opts = () => ({ addressAllocator: loopbackAddressAllocator() });

describe('Pods predicted from workloads', () => {
  test('a Deployment creates replicas Pods owned by its ReplicaSet, with pod-template-hash', () => {
    const { pods } = simulateCluster([deployment('web', 'shop', { app: 'web' }, [['metrics', 9100]], 2)], opts());
    expect(pods).toHaveLength(2);
    const [pod] = pods;
    const hash = pod.metadata.labels!['pod-template-hash'];
    expect(hash).toMatch(/^[bcdfghjklmnpqrstvwxz2456789]{10}$/);
    expect(pod.metadata.name).toMatch(new RegExp(`^web-${hash}-[bcdfghjklmnpqrstvwxz2456789]{5}$`));
    expect(pod.metadata.labels).toEqual({ 'app': 'web', 'pod-template-hash': hash });
    expect(pod.metadata.ownerReferences).toEqual([expect.objectContaining({ kind: 'ReplicaSet', name: `web-${hash}`, controller: true })]);
    expect(pods.map((p) => p.status.podIP)).toEqual(['127.0.0.2', '127.0.0.3']);
  });

  test('predicted Pods are scheduled, running and ready', () => {
    const { pods, nodes } = simulateCluster([deployment('web', 'shop', { app: 'web' }, [['metrics', 9100]])], opts());
    expect(nodes.map((n) => n.metadata.name)).toEqual(['node-1']);
    expect(pods[0].spec.nodeName).toBe('node-1');
    expect(pods[0].status).toMatchObject({ phase: 'Running', hostIP: '127.0.1.2', podIP: '127.0.0.2' });
    expect(pods[0].status.conditions).toContainEqual({ type: 'Ready', status: 'True' });
    expect(pods[0].spec.containers[0].ports[0].protocol).toBe('TCP');
  });

  test('the same input always gives the same names and addresses', () => {
    const input = [deployment('web', 'shop', { app: 'web' }, [['metrics', 9100]], 3)];
    const a = simulateCluster(input, { addressAllocator: loopbackAddressAllocator() });
    const b = simulateCluster(input, { addressAllocator: loopbackAddressAllocator() });
    expect(a.pods).toEqual(b.pods);
  });

  test('a StatefulSet creates ordinal Pods with hostname, subdomain and its pod labels', () => {
    const sts: KubeObject = {
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: { name: 'db', namespace: 'data' },
      spec: { replicas: 2, serviceName: 'db', template: { metadata: { labels: { app: 'db' } }, spec: { containers: [{ name: 'db' }] } } },
    };
    const { pods } = simulateCluster([sts], opts());
    expect(pods.map((p) => p.metadata.name)).toEqual(['db-0', 'db-1']);
    expect(pods[1].spec).toMatchObject({ hostname: 'db-1', subdomain: 'db' });
    expect(pods[1].metadata.labels).toMatchObject({ 'statefulset.kubernetes.io/pod-name': 'db-1', 'apps.kubernetes.io/pod-index': '1' });
    expect(pods[1].metadata.labels!['controller-revision-hash']).toMatch(/^db-/);
  });

  test('a DaemonSet gets one Pod per node', () => {
    const ds: KubeObject = {
      apiVersion: 'apps/v1',
      kind: 'DaemonSet',
      metadata: { name: 'agent', namespace: 'kube-system' },
      spec: { template: { metadata: { labels: { app: 'agent' } }, spec: { containers: [{ name: 'a' }] } } },
    };
    const { pods } = simulateCluster([ds], { ...opts(), nodeCount: 3 });
    expect(pods.map((p) => p.spec.nodeName)).toEqual(['node-1', 'node-2', 'node-3']);
    expect(pods[0].metadata.ownerReferences[0]).toMatchObject({ kind: 'DaemonSet', name: 'agent' });
  });

  test('a Job runs parallelism Pods (at most completions) with the job labels', () => {
    const job: KubeObject = {
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: { name: 'migrate', namespace: 'ops', uid: 'u-1' },
      spec: { parallelism: 3, completions: 2, template: { spec: { containers: [{ name: 'm' }] } } },
    };
    const { pods } = simulateCluster([job], opts());
    expect(pods).toHaveLength(2);
    expect(pods[0].metadata.labels).toEqual({
      'batch.kubernetes.io/controller-uid': 'u-1', 'batch.kubernetes.io/job-name': 'migrate', 'controller-uid': 'u-1', 'job-name': 'migrate',
    });
  });

  test('zero replicas create no Pods; CronJobs are noted, not predicted', () => {
    const cron: KubeObject = { apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name: 'nightly', namespace: 'ops' }, spec: {} };
    const state = simulateCluster([deployment('idle', 'ns', { app: 'idle' }, [], 0), cron], opts());
    expect(state.pods).toEqual([]);
    expect(state.notes).toEqual(['CronJob ops/nightly: its Pods exist only while a scheduled Job runs, so none are predicted.']);
  });

  test('a workload whose Pods are in the input is not predicted again', () => {
    const pod: KubeObject = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'web-abc-xyz12', namespace: 'shop', ownerReferences: [{ kind: 'ReplicaSet', name: 'web-abc', controller: true }] },
      spec: { containers: [{ name: 'main' }] },
      status: { phase: 'Running', podIP: '127.0.0.50' },
    };
    const rs: KubeObject = {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: { name: 'web-abc', namespace: 'shop', ownerReferences: [{ kind: 'Deployment', name: 'web', controller: true }] },
      spec: { replicas: 1, template: { spec: { containers: [{ name: 'main' }] } } },
    };
    const { pods } = simulateCluster([deployment('web', 'shop', { app: 'web' }, []), rs, pod], opts());
    expect(pods.map((p) => p.metadata.name)).toEqual(['web-abc-xyz12']);
    expect(pods[0].status.podIP).toBe('127.0.0.50');
  });
});

describe('API server defaults and namespaces', () => {
  test('objects without a namespace go to the default one; namespaces get their name label', () => {
    const svc = service('s', '', { app: 'x' }, [['http', 80, 8080]]);
    delete svc.metadata.namespace;
    const state = simulateCluster([svc], { ...opts(), defaultNamespace: 'apps' });
    expect(state.services[0].metadata.namespace).toBe('apps');
    expect(state.namespaces).toEqual([expect.objectContaining({ metadata: expect.objectContaining({ name: 'apps', labels: { 'kubernetes.io/metadata.name': 'apps' } }) })]);
  });

  test('Services get type ClusterIP, a cluster IP, TCP and a targetPort; headless stays headless', () => {
    const plain = service('a', 'ns', { app: 'a' }, [['http', 80, 8080]]);
    delete plain.spec.ports[0].targetPort;
    const headless = service('b', 'ns', { app: 'b' }, [['http', 80, 8080]]);
    headless.spec.clusterIP = 'None';
    const [a, b] = simulateCluster([plain, headless], opts()).services;
    expect(a.spec).toMatchObject({ type: 'ClusterIP', clusterIP: '127.0.2.2', ports: [{ name: 'http', port: 80, targetPort: 80, protocol: 'TCP' }] });
    expect(b.spec.clusterIP).toBe('None');
  });
});
