/**
 * The cluster permissions prometheus-operator v0.93.0 needs (Documentation/platform/rbac.md of
 * the operator): everything on its own resources and the StatefulSets, ConfigMaps and Secrets it
 * generates; the governing Services and kubelet Endpoints it maintains; reads of Namespaces,
 * Nodes, Ingresses and StorageClasses; Events.
 */
export function operatorClusterRules(kubeletEndpointSlice: boolean): object[] {
  const rules: object[] = [
    {
      apiGroups: ['monitoring.coreos.com'],
      resources: [
        'alertmanagers', 'alertmanagers/finalizers', 'alertmanagers/status', 'alertmanagerconfigs',
        'prometheuses', 'prometheuses/finalizers', 'prometheuses/status',
        'prometheusagents', 'prometheusagents/finalizers', 'prometheusagents/status',
        'thanosrulers', 'thanosrulers/finalizers', 'thanosrulers/status',
        'scrapeconfigs', 'scrapeconfigs/status', 'servicemonitors', 'servicemonitors/status',
        'podmonitors', 'podmonitors/status', 'probes', 'probes/status', 'prometheusrules', 'prometheusrules/status',
      ],
      verbs: ['*'],
    },
    { apiGroups: ['apps'], resources: ['statefulsets'], verbs: ['*'] },
    { apiGroups: [''], resources: ['configmaps', 'secrets'], verbs: ['*'] },
    { apiGroups: [''], resources: ['pods'], verbs: ['list', 'delete'] },
    { apiGroups: [''], resources: ['services', 'services/finalizers'], verbs: ['get', 'create', 'update', 'delete'] },
    { apiGroups: [''], resources: ['nodes'], verbs: ['list', 'watch'] },
    { apiGroups: [''], resources: ['namespaces'], verbs: ['get', 'list', 'watch'] },
    { apiGroups: ['events.k8s.io'], resources: ['events'], verbs: ['patch', 'create'] },
    { apiGroups: ['networking.k8s.io'], resources: ['ingresses'], verbs: ['get', 'list', 'watch'] },
    { apiGroups: ['storage.k8s.io'], resources: ['storageclasses'], verbs: ['get'] },
    { apiGroups: [''], resources: ['endpoints'], verbs: ['get', 'create', 'update', 'delete'] },
  ];
  if (kubeletEndpointSlice) {
    rules.push({ apiGroups: ['discovery.k8s.io'], resources: ['endpointslices'], verbs: ['get', 'create', 'list', 'update', 'delete'] });
  }
  return rules;
}
