import { IConstruct } from 'constructs';
import { fail } from '../common/errors';

/** The Prometheus version prometheus-operator v0.93.0 deploys when `spec.version` is not set. */
export const DEFAULT_PROMETHEUS_VERSION = 'v3.13.2';

/** The Prometheus image repository the operator uses by default. */
export const PROMETHEUS_IMAGE_REPOSITORY = 'quay.io/prometheus/prometheus';

/** The oldest Prometheus version prometheus-operator v0.93.0 supports (its compatibility matrix). */
export const OLDEST_SUPPORTED_PROMETHEUS_VERSION = 'v2.45.0';

/** The Thanos version the operator uses for the sidecar by default. */
export const DEFAULT_THANOS_VERSION = 'v0.42.4';

/** The Thanos image repository the operator uses by default. */
export const THANOS_IMAGE_REPOSITORY = 'quay.io/thanos/thanos';

const SEMVER = /^v?(\d+)\.(\d+)\.(\d+)(-[0-9A-Za-z.-]+)?$/;

/**
 * Checks a version string (`v3.5.0` or `3.5.0`) and returns it with a leading `v`. Versions
 * older than the oldest the operator supports are rejected.
 */
export function normalizePrometheusVersion(scope: IConstruct, field: string, version: string): string {
  const match = SEMVER.exec(version);
  if (!match) {
    fail(scope, field, `"${version}" is not a Prometheus version. Use a release such as "${DEFAULT_PROMETHEUS_VERSION}" (major.minor.patch, optional leading "v").`);
  }
  const oldest = SEMVER.exec(OLDEST_SUPPORTED_PROMETHEUS_VERSION)!;
  const parts = [1, 2, 3].map((i) => Number(match[i]));
  const oldestParts = [1, 2, 3].map((i) => Number(oldest[i]));
  const cmp = parts[0] - oldestParts[0] || parts[1] - oldestParts[1] || parts[2] - oldestParts[2];
  if (cmp < 0) {
    fail(scope, field, `Prometheus ${version} is older than the oldest version prometheus-operator v0.93.0 supports. Use ${OLDEST_SUPPORTED_PROMETHEUS_VERSION} or later (default ${DEFAULT_PROMETHEUS_VERSION}).`);
  }
  return version.startsWith('v') ? version : `v${version}`;
}

/** Checks a Thanos version string and returns it with a leading `v`. */
export function normalizeThanosVersion(scope: IConstruct, field: string, version: string): string {
  if (!SEMVER.test(version)) {
    fail(scope, field, `"${version}" is not a Thanos version. Use a release such as "${DEFAULT_THANOS_VERSION}" (major.minor.patch, optional leading "v").`);
  }
  return version.startsWith('v') ? version : `v${version}`;
}
