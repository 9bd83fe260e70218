import { IConstruct } from 'constructs';
import { fail } from '../common/errors';
import {
  DEFAULT_PROMETHEUS_VERSION, DEFAULT_THANOS_VERSION, OLDEST_SUPPORTED_PROMETHEUS_VERSION, OPERATOR_VERSION,
} from '../resolver/defaults/operator-defaults';
import { compareVersions } from '../resolver/render/version';

const SEMVER = /^v?(\d+)\.(\d+)\.(\d+)(-[0-9A-Za-z.-]+)?$/;

/**
 * Checks a version string (`v3.5.0` or `3.5.0`) and returns it with a leading `v`. Versions
 * older than the oldest the operator supports are rejected.
 */
export function normalizePrometheusVersion(scope: IConstruct, field: string, version: string): string {
  if (!SEMVER.test(version)) {
    fail(scope, field, `"${version}" is not a Prometheus version. Use a release such as "${DEFAULT_PROMETHEUS_VERSION}" (major.minor.patch, optional leading "v").`);
  }
  const [major, minor, patch] = SEMVER.exec(version)!.slice(1, 4);
  if (compareVersions(`${major}.${minor}.${patch}`, OLDEST_SUPPORTED_PROMETHEUS_VERSION) < 0) {
    fail(scope, field, `Prometheus ${version} is older than the oldest version prometheus-operator v${OPERATOR_VERSION} supports. `
      + `Use ${OLDEST_SUPPORTED_PROMETHEUS_VERSION} or later (default ${DEFAULT_PROMETHEUS_VERSION}).`);
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
