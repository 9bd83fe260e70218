/**
 * SEL-NAMESPACE-UNSELECTED: a monitor or rule whose labels a Prometheus selects, but whose
 * namespace that Prometheus's namespace selector does not cover (unset = the Prometheus's own
 * namespace only). When the selector uses labels of a Namespace the app does not define, the
 * finding is a WARN: the labels cannot be verified.
 */

import { SelectableKind } from '../../select/object-index';
import { Check } from '../check';
import { CheckContext, nsName } from '../context';
import { Finding, FindingSeverity } from '../finding';
import { SELECTOR_FIELDS } from '../model/selection';
import { classifyUnselected, Unselected } from '../model/unselected';

const ID = 'SEL-NAMESPACE-UNSELECTED';
const KINDS: readonly SelectableKind[] = ['ServiceMonitor', 'PodMonitor', 'Probe', 'ScrapeConfig', 'PrometheusRule'];

/** The check. */
export const selNamespaceUnselected: Check = {
  id: ID,
  description: 'A monitor or rule in a namespace the selecting Prometheus does not watch',
  run(ctx: CheckContext): Finding[] {
    const findings: Finding[] = [];
    for (const obj of KINDS.flatMap((k) => ctx.selectable(k))) {
      const { state, explanations } = classifyUnselected(ctx, obj);
      if (state !== Unselected.NAMESPACE) continue;
      const byLabels = explanations.filter((e) => e.labelsMatch && e.namespaceProblem !== undefined);
      const ns = obj.metadata.namespace ?? '';
      const nsField = SELECTOR_FIELDS[obj.kind].namespaceSelector;
      const owners = byLabels.map((e) => `${e.owner.kind} ${nsName(e.owner)}`);
      const unverifiable = byLabels.every((e) => e.namespaceUnverifiable);
      findings.push(ctx.finding(obj, {
        id: ID,
        severity: unverifiable ? FindingSeverity.WARN : FindingSeverity.ERROR,
        field: 'metadata.namespace',
        problem: byLabels.map((e) => `${e.owner.kind} ${nsName(e.owner)} selects its labels but ${e.namespaceProblem}`).join('; '),
        effect: unverifiable
          ? `If Namespace ${ns} lacks those labels in the cluster, ${obj.kind === 'PrometheusRule' ? 'its rules will not be evaluated' : 'Prometheus will not scrape it'}`
          : obj.kind === 'PrometheusRule' ? 'Its rules will not be evaluated' : 'Prometheus will not scrape it',
        fix: unverifiable
          ? `define Namespace ${ns} in the app with the labels spec.${nsField} of ${owners.join(', ')} requires`
          : byLabels.some((e) => e.owner.spec?.[nsField] === undefined || e.owner.spec?.[nsField] === null)
            ? `set spec.${nsField} of ${owners.join(', ')} to {} (all namespaces) or {matchLabels: {kubernetes.io/metadata.name: ${ns}}}, `
              + `or move the ${obj.kind} to ${byLabels.map((e) => `"${e.owner.metadata.namespace}"`).join(' or ')}`
            : `label Namespace ${ns} to match spec.${nsField} of ${owners.join(', ')}, or widen that selector`,
      }));
    }
    return findings;
  },
};
