/**
 * What the selection step reports for each Prometheus or PrometheusAgent: the objects it picks up,
 * the ones it would pick up but rejects (with the operator's reason), the ones whose selection
 * cannot be decided from the input, and the rule ConfigMaps the operator would create.
 */

import { KubeObject } from '../types';

/** The objects a Prometheus selected and accepted, each list ordered by namespace and name. */
export interface SelectedObjects {
  serviceMonitors: KubeObject[];
  podMonitors: KubeObject[];
  probes: KubeObject[];
  scrapeConfigs: KubeObject[];
  /** PrometheusRules whose rules end up in the rule files (always empty for a PrometheusAgent). */
  rules: KubeObject[];
}

/** An object the Prometheus selects by labels and namespace but the operator skips. */
export interface Rejection {
  object: KubeObject;
  /** The operator's reason, e.g. `endpoints[0]: basicAuth: failed to get basic auth username: ...`. */
  reason: string;
}

/** An object whose selection depends on a Namespace that is not among the input objects. */
export interface Undecided {
  object: KubeObject;
  /** Which namespace selector needs which Namespace's labels. */
  reason: string;
}

/** The selection of one Prometheus or PrometheusAgent. */
export interface PrometheusSelection {
  /** The Prometheus (monitoring.coreos.com/v1) or PrometheusAgent (v1alpha1). */
  prometheus: KubeObject;
  /** What it picks up and accepts. */
  selected: SelectedObjects;
  /** What it picks up but rejects, ordered by kind, namespace and name. */
  rejected: Rejection[];
  /** What it may pick up, depending on Namespace labels the input does not show. */
  undecided: Undecided[];
  /**
   * Names of the rule ConfigMaps (`prometheus-<name>-rulefiles-<n>`, at least three) the operator
   * mounts and lists in rule_files; empty for a PrometheusAgent.
   */
  ruleConfigMapNames: string[];
  /**
   * True when the operator leaves the configuration unmanaged: a Prometheus with none of
   * serviceMonitorSelector, podMonitorSelector, probeSelector and scrapeConfigSelector set.
   */
  unmanaged: boolean;
  /** Why the operator could not reconcile this Prometheus at all (e.g. an invalid selector); nothing is selected then. */
  error?: string;
}
