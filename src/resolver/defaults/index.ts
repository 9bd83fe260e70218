/**
 * Objects as the API server stores them: CRD schema defaults for monitoring.coreos.com objects
 * and the request namespace for namespaced objects written without one; the operator's own defaults.
 */

export { applyCrdDefaults, hasCrdSchema } from './apply-defaults';
export { withDefaultNamespace, isNamespaced, DEFAULT_NAMESPACE } from './namespace';
export * from './operator-defaults';
