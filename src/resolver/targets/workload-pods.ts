import { KubeObject } from '../types';
import { placeholderSuffix, placeholderUid } from './placeholders';

/**
 * The Pods that workload controllers will create for a workload, with the names, labels and owner
 * references the real controllers give them. Names carry deterministic placeholder suffixes where
 * the controller would use a random or hashed one (`web-5d8f7c9b6x-k2x4q`).
 */

/** Workload kinds whose Pods are predicted. */
export const WORKLOAD_KINDS: ReadonlySet<string> = new Set(['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'Job']);

/**
 * The Pods of one workload, before scheduling (no addresses yet). `nodeNames` are the cluster's
 * nodes: a DaemonSet gets one Pod on each. A Deployment's Pods belong to the ReplicaSet it creates.
 */
export function podsForWorkload(workload: KubeObject, nodeNames: readonly string[]): KubeObject[] {
  const ns = workload.metadata.namespace!;
  const name = workload.metadata.name ?? '';
  const spec = workload.spec ?? {};
  const uid = workload.metadata.uid ?? placeholderUid(`${workload.kind}/${ns}/${name}`);
  const owner = { apiVersion: workload.apiVersion, kind: workload.kind, name, uid, controller: true, blockOwnerDeletion: true };
  const make = (podName: string, extraLabels: Record<string, string>, specPatch: Record<string, unknown> = {}): KubeObject =>
    podFromTemplate(spec.template, ns, podName, extraLabels, owner, specPatch);
  const replicas = (value: unknown, fallback: number): number => (typeof value === 'number' && value >= 0 ? value : fallback);

  switch (workload.kind) {
    case 'Deployment': {
      const hash = placeholderSuffix(`pod-template-hash/${ns}/${name}`, 10);
      const rs: KubeObject = {
        apiVersion: 'apps/v1',
        kind: 'ReplicaSet',
        metadata: { name: `${name}-${hash}`, namespace: ns, uid: placeholderUid(`ReplicaSet/${ns}/${name}-${hash}`) },
        spec: { replicas: replicas(spec.replicas, 1), template: withLabels(spec.template, { 'pod-template-hash': hash }) },
      };
      return podsForWorkload(rs, nodeNames);
    }
    case 'ReplicaSet':
      return range(replicas(spec.replicas, 1)).map((i) => make(`${name}-${placeholderSuffix(`${ns}/${name}/${i}`, 5)}`, {}));
    case 'StatefulSet': {
      const revision = `${name}-${placeholderSuffix(`controller-revision-hash/${ns}/${name}`, 10)}`;
      return range(replicas(spec.replicas, 1)).map((i) => {
        const podName = `${name}-${i}`;
        const labels = {
          'controller-revision-hash': revision,
          'statefulset.kubernetes.io/pod-name': podName,
          'apps.kubernetes.io/pod-index': String(i),
        };
        return make(podName, labels, { hostname: podName, ...(spec.serviceName ? { subdomain: spec.serviceName } : {}) });
      });
    }
    case 'DaemonSet': {
      const revision = placeholderSuffix(`controller-revision-hash/${ns}/${name}`, 10);
      return nodeNames.map((node) => make(`${name}-${placeholderSuffix(`${ns}/${name}/${node}`, 5)}`,
        { 'controller-revision-hash': revision, 'pod-template-generation': '1' }, { nodeName: node }));
    }
    case 'Job': {
      const count = Math.min(replicas(spec.parallelism, 1), typeof spec.completions === 'number' ? spec.completions : Infinity);
      const indexed = spec.completionMode === 'Indexed';
      return range(count).map((i) => {
        const labels: Record<string, string> = {
          'batch.kubernetes.io/controller-uid': uid,
          'batch.kubernetes.io/job-name': name,
          'controller-uid': uid,
          'job-name': name,
        };
        if (indexed) {
          labels['batch.kubernetes.io/job-completion-index'] = String(i);
        }
        const podName = indexed ? `${name}-${i}-${placeholderSuffix(`${ns}/${name}/${i}`, 5)}` : `${name}-${placeholderSuffix(`${ns}/${name}/${i}`, 5)}`;
        return make(podName, labels);
      });
    }
    default:
      return [];
  }
}

function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}

function withLabels(template: any, labels: Record<string, string>): any {
  const t = template ?? {};
  return { ...t, metadata: { ...(t.metadata ?? {}), labels: { ...(t.metadata?.labels ?? {}), ...labels } } };
}

function podFromTemplate(template: any, namespace: string, name: string, extraLabels: Record<string, string>,
  owner: Record<string, unknown>, specPatch: Record<string, unknown>): KubeObject {
  const meta = template?.metadata ?? {};
  const metadata: Record<string, unknown> = {
    name,
    namespace,
    labels: { ...(meta.labels ?? {}), ...extraLabels },
    ownerReferences: [owner],
  };
  if (meta.annotations && Object.keys(meta.annotations).length > 0) {
    metadata.annotations = { ...meta.annotations };
  }
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: metadata as KubeObject['metadata'],
    spec: { ...structuredClone(template?.spec ?? {}), ...specPatch },
  };
}
