import { deployment, service } from './helpers';
import { discoverKubernetes, loopbackAddressAllocator, simulateCluster } from '../../../src/resolver/targets';
import { KubeObject } from '../../../src/resolver/types';

const cluster = (objects: KubeObject[], nodeCount = 1) => simulateCluster(objects, { addressAllocator: loopbackAddressAllocator(), nodeCount });
const web = () => [
  deployment('web', 'shop', { app: 'web' }, [['http', 8080], ['metrics', 9100]]),
  service('web', 'shop', { app: 'web' }, [['metrics', 9100, 'metrics']], { team: 'a' }),
];

describe('role: endpoints', () => {
  test('a target per address and port with Service, Endpoints and Pod labels', () => {
    const state = cluster(web());
    const pod = state.pods[0];
    const [group] = discoverKubernetes({ role: 'endpoints' }, state, 'sd');
    expect(group.source).toBe('endpoints/shop/web');
    expect(group.labels).toEqual({
      __meta_kubernetes_namespace: 'shop',
      __meta_kubernetes_service_name: 'web',
      __meta_kubernetes_service_label_team: 'a',
      __meta_kubernetes_service_labelpresent_team: 'true',
      __meta_kubernetes_endpoints_name: 'web',
      __meta_kubernetes_endpoints_label_team: 'a',
      __meta_kubernetes_endpoints_labelpresent_team: 'true',
    });
    expect(group.targets[0]).toEqual({
      __address__: '127.0.0.2:9100',
      __meta_kubernetes_endpoint_port_name: 'metrics',
      __meta_kubernetes_endpoint_port_protocol: 'TCP',
      __meta_kubernetes_endpoint_ready: 'true',
      __meta_kubernetes_endpoint_address_target_kind: 'Pod',
      __meta_kubernetes_endpoint_address_target_name: pod.metadata.name,
      __meta_kubernetes_endpoint_node_name: 'node-1',
      __meta_kubernetes_pod_ip: '127.0.0.2',
      __meta_kubernetes_pod_ready: 'true',
      __meta_kubernetes_pod_phase: 'Running',
      __meta_kubernetes_pod_node_name: 'node-1',
      __meta_kubernetes_pod_host_ip: '127.0.1.2',
      __meta_kubernetes_pod_uid: pod.metadata.uid,
      __meta_kubernetes_pod_name: pod.metadata.name,
      __meta_kubernetes_pod_label_app: 'web',
      __meta_kubernetes_pod_labelpresent_app: 'true',
      __meta_kubernetes_pod_label_pod_template_hash: pod.metadata.labels!['pod-template-hash'],
      __meta_kubernetes_pod_labelpresent_pod_template_hash: 'true',
      __meta_kubernetes_pod_controller_kind: 'ReplicaSet',
      __meta_kubernetes_pod_controller_name: pod.metadata.ownerReferences[0].name,
      __meta_kubernetes_pod_container_name: 'main',
      __meta_kubernetes_pod_container_image: 'example/web:1',
      __meta_kubernetes_pod_container_port_name: 'metrics',
      __meta_kubernetes_pod_container_port_number: '9100',
      __meta_kubernetes_pod_container_port_protocol: 'TCP',
    });
  });

  test('container ports no endpoint port covers become extra targets without endpoint labels', () => {
    const [group] = discoverKubernetes({ role: 'endpoints' }, cluster(web()), 'sd');
    expect(group.targets.map((t) => t.__address__)).toEqual(['127.0.0.2:9100', '127.0.0.2:8080']);
    expect(group.targets[1].__meta_kubernetes_endpoint_port_name).toBeUndefined();
    expect(group.targets[1].__meta_kubernetes_pod_container_port_name).toBe('http');
  });

  test('attach_metadata.node adds the node labels', () => {
    const [group] = discoverKubernetes({ role: 'endpoints', attach_metadata: { node: true } }, cluster(web()), 'sd');
    expect(group.targets[0]).toMatchObject({ __meta_kubernetes_node_name: 'node-1', __meta_kubernetes_node_label_kubernetes_io_os: 'linux' });
    expect(discoverKubernetes({ role: 'endpoints' }, cluster(web()), 'sd')[0].targets[0].__meta_kubernetes_node_name).toBeUndefined();
  });

  test('namespaces.names limits discovery; a Pod hidden by the pod selector loses its Pod labels', () => {
    const state = cluster(web());
    expect(discoverKubernetes({ role: 'endpoints', namespaces: { names: ['other'] } }, state, 'sd')).toEqual([]);
    expect(discoverKubernetes({ role: 'endpoints', namespaces: { own_namespace: true } }, state, 'sd', 'shop')).toHaveLength(1);
    const [group] = discoverKubernetes({ role: 'endpoints', selectors: [{ role: 'pod', label: 'app=none' }] }, state, 'sd');
    expect(group.targets).toHaveLength(1);
    expect(group.targets[0].__meta_kubernetes_pod_name).toBeUndefined();
    expect(group.targets[0].__meta_kubernetes_endpoint_address_target_kind).toBe('Pod');
  });

  test('selectors are checked as Prometheus checks them', () => {
    const state = cluster(web());
    expect(() => discoverKubernetes({ role: 'pod', selectors: [{ role: 'service' }] }, state, 'sd'))
      .toThrow('sd.selectors[0]: pod role supports only pod selectors');
    expect(() => discoverKubernetes({ role: 'endpoints', selectors: [{ role: 'pod' }, { role: 'pod' }] }, state, 'sd'))
      .toThrow('sd.selectors[1]: duplicated selector role: pod');
    expect(() => discoverKubernetes({ role: 'nodes' }, state, 'sd')).toThrow('sd.role: unknown Kubernetes SD role "nodes"');
  });
});

describe('role: endpointslice', () => {
  test('a target per endpoint and port with conditions and the Service found by its name label', () => {
    const [group] = discoverKubernetes({ role: 'endpointslice' }, cluster(web()), 'sd');
    expect(group.labels).toMatchObject({
      __meta_kubernetes_endpointslice_address_type: 'IPv4',
      __meta_kubernetes_endpointslice_label_kubernetes_io_service_name: 'web',
      __meta_kubernetes_service_name: 'web',
    });
    expect(group.targets[0]).toMatchObject({
      __address__: '127.0.0.2:9100',
      __meta_kubernetes_endpointslice_port: '9100',
      __meta_kubernetes_endpointslice_port_name: 'metrics',
      __meta_kubernetes_endpointslice_port_protocol: 'TCP',
      __meta_kubernetes_endpointslice_endpoint_conditions_ready: 'true',
      __meta_kubernetes_endpointslice_endpoint_conditions_serving: 'true',
      __meta_kubernetes_endpointslice_endpoint_conditions_terminating: 'false',
      __meta_kubernetes_endpointslice_endpoint_node_name: 'node-1',
      __meta_kubernetes_endpointslice_address_target_kind: 'Pod',
      __meta_kubernetes_pod_container_port_name: 'metrics',
    });
    expect(group.targets.map((t) => t.__address__)).toEqual(['127.0.0.2:9100', '127.0.0.2:8080']);
  });
});

describe('role: pod', () => {
  test('a target per container port, bare Pod IP for containers without ports, init containers marked', () => {
    const pod: KubeObject = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p', namespace: 'ns', annotations: { 'a.b/c': 'd' } },
      spec: {
        containers: [{ name: 'app', image: 'i', ports: [{ name: 'm', containerPort: 9000, protocol: 'UDP' }] }, { name: 'side', image: 's' }],
        initContainers: [{ name: 'init', image: 'x' }],
      },
      status: { phase: 'Running', podIP: '127.0.0.7', containerStatuses: [{ name: 'app', containerID: 'containerd://abc' }] },
    };
    const [group] = discoverKubernetes({ role: 'pod' }, cluster([pod]), 'sd');
    expect(group.labels).toMatchObject({ __meta_kubernetes_namespace: 'ns', __meta_kubernetes_pod_annotation_a_b_c: 'd', __meta_kubernetes_pod_annotationpresent_a_b_c: 'true', __meta_kubernetes_pod_ready: 'unknown' });
    expect(group.targets).toEqual([
      {
        __address__: '127.0.0.7:9000',
        __meta_kubernetes_pod_container_name: 'app',
        __meta_kubernetes_pod_container_id: 'containerd://abc',
        __meta_kubernetes_pod_container_image: 'i',
        __meta_kubernetes_pod_container_init: 'false',
        __meta_kubernetes_pod_container_port_number: '9000',
        __meta_kubernetes_pod_container_port_name: 'm',
        __meta_kubernetes_pod_container_port_protocol: 'UDP',
      },
      { __address__: '127.0.0.7', __meta_kubernetes_pod_container_name: 'side', __meta_kubernetes_pod_container_id: '', __meta_kubernetes_pod_container_image: 's', __meta_kubernetes_pod_container_init: 'false' },
      { __address__: '127.0.0.7', __meta_kubernetes_pod_container_name: 'init', __meta_kubernetes_pod_container_id: '', __meta_kubernetes_pod_container_image: 'x', __meta_kubernetes_pod_container_init: 'true' },
    ]);
  });

  test('field selectors filter Pods', () => {
    const state = cluster([deployment('a', 'ns', { app: 'a' }, [['m', 1]]), deployment('b', 'ns', { app: 'b' }, [['m', 1]])]);
    const groups = discoverKubernetes({ role: 'pod', selectors: [{ role: 'pod', field: `metadata.name=${state.pods[1].metadata.name}` }] }, state, 'sd');
    expect(groups.map((g) => g.labels.__meta_kubernetes_pod_label_app)).toEqual(['b']);
  });
});

describe('roles: service, ingress and node', () => {
  test('node: a target per node at its kubelet port, instance = node name, addresses by type', () => {
    const state = cluster([], 2);
    const groups = discoverKubernetes({ role: 'node', namespaces: { names: ['ignored'] }, selectors: [{ role: 'node', label: 'kubernetes.io/hostname=node-2' }] }, state, 'sd');
    expect(groups).toEqual([{
      source: 'node/node-2',
      labels: expect.objectContaining({ __meta_kubernetes_node_name: 'node-2', __meta_kubernetes_node_provider_id: '', __meta_kubernetes_node_label_kubernetes_io_os: 'linux' }),
      targets: [{ __address__: '127.0.1.3:10250', instance: 'node-2', __meta_kubernetes_node_address_InternalIP: '127.0.1.3', __meta_kubernetes_node_address_Hostname: 'node-2' }],
    }]);
  });

  test('service: a target per port at <name>.<namespace>.svc', () => {
    const [group] = discoverKubernetes({ role: 'service' }, cluster(web()), 'sd');
    expect(group.targets).toEqual([{
      __address__: 'web.shop.svc:9100',
      __meta_kubernetes_service_port_name: 'metrics',
      __meta_kubernetes_service_port_number: '9100',
      __meta_kubernetes_service_port_protocol: 'TCP',
      __meta_kubernetes_service_type: 'ClusterIP',
      __meta_kubernetes_service_cluster_ip: '127.0.2.2',
    }]);
  });

  test('ingress: a target per host and path, https where TLS covers the host', () => {
    const ingress: KubeObject = {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      metadata: { name: 'i', namespace: 'ns' },
      spec: {
        ingressClassName: 'nginx',
        tls: [{ hosts: ['*.example.com'] }],
        rules: [{ host: 'a.example.com', http: { paths: [{ path: '/x' }, { path: '' }] } }, { host: 'other.org' }],
      },
    };
    const [group] = discoverKubernetes({ role: 'ingress' }, cluster([ingress]), 'sd');
    expect(group.labels).toMatchObject({ __meta_kubernetes_ingress_class_name: 'nginx', __meta_kubernetes_ingress_name: 'i' });
    expect(group.targets.map((t) => [t.__address__, t.__meta_kubernetes_ingress_scheme, t.__meta_kubernetes_ingress_path])).toEqual([
      ['a.example.com', 'https', '/x'], ['a.example.com', 'https', '/'], ['other.org', 'http', '/'],
    ]);
  });
});
