/**
 * Why a Prometheus (or PrometheusAgent, or ThanosRuler for rules) does or does not pick up a
 * monitor or rule: its label selector against the object's labels, requirement by requirement,
 * and its namespace selector against the object's namespace (nil = its own namespace, `{}` = all).
 * The result names the missing labels so that messages can say exactly what to add.
 */

import { compileLabelSelector, formatLabelSelector, LabelSelector, LabelSelectorError } from '../../select/label-selector';
import { KubeObject } from '../../types';

/** The selector fields of a Prometheus for one selectable kind. */
export interface SelectorFields {
  /** The label selector field, e.g. `serviceMonitorSelector`. */
  readonly selector: string;
  /** The namespace selector field, e.g. `serviceMonitorNamespaceSelector`. */
  readonly namespaceSelector: string;
}

/** Selector fields per selectable kind. */
export const SELECTOR_FIELDS: Readonly<Record<string, SelectorFields>> = {
  ServiceMonitor: { selector: 'serviceMonitorSelector', namespaceSelector: 'serviceMonitorNamespaceSelector' },
  PodMonitor: { selector: 'podMonitorSelector', namespaceSelector: 'podMonitorNamespaceSelector' },
  Probe: { selector: 'probeSelector', namespaceSelector: 'probeNamespaceSelector' },
  ScrapeConfig: { selector: 'scrapeConfigSelector', namespaceSelector: 'scrapeConfigNamespaceSelector' },
  PrometheusRule: { selector: 'ruleSelector', namespaceSelector: 'ruleNamespaceSelector' },
};

/** Why one selector owner does or does not select one object. */
export interface SelectionExplanation {
  /** The Prometheus, PrometheusAgent or ThanosRuler. */
  readonly owner: KubeObject;
  /** True when both selectors match. */
  readonly labelsMatch: boolean;
  /** True when the namespace selector covers the object's namespace. */
  readonly namespaceMatches: boolean;
  /** The label selector is unset (selects nothing). */
  readonly selectorUnset: boolean;
  /** The label selector is invalid (the operator fails the whole reconcile). */
  readonly selectorInvalid?: string;
  /** Requirements of a valid selector the object's labels fail, e.g. `release=prometheus (missing)`. */
  readonly labelProblems: readonly string[];
  /** Labels the object would need, for the fix (`matchLabels` entries it lacks or has wrong). */
  readonly labelsToAdd: Readonly<Record<string, string>>;
  /** Why the namespace is outside the namespace selector, if it is. */
  readonly namespaceProblem?: string;
  /** The namespace selector uses labels of a Namespace the objects do not define. */
  readonly namespaceUnverifiable: boolean;
}

/**
 * Explains whether `owner` selects `obj`. `namespaceLabels` returns the labels of a namespace
 * (with `kubernetes.io/metadata.name`), or undefined when the Namespace is not among the objects.
 */
export function explainSelection(
  owner: KubeObject, obj: KubeObject,
  namespaceLabels: (ns: string) => Readonly<Record<string, string>> | undefined,
): SelectionExplanation {
  const fields = SELECTOR_FIELDS[obj.kind];
  const spec = owner.spec ?? {};
  const selector: LabelSelector | null | undefined = spec[fields.selector];
  const nsSelector: LabelSelector | null | undefined = spec[fields.namespaceSelector];
  const ownNs = owner.metadata.namespace ?? '';
  const objNs = obj.metadata.namespace ?? '';
  const labels = obj.metadata.labels ?? {};

  const labelProblems: string[] = [];
  const labelsToAdd: Record<string, string> = {};
  let selectorInvalid: string | undefined;
  const selectorUnset = selector === undefined || selector === null;
  if (!selectorUnset) {
    try {
      compileLabelSelector(selector);
      const misses = failingRequirements(selector, labels);
      labelProblems.push(...misses.problems);
      Object.assign(labelsToAdd, misses.labelsToAdd);
    } catch (err) {
      if (!(err instanceof LabelSelectorError)) throw err;
      selectorInvalid = err.message;
    }
  }

  let namespaceProblem: string | undefined;
  let namespaceUnverifiable = false;
  if (nsSelector === undefined || nsSelector === null) {
    if (objNs !== ownNs) {
      namespaceProblem = `spec.${fields.namespaceSelector} is unset, which means only namespace ${quote(ownNs)}`;
    }
  } else {
    let nsSel;
    try {
      nsSel = compileLabelSelector(nsSelector);
    } catch (err) {
      if (!(err instanceof LabelSelectorError)) throw err;
      namespaceProblem = `spec.${fields.namespaceSelector} is invalid: ${err.message}`;
    }
    if (nsSel && !nsSel.everything) {
      const known = namespaceLabels(objNs);
      const nsLabels = known ?? { 'kubernetes.io/metadata.name': objNs };
      if (!nsSel.matches(nsLabels)) {
        namespaceUnverifiable = known === undefined;
        namespaceProblem = known === undefined
          ? `namespace ${quote(objNs)} is not defined in the app, so its labels cannot be matched against spec.${fields.namespaceSelector} {${formatLabelSelector(nsSelector)}}`
          : `namespace ${quote(objNs)} (labels {${formatLabelSelector({ matchLabels: known })}}) does not match spec.${fields.namespaceSelector} {${formatLabelSelector(nsSelector)}}`;
      }
    }
  }

  return {
    owner,
    labelsMatch: !selectorUnset && selectorInvalid === undefined && labelProblems.length === 0,
    namespaceMatches: namespaceProblem === undefined,
    selectorUnset,
    selectorInvalid,
    labelProblems,
    labelsToAdd,
    namespaceProblem,
    namespaceUnverifiable,
  };
}

function quote(s: string): string {
  return JSON.stringify(s);
}

/** The requirements of a (valid) selector that `labels` fail, described, and the labels that would satisfy them. */
export function failingRequirements(selector: LabelSelector, labels: Readonly<Record<string, string>>): {
  problems: string[]; labelsToAdd: Record<string, string>;
} {
  const problems: string[] = [];
  const labelsToAdd: Record<string, string> = {};
  for (const [k, v] of Object.entries(selector.matchLabels ?? {})) {
    if (labels[k] === String(v)) continue;
    problems.push(labels[k] === undefined ? `${k}=${v} (missing)` : `${k}=${v} (has ${k}=${labels[k]})`);
    labelsToAdd[k] = String(v);
  }
  for (const e of selector.matchExpressions ?? []) {
    if (compileLabelSelector({ matchExpressions: [e] }).matches(labels)) continue;
    const has = labels[e.key] === undefined ? `no label ${e.key}` : `has ${e.key}=${labels[e.key]}`;
    problems.push(`${formatLabelSelector({ matchExpressions: [e] })} (${has})`);
    if (e.operator === 'In' && e.values && e.values.length > 0) labelsToAdd[e.key] = e.values[0];
  }
  return { problems, labelsToAdd };
}
