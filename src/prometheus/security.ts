import { IConstruct } from 'constructs';
import { fail } from '../common/errors';
import * as monitoring from '../imports/monitoring.coreos.com';

/**
 * The user and groups the Prometheus pods run as. The rendered pod security context always runs
 * as non-root with the RuntimeDefault seccomp profile, which (with the container settings the
 * operator applies) passes the Pod Security "restricted" profile.
 */
export interface PrometheusSecurityContext {
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

/** Renders `spec.securityContext` for Pod Security "restricted". */
export function restrictedSecurityContext(
  scope: IConstruct, field: string, options: PrometheusSecurityContext = {},
): monitoring.PrometheusSpecSecurityContext {
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
  return {
    runAsNonRoot: true,
    runAsUser,
    runAsGroup,
    fsGroup,
    seccompProfile: { type: 'RuntimeDefault' },
  };
}
