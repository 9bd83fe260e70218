/**
 * What a ServiceMonitor or PodMonitor reaches in the app: the namespaces it looks in
 * (spec.namespaceSelector, or its own namespace when a selecting Prometheus ignores namespace
 * selectors), the Services or pod templates its selector matches there, and the pods behind
 * each Service.
 */

import { compileLabelSelector, LabelSelectorError, selectorFromSet } from '../../select/label-selector';
import { KubeObject } from '../../types';
import { CheckContext } from '../context';
import { PodTemplate } from './pod-templates';

/** Where a monitor looks and what it finds. */
export interface MonitorReach {
  /** The namespaces it looks in; `undefined` means every namespace. */
  readonly namespaces: readonly string[] | undefined;
  /** `namespace apps`, `namespaces [a, b]` or `all namespaces`. */
  readonly where: string;
  /** Why spec.selector is invalid, if it is (then nothing matches). */
  readonly selectorError?: string;
  /** ServiceMonitor: the Services its selector matches. */
  readonly services: readonly KubeObject[];
  /** PodMonitor: the pod templates its selector matches; ServiceMonitor: the pods behind its Services. */
  readonly templates: readonly PodTemplate[];
}

/** The namespaces a monitor's `spec.namespaceSelector` names (undefined = all). */
export function monitorNamespaces(ctx: CheckContext, monitor: KubeObject): readonly string[] | undefined {
  const own = monitor.metadata.namespace ?? '';
  const owners = ctx.selectors(monitor);
  if (owners.length > 0 && owners.every((p) => p.spec?.ignoreNamespaceSelectors === true)) return [own];
  const sel = monitor.spec?.namespaceSelector;
  if (sel?.any === true) return undefined;
  const names: unknown[] = Array.isArray(sel?.matchNames) ? sel.matchNames : [];
  return names.length > 0 ? [...new Set(names.map(String))] : [own];
}

/** How messages say where a monitor looks. */
export function describeNamespaces(namespaces: readonly string[] | undefined): string {
  if (namespaces === undefined) return 'all namespaces';
  return namespaces.length === 1 ? `namespace ${namespaces[0]}` : `namespaces [${namespaces.join(', ')}]`;
}

/** The namespaces to search: the given ones, or every namespace of the app. */
export function searchNamespaces(ctx: CheckContext, namespaces: readonly string[] | undefined): readonly string[] {
  return namespaces ?? ctx.namespaces();
}

/** The pod templates a Service's `spec.selector` matches in its namespace (none without a selector). */
export function serviceTemplates(ctx: CheckContext, svc: KubeObject): readonly PodTemplate[] {
  return ctx.cached(svc, 'service-templates', () => {
    const selector = svc.spec?.selector;
    if (!selector || typeof selector !== 'object' || Object.keys(selector).length === 0) return [];
    const { matches } = selectorFromSet(selector);
    return ctx.podTemplates(svc.metadata.namespace ?? '').filter((t) => matches(t.labels));
  });
}

/** What a ServiceMonitor or PodMonitor reaches. */
export function monitorReach(ctx: CheckContext, monitor: KubeObject): MonitorReach {
  return ctx.cached(monitor, 'monitor-reach', () => {
    const namespaces = monitorNamespaces(ctx, monitor);
    const where = describeNamespaces(namespaces);
    let matches: (labels: Readonly<Record<string, string>> | undefined) => boolean;
    try {
      matches = compileLabelSelector(monitor.spec?.selector ?? {}).matches;
    } catch (e) {
      if (!(e instanceof LabelSelectorError)) throw e;
      return { namespaces, where, selectorError: e.message, services: [], templates: [] };
    }
    const search = searchNamespaces(ctx, namespaces);
    if (monitor.kind === 'PodMonitor') {
      const templates = search.flatMap((ns) => ctx.podTemplates(ns)).filter((t) => matches(t.labels));
      return { namespaces, where, services: [], templates };
    }
    const services = search.flatMap((ns) => ctx.services(ns)).filter((s) => matches(s.metadata.labels));
    const templates = [...new Set(services.flatMap((s) => serviceTemplates(ctx, s)))];
    return { namespaces, where, services, templates };
  });
}

/** The ServiceMonitors of the app whose selector reaches `svc`. */
export function monitorsOfService(ctx: CheckContext, svc: KubeObject): readonly KubeObject[] {
  const index = ctx.cached(ctx.objects, 'monitors-of-service', () => {
    const map = new Map<KubeObject, KubeObject[]>();
    for (const m of ctx.selectable('ServiceMonitor')) {
      for (const s of monitorReach(ctx, m).services) map.set(s, [...(map.get(s) ?? []), m]);
    }
    return map;
  });
  return index.get(svc) ?? [];
}
