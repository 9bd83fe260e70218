/**
 * The namespace the API server gives a namespaced object created without one: the namespace of
 * the request (`kubectl apply` uses the context's namespace, `default` unless configured).
 */

import { KubeObject } from '../types';

/** Kinds of the core Kubernetes API groups that are cluster-scoped (they never get a namespace). */
const CLUSTER_SCOPED = new Set([
  'Namespace', 'Node', 'PersistentVolume', 'ClusterRole', 'ClusterRoleBinding', 'CustomResourceDefinition',
  'StorageClass', 'PriorityClass', 'IngressClass', 'RuntimeClass', 'CSIDriver', 'CSINode', 'VolumeAttachment',
  'APIService', 'MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration', 'ValidatingAdmissionPolicy',
  'ValidatingAdmissionPolicyBinding', 'CertificateSigningRequest', 'ComponentStatus', 'FlowSchema',
  'PriorityLevelConfiguration', 'PodSecurityPolicy',
]);

/** The namespace `kubectl apply` uses when neither the object nor the context names one. */
export const DEFAULT_NAMESPACE = 'default';

/** True when objects of `kind` live in a namespace (everything but the known cluster-scoped kinds). */
export function isNamespaced(kind: string): boolean {
  return !CLUSTER_SCOPED.has(kind);
}

/**
 * `obj` with metadata.namespace set to `namespace` when it is namespaced and has none, else
 * `obj` itself. The input is never modified.
 */
export function withDefaultNamespace<T extends KubeObject>(obj: T, namespace: string = DEFAULT_NAMESPACE): T {
  if (obj.metadata?.namespace || !isNamespaced(obj.kind)) return obj;
  return { ...obj, metadata: { ...obj.metadata, namespace } };
}
