import { containerPorts, remapContainerPorts } from './app-fixture';
import { FakeKubeApi, startFakeKubeApi } from './fake-kube-api';
import { MetricsServers, startMetricsServers } from './metrics-servers';
import { PrometheusProcess, freePort, pointAtApiServer, startPrometheus, waitFor } from './prometheus-process';
import { loopbackAddressAllocator, previewTargets, simulateCluster, substituteOperatorVariables, TargetPreview } from '../../../src/resolver/targets';
import { KubeObject } from '../../../src/resolver/types';

/** What to prove: a rendered prometheus.yaml (object) and the app's objects. */
export interface ProofInput {
  readonly config: any;
  readonly objects: readonly KubeObject[];
  /** `namespace/name` of the Prometheus. */
  readonly prometheus: string;
  /** How long to wait for every target to be up. @default 60000 */
  readonly timeoutMs?: number;
}

/** A running proof: the preview, the real Prometheus's view, and the processes to stop. */
export interface Proof {
  readonly preview: TargetPreview;
  /** The configuration Prometheus runs (api_server added, $(SHARD) and $(POD_NAME) filled in). */
  readonly runConfig: any;
  /** `data` of /api/v1/targets?state=any once every previewed target is up. */
  readonly apiTargets: { activeTargets: any[]; droppedTargets: any[] };
  readonly api: FakeKubeApi;
  readonly metrics: MetricsServers;
  readonly prometheus: PrometheusProcess;
  /** Stops Prometheus and the servers; safe to call twice. */
  stop(): Promise<void>;
}

/**
 * Previews the targets of `config` over `objects` (Pods on 127.0.0.x, nodes on 127.0.1.x, Services
 * on 127.0.2.x, container ports moved to free ports), serves that cluster from a fake API server,
 * answers /metrics on every container port, Service port and kubelet port, runs the real Prometheus on the same configuration (only `api_server` added, plus the
 * operator's `$(SHARD)`=0 and `$(POD_NAME)` as its config reloader fills them in) and waits until
 * it reports at least as many active targets as previewed, all up. Everything started is stopped
 * again if a step fails.
 */
export async function proveTargets(input: ProofInput): Promise<Proof> {
  const mapping = new Map<number, number>();
  for (const port of containerPorts(input.objects)) {
    mapping.set(port, await freePort());
  }
  const objects = remapContainerPorts(input.objects, mapping);
  const cluster = simulateCluster(objects, { addressAllocator: loopbackAddressAllocator() });
  const preview = previewTargets({ config: input.config, objects, prometheus: input.prometheus, cluster });
  const podName = `prometheus-${input.prometheus.split('/').pop()}-0`;
  const stops: Array<() => Promise<void>> = [];
  const stop = async () => {
    for (const s of stops.splice(0).reverse()) {
      await s();
    }
  };
  try {
    const api = await startFakeKubeApi(cluster);
    stops.push(() => api.close());
    // Every container port of every Pod, every port of every Service with a cluster IP, every kubelet.
    const endpoints = [
      ...cluster.pods.flatMap((pod) => (pod.spec.containers ?? []).flatMap((c: any) =>
        (c.ports ?? []).map((p: any) => `${pod.status.podIP}:${p.containerPort}`))),
      ...cluster.services.filter((s) => /^127\./.test(s.spec.clusterIP ?? ''))
        .flatMap((s) => (s.spec.ports ?? []).map((p: any) => `${s.spec.clusterIP}:${p.port}`)),
      ...cluster.nodes.map((n) => `${n.status.addresses.find((a: any) => a.type === 'InternalIP').address}:${n.status.daemonEndpoints.kubeletEndpoint.Port}`),
    ];
    const metrics = await startMetricsServers([...new Set(endpoints)]);
    stops.push(() => metrics.close());
    const runConfig = pointAtApiServer(substituteOperatorVariables(input.config, { SHARD: '0', POD_NAME: podName }), api.url);
    const prometheus = await startPrometheus(runConfig);
    stops.push(() => prometheus.stop());
    let last: any;
    const apiTargets = await waitFor('every previewed target to be up', input.timeoutMs ?? 60_000, async () => {
      last = (await prometheus.getJson('/api/v1/targets?state=any')).data;
      const active: any[] = last.activeTargets;
      return active.length >= preview.targets.length && active.every((t) => t.health === 'up') ? last : undefined;
    }, 250).catch((e) => {
      throw new Error(`${(e as Error).message}\nlast /api/v1/targets: ${JSON.stringify(last?.activeTargets?.map((t: any) => [t.scrapePool, t.labels, t.health, t.lastError]))}\n--- prometheus log ---\n${prometheus.log()}`);
    });
    return { preview, runConfig, apiTargets, api, metrics, prometheus, stop };
  } catch (e) {
    await stop();
    throw e;
  }
}
