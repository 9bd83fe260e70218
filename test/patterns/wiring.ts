/**
 * Checks, on synthesized manifests, the wiring that silently loses targets when wrong: every
 * ServiceMonitor selects at least one Service by that Service's own labels, each endpoint port is a
 * port name of those Services, and each such port's targetPort is a named container port of the
 * pods the Service selects; every PodMonitor selects pods that declare its port name.
 */

const WORKLOAD_KINDS = ['Deployment', 'StatefulSet', 'DaemonSet'];

function matches(labels: { [key: string]: string } | undefined, required: { [key: string]: string } | undefined): boolean {
  return Object.entries(required ?? {}).every(([k, v]) => labels?.[k] === v);
}

function monitorNamespaces(monitor: any): string[] | undefined {
  const selector = monitor.spec.namespaceSelector;
  if (selector?.any) {
    return undefined;
  }
  return selector?.matchNames ?? [monitor.metadata.namespace];
}

function inNamespaces(obj: any, namespaces: string[] | undefined): boolean {
  return namespaces === undefined || namespaces.includes(obj.metadata.namespace);
}

function containerPortNames(workload: any): string[] {
  return workload.spec.template.spec.containers.flatMap((c: any) => (c.ports ?? []).map((p: any) => p.name));
}

/** What a monitor is wired to. */
export interface MonitorWiring {
  readonly monitor: any;
  /** Services a ServiceMonitor selects (empty for a PodMonitor). */
  readonly services: any[];
  /** Workloads whose pods are scraped. */
  readonly workloads: any[];
}

/** Asserts the wiring of every monitor in `objects` and returns what each is wired to. */
export function expectWired(objects: any[]): MonitorWiring[] {
  const workloads = objects.filter((o) => WORKLOAD_KINDS.includes(o.kind));
  const podsOf = (namespace: string, selector: { [key: string]: string }) =>
    workloads.filter((w) => w.metadata.namespace === namespace && matches(w.spec.template.metadata.labels, selector));
  const result: MonitorWiring[] = [];
  for (const monitor of objects.filter((o) => o.kind === 'ServiceMonitor')) {
    expect(monitor.spec.selector.matchExpressions).toBeUndefined();
    const namespaces = monitorNamespaces(monitor);
    const services = objects.filter((o) => o.kind === 'Service' && inNamespaces(o, namespaces) && matches(o.metadata.labels, monitor.spec.selector.matchLabels));
    expect(services.length).toBeGreaterThan(0);
    const scraped: any[] = [];
    for (const endpoint of monitor.spec.endpoints) {
      for (const service of services) {
        const port = service.spec.ports.find((p: any) => p.name === endpoint.port);
        expect(port).toBeDefined();
        expect(typeof port.targetPort).toBe('string');
        const pods = podsOf(service.metadata.namespace, service.spec.selector);
        expect(pods.length).toBeGreaterThan(0);
        for (const workload of pods) {
          expect(containerPortNames(workload)).toContain(port.targetPort);
        }
        scraped.push(...pods);
      }
    }
    result.push({ monitor, services, workloads: [...new Set(scraped)] });
  }
  for (const monitor of objects.filter((o) => o.kind === 'PodMonitor')) {
    const namespaces = monitorNamespaces(monitor);
    const pods = workloads.filter((w) => inNamespaces(w, namespaces) && matches(w.spec.template.metadata.labels, monitor.spec.selector.matchLabels));
    expect(pods.length).toBeGreaterThan(0);
    for (const endpoint of monitor.spec.podMetricsEndpoints) {
      for (const workload of pods) {
        expect(containerPortNames(workload)).toContain(endpoint.port);
      }
    }
    result.push({ monitor, services: [], workloads: pods });
  }
  return result;
}
