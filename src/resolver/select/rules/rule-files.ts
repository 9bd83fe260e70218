/**
 * What the operator does with the PrometheusRules a Prometheus selected (pkg/operator/rules.go):
 * enforce the namespace label when asked to, drop fields the Prometheus version does not know,
 * validate every group, serialize each accepted PrometheusRule into a rule file, and pack the
 * rule files into ConfigMaps named `prometheus-<name>-rulefiles-<n>` (first fit, at most half
 * a MiB each, at least three names).
 */

import YAML from 'yaml';
import { SemVer, versionBelow } from '../../render/version';
import { KubeObject } from '../../types';
import { Rejection } from '../types';
import { promqlParseError } from './promql-parse';
import { validateRuleGroups } from './validate-rules';

/** The operator's limit on the data of one rule ConfigMap: half of the 1 MiB object size limit. */
export const MAX_CONFIGMAP_DATA_SIZE = Math.floor(1024 * 1024 * 0.5);

/** The minimum number of rule ConfigMap names the operator mounts (missing ones are optional mounts). */
export const MIN_RULE_CONFIGMAPS = 3;

/** The outcome for the PrometheusRules one Prometheus selected. */
export interface RuleFilesResult {
  /** PrometheusRules whose content goes into the rule files, ordered as given. */
  accepted: KubeObject[];
  /** PrometheusRules the operator skips, with the reason. */
  rejected: Rejection[];
  /** The rule ConfigMap names, sorted as the operator lists them. */
  configMapNames: string[];
  /** Rule file name (`<namespace>-<name>-<uid>.yaml`) to its content. */
  files: Map<string, string>;
}

/**
 * Processes the PrometheusRules `candidates` (already selected by labels and namespace) for
 * `prometheus`, as the operator's PrometheusRuleSelector.Select and PrometheusRuleSyncer do.
 */
export function buildRuleFiles(prometheus: KubeObject, candidates: readonly KubeObject[], version: SemVer): RuleFilesResult {
  const enforcedLabel: string = prometheus.spec?.enforcedNamespaceLabel ?? '';
  const excluded = exclusions(prometheus);
  const accepted: KubeObject[] = [];
  const rejected: Rejection[] = [];
  const files = new Map<string, string>();
  for (const rule of candidates) {
    const ns = rule.metadata.namespace ?? '';
    let spec = sanitize(rule.spec ?? {}, version);
    if (enforcedLabel !== '' && !isExcluded(excluded, ns, rule.metadata.name ?? '')) {
      const parseError = firstUnparsable(spec);
      if (parseError) {
        rejected.push({
          object: rule,
          reason: `skipped without an event: enforcing the namespace label ${JSON.stringify(enforcedLabel)} failed to parse promql expression: ${parseError}`,
        });
        continue;
      }
      spec = withEnforcedLabel(spec, enforcedLabel, ns);
    }
    const content = YAML.stringify(spec, { sortMapEntries: true, lineWidth: 0 });
    const errors = validateRuleGroups(spec, version);
    const size = Buffer.byteLength(content, 'utf8');
    if (errors.length === 0 && size > MAX_CONFIGMAP_DATA_SIZE) {
      errors.push(`the length of rendered Prometheus Rule is ${size} bytes which is above the maximum limit of ${MAX_CONFIGMAP_DATA_SIZE} bytes`);
    }
    if (errors.length > 0) {
      rejected.push({ object: rule, reason: `invalid rule: ${errors.join('; ')}` });
      continue;
    }
    accepted.push(rule);
    files.set(`${ns}-${rule.metadata.name ?? ''}-${rule.metadata.uid ?? ''}.yaml`, content);
  }
  return { accepted, rejected, files, configMapNames: ruleConfigMapNames(prometheus.metadata.name ?? '', files) };
}

/** Packs rule files first-fit (by size in bytes) into ConfigMaps and returns their names as the operator mounts them. */
export function ruleConfigMapNames(prometheusName: string, files: ReadonlyMap<string, string>): string[] {
  const sizes: number[] = [0];
  for (const name of [...files.keys()].sort()) {
    const size = Buffer.byteLength(files.get(name)!, 'utf8');
    if (sizes[sizes.length - 1] + size > MAX_CONFIGMAP_DATA_SIZE) sizes.push(0);
    sizes[sizes.length - 1] += size;
  }
  const names = sizes.map((_, i) => `prometheus-${prometheusName}-rulefiles-${i}`).sort();
  for (let i = names.length; i < MIN_RULE_CONFIGMAPS; i++) names.push(`prometheus-${prometheusName}-rulefiles-${i}`);
  return names;
}

/** Drops what the Prometheus version does not support, and partial_response_strategy (a Thanos field). */
function sanitize(spec: any, version: SemVer): any {
  const groups = (spec.groups ?? []).map((g: any) => {
    const group = { ...g };
    if (group.limit !== undefined && versionBelow(version, '2.31.0')) delete group.limit;
    if (group.query_offset !== undefined && versionBelow(version, '2.53.0')) delete group.query_offset;
    delete group.partial_response_strategy;
    if (Object.keys(group.labels ?? {}).length > 0 && versionBelow(version, '3.0.0')) delete group.labels;
    if (Array.isArray(group.rules)) {
      group.rules = group.rules.map((r: any) => {
        const rule = { ...r };
        if (rule.keep_firing_for !== undefined && versionBelow(version, '2.42.0')) delete rule.keep_firing_for;
        return rule;
      });
    }
    return group;
  });
  return { ...spec, groups };
}

interface Exclusion { namespace: string; name: string }

/** spec.excludedFromEnforcement entries for PrometheusRules, plus the deprecated prometheusRulesExcludedFromEnforce. */
function exclusions(prometheus: KubeObject): Exclusion[] {
  const out: Exclusion[] = [];
  for (const ref of prometheus.spec?.excludedFromEnforcement ?? []) {
    const group = ref?.group || 'monitoring.coreos.com';
    if (!ref?.namespace || ref.resource !== 'prometheusrules' || group !== 'monitoring.coreos.com') continue;
    out.push({ namespace: ref.namespace, name: ref.name ?? '' });
  }
  for (const ref of prometheus.spec?.prometheusRulesExcludedFromEnforce ?? []) {
    if (ref?.ruleNamespace) out.push({ namespace: ref.ruleNamespace, name: ref.ruleName ?? '' });
  }
  return out;
}

function isExcluded(list: Exclusion[], namespace: string, name: string): boolean {
  return list.some((e) => e.namespace === namespace && (e.name === '' || e.name === name));
}

function firstUnparsable(spec: any): string | undefined {
  for (const group of spec.groups ?? []) {
    for (const rule of group?.rules ?? []) {
      const err = promqlParseError(String(rule?.expr ?? ''));
      if (err) return err;
    }
  }
  return undefined;
}

/**
 * Adds `<label>: <namespace>` to every rule's labels. The operator also injects the matcher into
 * every selector of the expression; the expression is kept as written here, so rule file sizes
 * are close to, not exactly, the operator's.
 */
function withEnforcedLabel(spec: any, label: string, namespace: string): any {
  return {
    ...spec,
    groups: spec.groups.map((g: any) => ({
      ...g,
      rules: (g.rules ?? []).map((r: any) => ({ ...r, labels: { ...(r.labels ?? {}), [label]: namespace } })),
    })),
  };
}
