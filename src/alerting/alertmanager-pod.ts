import { Size, SizeRoundingBehavior } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { IConstruct } from 'constructs';
import { fail } from '../common/errors';
import { renderResources } from '../common/resources';
import * as monitoring from '../imports/monitoring.coreos.com';
import { isDns1123Subdomain } from '../resolver/select/kube-names';

/**
 * The user and groups the Alertmanager pods run as. The pod always runs as non-root with the
 * RuntimeDefault seccomp profile; with the container settings the operator applies (no privilege
 * escalation, read-only root filesystem, all capabilities dropped) it passes Pod Security "restricted".
 */
export interface AlertmanagerSecurityContext {
  /**
   * User ID of the containers; must not be 0 (root).
   * @default 1000
   */
  readonly runAsUser?: number;
  /**
   * Primary group ID of the containers.
   * @default 2000
   */
  readonly runAsGroup?: number;
  /**
   * Group that owns the data volume.
   * @default 2000
   */
  readonly fsGroup?: number;
}

/** A PersistentVolumeClaim per Alertmanager pod, for silences and the notification log. */
export interface AlertmanagerStorageOptions {
  /**
   * Size of each pod's volume.
   * @default Size.gibibytes(1)
   */
  readonly size?: Size;
  /**
   * StorageClass to claim the volume from.
   * @default - the cluster's default StorageClass
   */
  readonly storageClassName?: string;
}

/** The default container resources: a small request and a memory limit. */
export const DEFAULT_ALERTMANAGER_RESOURCES: kplus.ContainerResources = {
  cpu: { request: kplus.Cpu.millis(10) },
  memory: { request: Size.mebibytes(64), limit: Size.mebibytes(256) },
};

/** Renders `spec.resources`, rejecting a request above its limit. */
export function renderAlertmanagerResources(scope: IConstruct, resources: kplus.ContainerResources): monitoring.AlertmanagerSpecResources {
  const { requests, limits } = renderResources(scope, 'resources', resources);
  const quantities = <T>(values: { [name: string]: string }, of: (v: string) => T) =>
    Object.fromEntries(Object.entries(values).map(([name, value]) => [name, of(value)]));
  return {
    ...(requests ? { requests: quantities(requests, monitoring.AlertmanagerSpecResourcesRequests.fromString) } : {}),
    ...(limits ? { limits: quantities(limits, monitoring.AlertmanagerSpecResourcesLimits.fromString) } : {}),
  };
}

/** Renders `spec.storage` as a volume claim template. */
export function renderStorage(scope: IConstruct, options: AlertmanagerStorageOptions): monitoring.AlertmanagerSpecStorage {
  const size = options.size ?? Size.gibibytes(1);
  if (kib(size) <= 0) {
    fail(scope, 'storage.size', `${size.asString()} is not a usable volume size. Use a positive size such as Size.gibibytes(1).`);
  }
  if (options.storageClassName !== undefined && !isDns1123Subdomain(options.storageClassName)) {
    fail(scope, 'storage.storageClassName', `"${options.storageClassName}" is not a valid StorageClass name. Use lowercase letters, digits, '-' and '.'.`);
  }
  return {
    volumeClaimTemplate: {
      spec: {
        accessModes: ['ReadWriteOnce'],
        storageClassName: options.storageClassName,
        resources: { requests: { storage: monitoring.AlertmanagerSpecStorageVolumeClaimTemplateSpecResourcesRequests.fromString(size.asString()) } },
      },
    },
  };
}

function kib(size: Size): number {
  return size.toKibibytes({ rounding: SizeRoundingBehavior.NONE });
}
