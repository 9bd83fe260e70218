import { Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { IConstruct } from 'constructs';
import { secretInNamespace } from './secret-in-namespace';
import { normalizeThanosVersion } from './version';
import { renderResources } from '../common/resources';
import * as monitoring from '../imports/monitoring.coreos.com';
import { DEFAULT_THANOS_VERSION, THANOS_IMAGE_REPOSITORY } from '../resolver/defaults/operator-defaults';

/** The Thanos sidecar (`spec.thanos`): serves the StoreAPI and uploads blocks to object storage. */
export interface ThanosSidecarOptions {
  /**
   * The object storage configuration (Thanos `objstore.yml`), read from a Secret in the
   * Prometheus's namespace. With it the sidecar uploads every TSDB block.
   * @default - no upload; the sidecar only serves the StoreAPI
   */
  readonly objectStorageConfig?: kplus.SecretValue;
  /**
   * Thanos version.
   * @default v0.42.4 (the operator's default)
   */
  readonly version?: string;
  /**
   * Image of the sidecar.
   * @default - quay.io/thanos/thanos:<version>
   */
  readonly image?: string;
  /**
   * Resources of the sidecar container.
   * @default - requests 50m CPU and 64Mi memory, no limits
   */
  readonly resources?: kplus.ContainerResources;
}

/** Port of the Thanos StoreAPI (gRPC) on the Prometheus pods. */
export const THANOS_GRPC_PORT = 10901;

/** Renders `spec.thanos`. */
export function renderThanos(scope: IConstruct, namespace: string, options: ThanosSidecarOptions): monitoring.PrometheusSpecThanos {
  const version = normalizeThanosVersion(scope, 'thanos.version', options.version ?? DEFAULT_THANOS_VERSION);
  const resources = renderResources(scope, 'thanos.resources', options.resources ?? {
    cpu: { request: kplus.Cpu.millis(50) },
    memory: { request: Size.mebibytes(64) },
  });
  return {
    version,
    image: options.image ?? `${THANOS_IMAGE_REPOSITORY}:${version}`,
    ...(options.objectStorageConfig ? { objectStorageConfig: secretInNamespace(scope, 'thanos.objectStorageConfig', options.objectStorageConfig, namespace) } : {}),
    resources: {
      ...(resources.limits ? { limits: mapValues(resources.limits, monitoring.PrometheusSpecThanosResourcesLimits.fromString) } : {}),
      ...(resources.requests ? { requests: mapValues(resources.requests, monitoring.PrometheusSpecThanosResourcesRequests.fromString) } : {}),
    },
  };
}

function mapValues<T>(values: { [k: string]: string }, f: (v: string) => T): { [k: string]: T } {
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, f(v)]));
}
