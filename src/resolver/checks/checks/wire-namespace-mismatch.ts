/**
 * WIRE-NAMESPACE-MISMATCH: a monitor that looks in the wrong namespaces. ERROR when its selector
 * matches Services (or pod templates) only in namespaces it does not look in (an unset
 * namespaceSelector means its own namespace); WARN when `namespaceSelector.matchNames` names a
 * namespace the app does not define, and when a selecting Prometheus ignores namespace selectors.
 */

import { KubeObject } from '../../types';
import { Check } from '../check';
import { CheckContext, describeObject, nsName } from '../context';
import { formatList } from '../describe';
import { Finding, FindingSeverity } from '../finding';
import { monitorReach } from '../model/monitor-targets';
import { failingRequirements } from '../model/selection';

const ID = 'WIRE-NAMESPACE-MISMATCH';

/** The check. */
export const wireNamespaceMismatch: Check = {
  id: ID,
  description: 'A monitor that looks in namespaces other than where its targets are, or in namespaces the app does not define',
  run(ctx: CheckContext): Finding[] {
    const findings: Finding[] = [];
    for (const monitor of [...ctx.selectable('ServiceMonitor'), ...ctx.selectable('PodMonitor')]) {
      findings.push(...elsewhere(ctx, monitor), ...ignored(ctx, monitor));
      findings.push(...unknownNames(ctx, monitor, monitor.spec?.namespaceSelector, 'spec.namespaceSelector.matchNames'));
    }
    for (const probe of ctx.selectable('Probe')) {
      findings.push(...unknownNames(ctx, probe, probe.spec?.targets?.ingress?.namespaceSelector, 'spec.targets.ingress.namespaceSelector.matchNames'));
    }
    return findings;
  },
};

function elsewhere(ctx: CheckContext, monitor: KubeObject): Finding[] {
  const reach = monitorReach(ctx, monitor);
  if (reach.selectorError || reach.namespaces === undefined) return [];
  const isSM = monitor.kind === 'ServiceMonitor';
  if ((isSM ? reach.services : reach.templates).length > 0) return [];
  const selector = monitor.spec?.selector ?? {};
  const others = ctx.namespaces().filter((ns) => !reach.namespaces!.includes(ns));
  const found = isSM
    ? others.flatMap((ns) => ctx.services(ns)).filter((s) => failingRequirements(selector, s.metadata.labels ?? {}).problems.length === 0)
      .map((s) => ({ ns: s.metadata.namespace ?? '', what: describeObject(s) }))
    : others.flatMap((ns) => ctx.podTemplates(ns)).filter((t) => failingRequirements(selector, t.labels).problems.length === 0)
      .map((t) => ({ ns: t.namespace, what: t.description }));
  if (found.length === 0) return [];
  const targetNs = [...new Set(found.map((f) => f.ns))];
  const ignoring = ctx.selectors(monitor).filter((p) => p.spec?.ignoreNamespaceSelectors === true);
  const why = ignoring.length > 0 && monitor.spec?.namespaceSelector
    ? `${ignoring.map((p) => `${p.kind} ${nsName(p)}`).join(', ')} sets ignoreNamespaceSelectors, so it only looks in ${reach.where}`
    : monitor.spec?.namespaceSelector?.matchNames?.length
      ? `spec.namespaceSelector.matchNames makes it look in ${reach.where} only`
      : `spec.namespaceSelector is unset, so it only looks in ${reach.where}`;
  return [ctx.finding(monitor, {
    id: ID,
    severity: FindingSeverity.ERROR,
    field: 'spec.namespaceSelector',
    problem: `${why}, but its selector matches ${found.map((f) => f.what).join(', ')}`,
    effect: 'Prometheus will discover no targets',
    fix: `set spec.namespaceSelector.matchNames: ${formatList(targetNs)} (and grant Prometheus RBAC there), `
      + `or move the ${monitor.kind} to ${targetNs.join(' or ')}`,
  })];
}

function ignored(ctx: CheckContext, monitor: KubeObject): Finding[] {
  const sel = monitor.spec?.namespaceSelector;
  if (!sel || (sel.any !== true && !(Array.isArray(sel.matchNames) && sel.matchNames.length > 0))) return [];
  const ignoring = ctx.selectors(monitor).filter((p) => p.spec?.ignoreNamespaceSelectors === true);
  if (ignoring.length === 0) return [];
  return [ctx.finding(monitor, {
    id: ID,
    severity: FindingSeverity.WARN,
    field: 'spec.namespaceSelector',
    problem: `ignored: ${ignoring.map((p) => `${p.kind} ${nsName(p)}`).join(', ')} sets spec.ignoreNamespaceSelectors`,
    effect: `That Prometheus only looks in namespace ${monitor.metadata.namespace}`,
    fix: `move the ${monitor.kind} next to its targets, or unset ignoreNamespaceSelectors`,
  })];
}

function unknownNames(ctx: CheckContext, obj: KubeObject, sel: any, field: string): Finding[] {
  if (!sel || sel.any === true || !Array.isArray(sel.matchNames)) return [];
  const findings: Finding[] = [];
  sel.matchNames.forEach((name: unknown, i: number) => {
    const ns = String(name);
    if (ctx.namespaceKnown(ns)) return;
    findings.push(ctx.finding(obj, {
      id: ID,
      severity: FindingSeverity.WARN,
      field: `${field}[${i}]`,
      problem: `namespace ${JSON.stringify(ns)} is not defined in the app (no Namespace object and no object in it; the app has ${formatList(ctx.namespaces())})`,
      effect: 'If it does not exist in the cluster, Prometheus finds no targets there',
      fix: 'correct the namespace name, or define the namespace and its objects in the app',
    }));
  });
  return findings;
}
