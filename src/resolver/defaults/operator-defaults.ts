/**
 * The defaults of prometheus-operator v0.93.0 (pkg/operator/defaults.go): its own release and
 * images, and the versions and images of Prometheus, Alertmanager and Thanos it deploys when an
 * object does not name them. The constructs and the resolver both read them from here.
 */

import { KubeObject } from '../types';

/** The prometheus-operator release this library models (its CRDs are vendored in imports/crds). */
export const OPERATOR_VERSION = '0.93.0';

/** The operator image. */
export const OPERATOR_IMAGE = `quay.io/prometheus-operator/prometheus-operator:v${OPERATOR_VERSION}`;

/** The config reloader the operator runs next to Prometheus and Alertmanager. */
export const CONFIG_RELOADER_IMAGE = `quay.io/prometheus-operator/prometheus-config-reloader:v${OPERATOR_VERSION}`;

/** The Prometheus version the operator deploys and generates configuration for when `spec.version` is not set. */
export const DEFAULT_PROMETHEUS_VERSION = 'v3.13.2';

/** The oldest Prometheus version the operator supports (the first entry of its compatibility matrix). */
export const OLDEST_SUPPORTED_PROMETHEUS_VERSION = 'v2.45.0';

/** The Prometheus image repository the operator uses by default. */
export const PROMETHEUS_IMAGE_REPOSITORY = 'quay.io/prometheus/prometheus';

/** The Alertmanager version the operator deploys when `spec.version` is not set. */
export const DEFAULT_ALERTMANAGER_VERSION = 'v0.33.1';

/** The Alertmanager image repository the operator uses by default. */
export const ALERTMANAGER_IMAGE_REPOSITORY = 'quay.io/prometheus/alertmanager';

/** The Thanos version the operator uses for the sidecar by default. */
export const DEFAULT_THANOS_VERSION = 'v0.42.4';

/** The Thanos image repository the operator uses by default. */
export const THANOS_IMAGE_REPOSITORY = 'quay.io/thanos/thanos';

/** The Prometheus version the operator works with for a Prometheus or PrometheusAgent: `spec.version`, else its default. */
export function prometheusVersionOf(prometheus: KubeObject): string {
  const version = prometheus.spec?.version;
  return version ? String(version) : DEFAULT_PROMETHEUS_VERSION;
}
