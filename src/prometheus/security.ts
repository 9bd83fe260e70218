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
