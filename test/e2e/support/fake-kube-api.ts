import * as http from 'http';
import { AddressInfo } from 'net';
import { CompiledSelector } from '../../../src/resolver/select/label-selector';
import { FieldSelector, parseLabelSelectorString } from '../../../src/resolver/select/selector-strings';
import { ClusterState } from '../../../src/resolver/targets';
import { KubeObject } from '../../../src/resolver/types';

/**
 * A small, read-only Kubernetes API server for tests, on 127.0.0.1 and a random port. It serves
 * what Prometheus's Kubernetes service discovery (client-go informers) asks for: /version, the
 * discovery documents, and list + watch of namespaces, nodes, services, pods, endpoints,
 * endpointslices and ingresses, cluster-wide or per namespace, with labelSelector and
 * fieldSelector. The objects never change, so a watch stays open and silent until it times out
 * or the server stops. Every request is recorded for assertions.
 */
export interface FakeKubeApi {
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  /** Paths with query strings, in arrival order. */
  readonly requests: string[];
  close(): Promise<void>;
}

interface Resource {
  readonly group: string;
  readonly version: string;
  readonly plural: string;
  readonly kind: string;
  readonly namespaced: boolean;
  readonly objects: (c: ClusterState) => KubeObject[];
}

const RESOURCES: readonly Resource[] = [
  { group: '', version: 'v1', plural: 'namespaces', kind: 'Namespace', namespaced: false, objects: (c) => c.namespaces },
  { group: '', version: 'v1', plural: 'nodes', kind: 'Node', namespaced: false, objects: (c) => c.nodes },
  { group: '', version: 'v1', plural: 'services', kind: 'Service', namespaced: true, objects: (c) => c.services },
  { group: '', version: 'v1', plural: 'pods', kind: 'Pod', namespaced: true, objects: (c) => c.pods },
  { group: '', version: 'v1', plural: 'endpoints', kind: 'Endpoints', namespaced: true, objects: (c) => c.endpoints },
  { group: 'discovery.k8s.io', version: 'v1', plural: 'endpointslices', kind: 'EndpointSlice', namespaced: true, objects: (c) => c.endpointSlices },
  { group: 'networking.k8s.io', version: 'v1', plural: 'ingresses', kind: 'Ingress', namespaced: true, objects: (c) => c.ingresses },
];

const RESOURCE_VERSION = '100';

/** Starts the server over a simulated cluster. Refuses any Pod, node or endpoint address off loopback. */
export async function startFakeKubeApi(cluster: ClusterState): Promise<FakeKubeApi> {
  assertLoopbackOnly(cluster);
  const requests: string[] = [];
  const sockets = new Set<import('net').Socket>();
  const server = http.createServer((req, res) => {
    requests.push(req.url ?? '');
    try {
      route(cluster, req, res);
    } catch (e) {
      send(res, 500, status(500, 'InternalError', (e as Error).message));
    }
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((resolve) => {
      for (const s of sockets) {
        s.destroy();
      }
      server.close(() => resolve());
    }),
  };
}

function route(cluster: ClusterState, req: http.IncomingMessage, res: http.ServerResponse): void {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const path = url.pathname.replace(/\/+$/, '');
  if (req.method !== 'GET') {
    send(res, 405, status(405, 'MethodNotAllowed', `${req.method} is not supported by this read-only server`));
    return;
  }
  if (path === '/version') {
    send(res, 200, { major: '1', minor: '30', gitVersion: 'v1.30.0', platform: 'linux/amd64' });
    return;
  }
  if (path === '/api') {
    send(res, 200, { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: '127.0.0.1' }] });
    return;
  }
  if (path === '/apis') {
    const groups = [...new Set(RESOURCES.filter((r) => r.group).map((r) => r.group))].map((name) => ({
      name,
      versions: [{ groupVersion: `${name}/v1`, version: 'v1' }],
      preferredVersion: { groupVersion: `${name}/v1`, version: 'v1' },
    }));
    send(res, 200, { kind: 'APIGroupList', apiVersion: 'v1', groups });
    return;
  }
  const discovery = /^\/(?:api\/v1|apis\/([^/]+)\/v1)$/.exec(path);
  if (discovery) {
    const group = discovery[1] ?? '';
    const resources = RESOURCES.filter((r) => r.group === group).map((r) => ({
      name: r.plural, singularName: '', namespaced: r.namespaced, kind: r.kind, verbs: ['get', 'list', 'watch'],
    }));
    if (resources.length === 0) {
      send(res, 404, status(404, 'NotFound', `the server could not find the requested resource (${path})`));
      return;
    }
    send(res, 200, { kind: 'APIResourceList', apiVersion: 'v1', groupVersion: group ? `${group}/v1` : 'v1', resources });
    return;
  }
  const m = /^\/(?:api\/v1|apis\/([^/]+)\/v1)(?:\/namespaces\/([^/]+))?\/([^/]+)$/.exec(path);
  const resource = m && RESOURCES.find((r) => r.group === (m[1] ?? '') && r.plural === m[3]);
  if (!m || !resource || (m[2] !== undefined && !resource.namespaced)) {
    send(res, 404, status(404, 'NotFound', `the server could not find the requested resource (${path})`));
    return;
  }
  let label: CompiledSelector;
  let field: FieldSelector;
  try {
    label = parseLabelSelectorString(url.searchParams.get('labelSelector') ?? '');
    field = FieldSelector.parse(url.searchParams.get('fieldSelector') ?? '');
  } catch (e) {
    send(res, 400, status(400, 'BadRequest', (e as Error).message));
    return;
  }
  const namespace = m[2];
  const items = resource.objects(cluster)
    .filter((o) => namespace === undefined || o.metadata.namespace === namespace)
    .filter((o) => label.matches(o.metadata.labels) && field.matches(o))
    .map((o) => served(o, resource));
  if (url.searchParams.get('watch') === 'true' || url.searchParams.get('watch') === '1') {
    watch(req, res, url);
    return;
  }
  send(res, 200, {
    kind: `${resource.kind}List`,
    apiVersion: resource.group ? `${resource.group}/v1` : 'v1',
    metadata: { resourceVersion: RESOURCE_VERSION },
    items,
  });
}

/** A watch from the current version: nothing ever changes, so it only stays open until its timeout. */
function watch(req: http.IncomingMessage, res: http.ServerResponse, url: URL): void {
  res.writeHead(200, { 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' });
  res.flushHeaders();
  const timeoutSeconds = Number(url.searchParams.get('timeoutSeconds') ?? '0');
  if (timeoutSeconds > 0) {
    const timer = setTimeout(() => res.end(), timeoutSeconds * 1000);
    req.on('close', () => clearTimeout(timer));
  }
}

function served(o: KubeObject, r: Resource): KubeObject {
  return {
    ...o,
    apiVersion: r.group ? `${r.group}/v1` : 'v1',
    kind: r.kind,
    metadata: { ...o.metadata, resourceVersion: RESOURCE_VERSION, creationTimestamp: '2024-01-01T00:00:00Z' },
  };
}

function status(code: number, reason: string, message: string) {
  return { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, code };
}

function send(res: http.ServerResponse, code: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(code, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

/** Throws unless every address the cluster would expose is on 127.0.0.0/8. */
export function assertLoopbackOnly(cluster: ClusterState): void {
  const addresses: string[] = [];
  for (const pod of cluster.pods) {
    addresses.push(pod.status?.podIP, pod.status?.hostIP, ...(pod.status?.podIPs ?? []).map((p: any) => p.ip));
  }
  for (const node of cluster.nodes) {
    addresses.push(...(node.status?.addresses ?? []).filter((a: any) => a.type.endsWith('IP')).map((a: any) => a.address));
  }
  for (const eps of cluster.endpoints) {
    for (const subset of eps.subsets ?? []) {
      addresses.push(...[...(subset.addresses ?? []), ...(subset.notReadyAddresses ?? [])].map((a: any) => a.ip));
    }
  }
  for (const slice of cluster.endpointSlices) {
    addresses.push(...(slice.endpoints ?? []).flatMap((e: any) => e.addresses ?? []));
  }
  const outside = addresses.filter((a) => a !== undefined && !/^127\.\d+\.\d+\.\d+$/.test(a));
  if (outside.length > 0) {
    throw new Error(`the fake API server serves loopback addresses only; got ${outside.join(', ')} (use loopbackAddressAllocator())`);
  }
}
