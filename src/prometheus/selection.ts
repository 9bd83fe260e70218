import { IConstruct } from 'constructs';
import { appObjectsOfKinds } from './app-objects';
import { fail } from '../common/errors';
import { NAMESPACE_NAME_LABEL, NamespaceSelector } from '../common/namespace-selector';
import { SelectableKind } from '../common/selecting';
import { LabelSelectorJson, Selector } from '../common/selector';
import { compileLabelSelector } from '../resolver/select/label-selector';

/** The Prometheus CR fields that select each kind and its namespaces. */
export const SELECTOR_FIELDS: { readonly [kind in SelectableKind]: { readonly selector: string; readonly namespaceSelector: string } } = {
  [SelectableKind.SERVICE_MONITOR]: { selector: 'serviceMonitorSelector', namespaceSelector: 'serviceMonitorNamespaceSelector' },
  [SelectableKind.POD_MONITOR]: { selector: 'podMonitorSelector', namespaceSelector: 'podMonitorNamespaceSelector' },
  [SelectableKind.PROBE]: { selector: 'probeSelector', namespaceSelector: 'probeNamespaceSelector' },
  [SelectableKind.SCRAPE_CONFIG]: { selector: 'scrapeConfigSelector', namespaceSelector: 'scrapeConfigNamespaceSelector' },
  [SelectableKind.PROMETHEUS_RULE]: { selector: 'ruleSelector', namespaceSelector: 'ruleNamespaceSelector' },
};

/** How a Prometheus selects objects of one kind. */
export interface KindSelection {
  /** Which objects, by their labels. */
  readonly selector: Selector;
  /** In which namespaces; undefined means "where the app puts the objects this Prometheus selects". */
  readonly namespaceSelector?: NamespaceSelector;
}

/**
 * The labels an object of `kind` needs to be selected: the selector's required labels, checked
 * against the selector itself so that selectors that cannot be satisfied by a fixed label set
 * (NotIn, DoesNotExist, multi-valued In) are reported rather than producing unselected objects.
 */
export function labelsToBeSelected(scope: IConstruct, kind: SelectableKind, selection: KindSelection): { [key: string]: string } {
  const field = SELECTOR_FIELDS[kind].selector;
  if (selection.selector.selectsNothing) {
    fail(scope, field, `this Prometheus selects no ${kind} objects (Selector.none()). Set ${field} to Selector.matchLabels({...}) or Selector.all() to select them.`);
  }
  if (selection.selector.selectsEverything) {
    return {};
  }
  const labels = selection.selector.requiredLabels;
  if (!compileLabelSelector(selection.selector._toJson(scope, field)).matches(labels)) {
    fail(scope, field, 'no fixed set of labels satisfies this selector, so objects cannot be labelled to be selected. Use matchLabels or In expressions with a single value, or label the objects yourself.');
  }
  return labels;
}

/**
 * The namespace selector used when none is chosen: the Prometheus's own namespace plus every
 * namespace in which the app defines objects of `kind` that the label selector matches, by name.
 */
export function namespacesOfSelectedObjects(
  scope: IConstruct, ownNamespace: string, kind: SelectableKind, selector: LabelSelectorJson | undefined,
): LabelSelectorJson | undefined {
  if (selector === undefined) {
    return undefined;
  }
  const matcher = compileLabelSelector(selector);
  const namespaces = new Set<string>([ownNamespace]);
  for (const obj of appObjectsOfKinds(scope, [kind])) {
    if (obj.apiVersion.startsWith('monitoring.coreos.com/') && matcher.matches(obj.metadata?.labels)) {
      namespaces.add(obj.metadata?.namespace ?? 'default');
    }
  }
  if (namespaces.size === 1) {
    return undefined;
  }
  return { matchExpressions: [{ key: NAMESPACE_NAME_LABEL, operator: 'In', values: [...namespaces].sort() }] };
}
