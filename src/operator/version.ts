/** The prometheus-operator release installed by these constructs (its CRDs are vendored in imports/crds). */
export const OPERATOR_VERSION = '0.93.0';

/** The operator image. */
export const OPERATOR_IMAGE = `quay.io/prometheus-operator/prometheus-operator:v${OPERATOR_VERSION}`;

/** The config reloader the operator runs next to Prometheus and Alertmanager. */
export const CONFIG_RELOADER_IMAGE = `quay.io/prometheus-operator/prometheus-config-reloader:v${OPERATOR_VERSION}`;
