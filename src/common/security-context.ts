import { IConstruct } from 'constructs';
import { fail } from './errors';

/** The user and groups a pod runs as (the fields of PrometheusSecurityContext and AlertmanagerSecurityContext). */
export interface PodUserOptions {
  /** User ID of the containers; must not be 0 (root). Default 1000. */
  readonly runAsUser?: number;
  /** Primary group ID of the containers. Default 2000. */
  readonly runAsGroup?: number;
  /** Group that owns the data volume. Default 2000. */
  readonly fsGroup?: number;
}

/** A pod security context that passes Pod Security "restricted" (with the operator's container settings). */
export interface RestrictedPodSecurityContext {
  /** Always true. */
  readonly runAsNonRoot: boolean;
  /** User ID of the containers. */
  readonly runAsUser: number;
  /** Primary group ID of the containers. */
  readonly runAsGroup: number;
  /** Group that owns the volumes. */
  readonly fsGroup: number;
  /** Always RuntimeDefault. */
  readonly seccompProfile: { readonly type: string };
}

/**
 * Renders the `spec.securityContext` of an operator-managed pod for Pod Security "restricted": non-root
 * user, RuntimeDefault seccomp profile. A root user or a group ID that is not a whole number fails,
 * naming `field`.
 */
export function restrictedSecurityContext(scope: IConstruct, field: string, options: PodUserOptions = {}): RestrictedPodSecurityContext {
  const runAsUser = options.runAsUser ?? 1000;
  const runAsGroup = options.runAsGroup ?? 2000;
  const fsGroup = options.fsGroup ?? 2000;
  if (!Number.isInteger(runAsUser) || runAsUser < 1) {
    fail(scope, `${field}.runAsUser`, `${runAsUser} is not allowed: Pod Security "restricted" forbids running as root. Use a non-zero user ID such as 1000.`);
  }
  for (const [name, id] of [['runAsGroup', runAsGroup], ['fsGroup', fsGroup]] as const) {
    if (!Number.isInteger(id) || id < 0) {
      fail(scope, `${field}.${name}`, `${id} is not a group ID. Use a whole number of at least 0 (2000 by default).`);
    }
  }
  return { runAsNonRoot: true, runAsUser, runAsGroup, fsGroup, seccompProfile: { type: 'RuntimeDefault' } };
}
