/**
 * Shapes shared by every part of the resolver. The resolver works on plain Kubernetes objects
 * (parsed YAML or synthesized JSON), never on constructs, so that the same code serves the
 * constructs at synth time, the command-line tool and the parity corpus.
 */

/** Object metadata as the resolver reads it. */
export interface KubeMetadata {
  name?: string;
  namespace?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  [key: string]: any;
}

/** Any Kubernetes object, as plain JSON. */
export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: KubeMetadata;
  spec?: any;
  [key: string]: any;
}

/** Where an object came from, for messages: a file and document index, or a construct path. */
export interface ObjectSource {
  /** File path (CLI) or undefined for synthesized objects. */
  file?: string;
  /** Zero-based index of the YAML document within the file. */
  document?: number;
  /** cdk8s construct path of the object's ApiObject, when synthesized by cdk8s. */
  constructPath?: string;
}

/** Operator options that are not Kubernetes objects (command-line flags and feature gates of the operator). */
export interface OperatorOptions {
  /** The cluster supports EndpointSlice discovery (the operator's --endpointslice detection). */
  endpointSliceSupport?: boolean;
  /** Enabled operator feature gates, e.g. PrometheusTopologySharding, PrometheusShardRetentionPolicy, PrometheusAgentDaemonSet. */
  featureGates?: string[];
  /** Pod topology labels are injected by the API server (Kubernetes >= 1.35 PodTopologyLabelsAdmission). */
  podTopologyLabelsSupport?: boolean;
}

/** The API groups and kinds the resolver understands. */
export const MONITORING_GROUP = 'monitoring.coreos.com';

/** `namespace/name` of an object, the key the operator uses in job names and messages. */
export function objectKey(obj: KubeObject): string {
  return `${obj.metadata.namespace ?? ''}/${obj.metadata.name ?? ''}`;
}
