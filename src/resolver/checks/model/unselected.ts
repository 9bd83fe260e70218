/**
 * Classifies why no Prometheus picks up a monitor or rule, so that each cause is reported by
 * exactly one check: a nil selector on the Prometheus (SEL-NIL-SELECTOR, reported on the
 * Prometheus), a namespace outside the namespace selector (SEL-NAMESPACE-UNSELECTED), or labels
 * (SEL-MONITOR-UNSELECTED / SEL-RULE-UNSELECTED).
 */

import { KubeObject } from '../../types';
import { CheckContext, nsName } from '../context';
import { formatLabels } from '../describe';
import { SelectionExplanation } from './selection';

/** Why an object is not picked up. */
export enum Unselected {
  /** Some owner selects it. */
  SELECTED = 'selected',
  /** No owner in the app at all. */
  NO_OWNER = 'no-owner',
  /** Every owner's selector of this kind is unset while its namespace selector covers the object. */
  NIL_SELECTOR = 'nil-selector',
  /** Some owner's label selector matches, but no such owner covers the namespace. */
  NAMESPACE = 'namespace',
  /** No owner's label selector matches. */
  LABELS = 'labels',
}

/** The classification and the explanations behind it. */
export interface UnselectedResult {
  readonly state: Unselected;
  readonly explanations: readonly SelectionExplanation[];
}

/** Classifies `obj` (a monitor or rule). */
export function classifyUnselected(ctx: CheckContext, obj: KubeObject): UnselectedResult {
  return ctx.cached(obj, 'unselected', () => {
    const explanations = ctx.explain(obj);
    let state: Unselected;
    if (explanations.length === 0) state = Unselected.NO_OWNER;
    else if (ctx.selectors(obj).length > 0) state = Unselected.SELECTED;
    else if (ctx.undecidedSelectors(obj).length > 0) state = Unselected.NAMESPACE;
    else if (explanations.every((e) => e.selectorUnset && e.namespaceMatches)) state = Unselected.NIL_SELECTOR;
    else if (explanations.some((e) => e.labelsMatch && !e.namespaceMatches)) state = Unselected.NAMESPACE;
    else state = Unselected.LABELS;
    return { state, explanations };
  });
}

/**
 * One owner's reasons, e.g. `Prometheus monitoring/k8s needs labels release=prometheus (missing)`
 * or `Prometheus monitoring/x selects no PodMonitor (spec.podMonitorSelector is unset)`, with the
 * namespace problem appended.
 */
export function describeReasons(ctx: CheckContext, e: SelectionExplanation, kind: string, selectorField: string): string {
  const owner = `${e.owner.kind} ${nsName(e.owner)}`;
  const reasons: string[] = [];
  const error = ctx.selections().find((s) => s.prometheus === e.owner)?.error;
  if (error) reasons.push(`${owner} selects nothing (${error})`);
  else if (e.selectorUnset) reasons.push(`${owner} selects no ${kind} (spec.${selectorField} is unset)`);
  else if (e.selectorInvalid) reasons.push(`${owner} has an invalid spec.${selectorField} (${e.selectorInvalid})`);
  else if (e.labelProblems.length > 0) reasons.push(`${owner} needs labels ${e.labelProblems.join(', ')}`);
  else reasons.push(`${owner} matches its labels`);
  if (e.namespaceProblem) reasons.push(`${e.namespaceProblem}`);
  return reasons.join(', and ');
}

/** The fix for label mismatches: the labels to add for the first owner that needs any, and the selectors to widen. */
export function labelFix(kind: string, explanations: readonly SelectionExplanation[], selectorField: string): string {
  const withLabels = explanations.filter((e) => !e.selectorUnset && !e.selectorInvalid && Object.keys(e.labelsToAdd).length > 0);
  const parts: string[] = [];
  if (withLabels.length > 0) {
    const first = withLabels[0];
    parts.push(`add labels ${formatLabels(first.labelsToAdd)} to the ${kind} (what ${first.owner.kind} ${nsName(first.owner)} selects)`);
  }
  const owners = explanations.map((e) => `${e.owner.kind} ${nsName(e.owner)}`);
  parts.push(`widen spec.${selectorField} of ${owners.join(', ')}`);
  return parts.join(', or ');
}
