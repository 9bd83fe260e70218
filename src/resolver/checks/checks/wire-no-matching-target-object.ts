/**
 * WIRE-NO-MATCHING-TARGET-OBJECT: a ServiceMonitor whose spec.selector matches no Service, or a
 * PodMonitor whose spec.selector matches no pod template, in the namespaces it looks in. Names
 * the nearest miss. When the app has nothing of that kind there, the finding is a WARN (the
 * Services may be deployed by something else). A match in another namespace is left to
 * WIRE-NAMESPACE-MISMATCH.
 */

import { formatLabelSelector } from '../../select/label-selector';
import { KubeObject } from '../../types';
import { Check } from '../check';
import { CheckContext, describeObject } from '../context';
import { formatLabels } from '../describe';
import { Finding, FindingSeverity } from '../finding';
import { monitorReach, searchNamespaces } from '../model/monitor-targets';
import { failingRequirements } from '../model/selection';

const ID = 'WIRE-NO-MATCHING-TARGET-OBJECT';

/** A Service or pod template a monitor's selector is tried against. */
interface Candidate {
  readonly description: string;
  readonly namespace: string;
  readonly labels: Readonly<Record<string, string>>;
}

/** The check. */
export const wireNoMatchingTargetObject: Check = {
  id: ID,
  description: 'A ServiceMonitor or PodMonitor whose selector matches no Service or pod template',
  run(ctx: CheckContext): Finding[] {
    const findings: Finding[] = [];
    for (const monitor of [...ctx.selectable('ServiceMonitor'), ...ctx.selectable('PodMonitor')]) {
      const reach = monitorReach(ctx, monitor);
      if (reach.selectorError) continue;
      const isSM = monitor.kind === 'ServiceMonitor';
      if ((isSM ? reach.services : reach.templates).length > 0) continue;
      const selector = monitor.spec?.selector ?? {};
      const matches = (c: Candidate) => failingRequirements(selector, c.labels).problems.length === 0;
      if (candidatesIn(ctx, isSM, ctx.namespaces()).some(matches)) continue;
      const searched = candidatesIn(ctx, isSM, searchNamespaces(ctx, reach.namespaces));
      const what = isSM ? 'Service' : 'pod template';
      const sel = `{${formatLabelSelector(selector)}}`;
      if (searched.length === 0) {
        findings.push(ctx.finding(monitor, {
          id: ID,
          severity: FindingSeverity.WARN,
          field: 'spec.selector',
          problem: `cannot verify ${sel}: the app defines no ${what} in ${reach.where}`,
          effect: `If no ${what} there carries these labels, Prometheus will discover no targets`,
          fix: `include the ${isSM ? 'Services' : 'workloads'} in the checked objects, or acknowledge this finding`,
        }));
        continue;
      }
      const closest = nearest(selector, searched);
      const misses = failingRequirements(selector, closest.labels);
      findings.push(ctx.finding(monitor, {
        id: ID,
        severity: FindingSeverity.ERROR,
        field: 'spec.selector',
        problem: `${sel} matches no ${what} in ${reach.where}. Closest: ${closest.description} with labels ${formatLabels(closest.labels)} `
          + `fails ${misses.problems.join(', ')}`,
        effect: 'Prometheus will discover no targets',
        fix: `set spec.selector to labels ${closest.description} carries, or add ${formatLabels(misses.labelsToAdd)} to its `
          + (isSM ? 'metadata.labels (a ServiceMonitor matches Service labels, not pod labels)' : 'pod template labels'),
      }));
    }
    return findings;
  },
};

function candidatesIn(ctx: CheckContext, services: boolean, namespaces: readonly string[]): Candidate[] {
  if (services) {
    return namespaces.flatMap((ns) => ctx.services(ns)).map((s: KubeObject) => ({
      description: describeObject(s), namespace: s.metadata.namespace ?? '', labels: s.metadata.labels ?? {},
    }));
  }
  return namespaces.flatMap((ns) => ctx.podTemplates(ns)).map((t) => ({
    description: t.description, namespace: t.namespace, labels: t.labels,
  }));
}

function nearest(selector: any, candidates: readonly Candidate[]): Candidate {
  let best = candidates[0];
  let bestMisses = Infinity;
  for (const c of candidates) {
    const misses = failingRequirements(selector, c.labels).problems.length;
    if (misses < bestMisses) {
      best = c;
      bestMisses = misses;
    }
  }
  return best;
}
