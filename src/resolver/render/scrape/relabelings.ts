/**
 * Relabeling rules the operator writes into every scrape job: the job-name capture, the
 * conversion of user RelabelConfigs, label-selector filters and the enforced namespace label.
 */

import { KubeObject, MONITORING_GROUP } from '../../types';
import { RenderContext } from '../context';

/** One relabel_configs entry, keys in the operator's order. */
export type Relabeling = Record<string, unknown>;

/** Replaces every character that is not valid in a Prometheus label name with `_`. */
export function sanitizeLabelName(name: string): string {
  return name.replace(/[^a-zA-Z0-9_]/g, '_');
}

/** The first rule of every job: copy the job name into `__tmp_prometheus_job_name`. */
export function initRelabelings(): Relabeling[] {
  return [{ source_labels: ['job'], target_label: '__tmp_prometheus_job_name' }];
}

/** Drops pods that are no longer running (phase Failed or Succeeded). */
export function runningFilter(): Relabeling {
  return { action: 'drop', source_labels: ['__meta_kubernetes_pod_phase'], regex: '(Failed|Succeeded)' };
}

/**
 * Converts RelabelConfig objects of the CRDs into Prometheus relabel rules: only the fields
 * that are set, the action lower-cased.
 */
export function convertRelabelConfigs(configs: readonly any[] | undefined): Relabeling[] {
  return (configs ?? []).map((c) => {
    const r: Relabeling = {};
    if (Array.isArray(c.sourceLabels) && c.sourceLabels.length > 0) r.source_labels = c.sourceLabels;
    if (c.separator !== undefined && c.separator !== null) r.separator = c.separator;
    if (c.targetLabel) r.target_label = c.targetLabel;
    if (c.regex) r.regex = c.regex;
    if (c.modulus) r.modulus = c.modulus;
    if (c.replacement !== undefined && c.replacement !== null) r.replacement = c.replacement;
    if (c.action) r.action = String(c.action).toLowerCase();
    return r;
  });
}

/**
 * Relabel rules that keep only targets whose object (service, pod, ingress) matches a label
 * selector: one rule per matchLabels key (sorted) then one per matchExpression.
 * @param kind the meta label infix: `service`, `pod` or `ingress`
 */
export function selectorRelabelings(selector: any, kind: string): Relabeling[] {
  const out: Relabeling[] = [];
  const label = (k: string) => `__meta_kubernetes_${kind}_label_${sanitizeLabelName(k)}`;
  const present = (k: string) => `__meta_kubernetes_${kind}_labelpresent_${sanitizeLabelName(k)}`;
  const matchLabels: Record<string, string> = selector?.matchLabels ?? {};
  for (const k of Object.keys(matchLabels).sort()) {
    out.push({ action: 'keep', source_labels: [label(k), present(k)], regex: `(${matchLabels[k]});true` });
  }
  for (const exp of selector?.matchExpressions ?? []) {
    const values = (exp.values ?? []).join('|');
    switch (exp.operator) {
      case 'In':
        out.push({ action: 'keep', source_labels: [label(exp.key), present(exp.key)], regex: `(${values});true` });
        break;
      case 'NotIn':
        out.push({ action: 'drop', source_labels: [label(exp.key), present(exp.key)], regex: `(${values});true` });
        break;
      case 'Exists':
        out.push({ action: 'keep', source_labels: [present(exp.key)], regex: 'true' });
        break;
      case 'DoesNotExist':
        out.push({ action: 'drop', source_labels: [present(exp.key)], regex: 'true' });
        break;
      default:
        break;
    }
  }
  return out;
}

/** Copies object labels onto targets: `__meta_kubernetes_<kind>_label_<l>` into `<l>` when not empty. */
export function targetLabelRelabelings(labels: readonly string[], kind: string): Relabeling[] {
  return labels.map((l) => ({
    source_labels: [`__meta_kubernetes_${kind}_label_${sanitizeLabelName(l)}`],
    target_label: sanitizeLabelName(l),
    regex: '(.+)',
    replacement: '${1}',
  }));
}

const RESOURCE_KINDS: Record<string, string> = {
  prometheusrules: 'PrometheusRule',
  servicemonitors: 'ServiceMonitor',
  podmonitors: 'PodMonitor',
  probes: 'Probe',
  scrapeconfigs: 'ScrapeConfig',
};

/**
 * True when the monitor is excluded from the enforced namespace label (or when no label is
 * enforced): spec.excludedFromEnforcement lists it by group, resource, namespace and name.
 */
export function isExcludedFromEnforcement(ctx: RenderContext, monitor: KubeObject): boolean {
  const enforced: string = ctx.spec.enforcedNamespaceLabel ?? '';
  if (enforced === '') return true;
  const group = String(monitor.apiVersion ?? '').split('/')[0];
  for (const ref of ctx.spec.excludedFromEnforcement ?? []) {
    const refGroup = ref.group || MONITORING_GROUP;
    const refKind = RESOURCE_KINDS[ref.resource] ?? '';
    if (!ref.namespace || refKind === '') continue;
    if (ref.namespace !== monitor.metadata.namespace) continue;
    if (refGroup !== group || refKind !== monitor.kind) continue;
    if (!ref.name || ref.name === monitor.metadata.name) return true;
  }
  return false;
}

/**
 * The monitor's own relabel configs followed, when the Prometheus enforces a namespace label
 * and the monitor is not excluded, by the rule that sets that label to the monitor's namespace.
 */
export function withEnforcedNamespaceLabel(ctx: RenderContext, monitor: KubeObject, configs: readonly any[] | undefined): any[] {
  const list = [...(configs ?? [])];
  if (isExcludedFromEnforcement(ctx, monitor)) return list;
  list.push({ targetLabel: ctx.spec.enforcedNamespaceLabel, replacement: monitor.metadata.namespace ?? '' });
  return list;
}
