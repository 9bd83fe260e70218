import { ApiObject, Chart, JsonPatch } from 'cdk8s';

/**
 * Marks an object as cluster-scoped (ClusterRole, CustomResourceDefinition, ...): a chart's
 * namespace would otherwise be written into its metadata, which Kubernetes does not expect.
 */
export function clusterScoped(obj: ApiObject): ApiObject {
  if (Chart.of(obj).namespace !== undefined) {
    obj.addJsonPatch(JsonPatch.remove('/metadata/namespace'));
  }
  return obj;
}
