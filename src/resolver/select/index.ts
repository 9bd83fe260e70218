/**
 * Selection: which ServiceMonitors, PodMonitors, Probes, ScrapeConfigs and PrometheusRules each
 * Prometheus and PrometheusAgent picks up, which of those the operator rejects and why, and the
 * rule ConfigMaps it creates.
 */

export { selectAll, selectFor, prometheusVersion, MONITOR_KINDS, RULE_KIND } from './select';
export type { SelectOptions } from './select';
export { ObjectIndex, isPrometheus } from './object-index';
export type { SelectableKind } from './object-index';
export { NamespaceScope, describeNamespaceSelector } from './namespace-scope';
export { compileLabelSelector, formatLabelSelector, LabelSelectorError } from './label-selector';
export type { LabelSelector } from './label-selector';
export type { PrometheusSelection, SelectedObjects, Rejection, Undecided } from './types';
export { ruleConfigMapNames } from './rules/rule-files';
