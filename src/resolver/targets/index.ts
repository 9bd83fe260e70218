/**
 * Target preview: what a Prometheus will scrape, from its rendered configuration and the app's
 * Kubernetes objects, with Prometheus 2.53's Kubernetes service discovery and relabeling.
 */
export type { ClusterOptions, ClusterState } from './cluster';
export { simulateCluster } from './cluster';
export type { LabelSet, TargetGroup } from './discovery/meta';
export { discoverKubernetes } from './kubernetes-sd';
export type { AddressAllocator, AddressKind, AddressRanges } from './placeholders';
export { cidrAddressAllocator, loopbackAddressAllocator } from './placeholders';
export type { DroppedTarget, PreviewTarget, TargetPreview, TargetPreviewInput } from './preview';
export { previewTargets, substituteOperatorVariables } from './preview';
export type { PreviewAllOptions, ResolutionPreview } from './preview-all';
export { previewResolution } from './preview-all';
