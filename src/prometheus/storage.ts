import { Size, SizeRoundingBehavior } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { IConstruct } from 'constructs';
import { fail } from '../common/errors';
import * as monitoring from '../imports/monitoring.coreos.com';

/** Options of a Prometheus data volume claimed from a StorageClass. */
export interface PersistentVolumeClaimStorageOptions {
  /**
   * Size of the volume claimed for each Prometheus pod.
   * @default Size.gibibytes(10)
   */
  readonly size?: Size;
  /**
   * StorageClass to claim the volume from.
   * @default - the cluster's default StorageClass
   */
  readonly storageClassName?: string;
  /**
   * Access modes of the claim.
   * @default [PersistentVolumeAccessMode.READ_WRITE_ONCE]
   */
  readonly accessModes?: kplus.PersistentVolumeAccessMode[];
}

/** Options of an emptyDir data volume (data is lost when the pod is deleted). */
export interface EmptyDirStorageOptions {
  /**
   * Upper bound of the volume's size.
   * @default - no limit
   */
  readonly sizeLimit?: Size;
  /**
   * Where the volume lives.
   * @default EmptyDirMedium.DEFAULT (the node's disk)
   */
  readonly medium?: kplus.EmptyDirMedium;
}

/**
 * Where Prometheus keeps its time series database: a PersistentVolumeClaim per pod (survives
 * restarts and rescheduling) or an emptyDir (lost with the pod; for tests and short-lived setups).
 */
export class PrometheusStorage {
  /** A PersistentVolumeClaim per Prometheus pod (the operator's `storage.volumeClaimTemplate`). */
  public static persistentVolumeClaim(options: PersistentVolumeClaimStorageOptions = {}): PrometheusStorage {
    return new PrometheusStorage(options, undefined);
  }

  /** An emptyDir volume: data is lost whenever the pod is deleted or rescheduled. */
  public static emptyDir(options: EmptyDirStorageOptions = {}): PrometheusStorage {
    return new PrometheusStorage(undefined, options);
  }

  private constructor(
    private readonly claim: PersistentVolumeClaimStorageOptions | undefined,
    private readonly emptyDirOptions: EmptyDirStorageOptions | undefined,
  ) {}

  /** The volume's size when it is bounded: the claim's size or the emptyDir's size limit. */
  public get volumeSize(): Size | undefined {
    return this.claim ? (this.claim.size ?? Size.gibibytes(10)) : this.emptyDirOptions?.sizeLimit;
  }

  /**
   * The `spec.storage` of the Prometheus CR.
   * @internal
   */
  public _toSpec(scope: IConstruct, field: string): monitoring.PrometheusSpecStorage {
    if (this.claim) {
      const size = this.volumeSize!;
      if (size.toKibibytes({ rounding: SizeRoundingBehavior.NONE }) < 1024) {
        fail(scope, `${field}.size`, `${size.asString()} is too small for a Prometheus volume. Use at least Size.mebibytes(1); a few GiB is typical.`);
      }
      const accessModes = this.claim.accessModes ?? [kplus.PersistentVolumeAccessMode.READ_WRITE_ONCE];
      if (accessModes.length === 0) {
        fail(scope, `${field}.accessModes`, 'no access mode given. Use at least one, usually PersistentVolumeAccessMode.READ_WRITE_ONCE.');
      }
      return {
        volumeClaimTemplate: {
          spec: {
            accessModes: [...accessModes],
            ...(this.claim.storageClassName !== undefined ? { storageClassName: this.claim.storageClassName } : {}),
            resources: {
              requests: { storage: monitoring.PrometheusSpecStorageVolumeClaimTemplateSpecResourcesRequests.fromString(size.asString()) },
            },
          },
        },
      };
    }
    const options = this.emptyDirOptions ?? {};
    return {
      emptyDir: {
        ...(options.medium ? { medium: options.medium } : {}),
        ...(options.sizeLimit ? { sizeLimit: monitoring.PrometheusSpecStorageEmptyDirSizeLimit.fromString(options.sizeLimit.asString()) } : {}),
      },
    };
  }
}

/** The fraction of a bounded volume that `retentionSize` defaults to, leaving room for the WAL and compaction. */
export const DEFAULT_RETENTION_FRACTION = 0.85;

/**
 * Renders a size in Prometheus's byte-size grammar (`8GiB`, `8704MiB`), in the largest binary
 * unit that expresses it exactly (falling back to whole KiB).
 */
export function formatByteSize(size: Size): string {
  const kib = size.toKibibytes({ rounding: SizeRoundingBehavior.NONE });
  const units: Array<[string, number]> = [['TiB', 1024 ** 3], ['GiB', 1024 ** 2], ['MiB', 1024], ['KiB', 1]];
  for (const [unit, inKib] of units) {
    if (kib >= inKib && Number.isInteger(kib / inKib)) {
      return `${kib / inKib}${unit}`;
    }
  }
  return `${Math.max(1, Math.floor(kib))}KiB`;
}

/** The default retention size for a volume: {@link DEFAULT_RETENTION_FRACTION} of it, in whole MiB. */
export function defaultRetentionSize(volume: Size): Size {
  return Size.mebibytes(Math.floor(volume.toMebibytes({ rounding: SizeRoundingBehavior.NONE }) * DEFAULT_RETENTION_FRACTION));
}
