/**
 * SEL-RULE-UNSELECTED: a PrometheusRule whose labels no Prometheus or ThanosRuler `ruleSelector`
 * matches. The message names, per owner, the labels it needs and the alerts that will never fire.
 */

import { KubeObject } from '../../types';
import { Check } from '../check';
import { CheckContext, nsName } from '../context';
import { Finding, FindingSeverity } from '../finding';
import { classifyUnselected, describeReasons, labelFix, Unselected } from '../model/unselected';

const ID = 'SEL-RULE-UNSELECTED';

/** The check. */
export const selRuleUnselected: Check = {
  id: ID,
  description: 'A PrometheusRule no Prometheus or ThanosRuler selects',
  run(ctx: CheckContext): Finding[] {
    const findings: Finding[] = [];
    const orphans: string[] = [];
    for (const rule of ctx.selectable('PrometheusRule')) {
      const { state, explanations } = classifyUnselected(ctx, rule);
      if (state === Unselected.NO_OWNER) orphans.push(nsName(rule));
      if (state !== Unselected.LABELS) continue;
      findings.push(ctx.finding(rule, {
        id: ID,
        severity: FindingSeverity.ERROR,
        field: 'metadata.labels',
        problem: `no Prometheus evaluates it: ${explanations.map((e) => describeReasons(ctx, e, 'PrometheusRule', 'ruleSelector')).join('; ')}`,
        effect: ruleEffect(rule),
        fix: labelFix('PrometheusRule', explanations, 'ruleSelector'),
      }));
    }
    if (orphans.length > 0) {
      findings.push(ctx.finding(undefined, {
        id: ID,
        severity: FindingSeverity.WARN,
        problem: `cannot verify which Prometheus evaluates PrometheusRule ${orphans.join(', ')}: no Prometheus or ThanosRuler is in the app`,
        fix: 'check the ruleSelector of the Prometheus that should evaluate them, or include it in the checked objects',
      }));
    }
    return findings;
  },
};

/** `Alerts WebDown, WebSlow will never fire` (and recording rules), from the rule's groups. */
export function ruleEffect(rule: KubeObject): string {
  const alerts: string[] = [];
  const records: string[] = [];
  for (const group of Array.isArray(rule.spec?.groups) ? rule.spec.groups : []) {
    for (const r of Array.isArray(group?.rules) ? group.rules : []) {
      if (typeof r?.alert === 'string') alerts.push(r.alert);
      else if (typeof r?.record === 'string') records.push(r.record);
    }
  }
  const parts: string[] = [];
  if (alerts.length > 0) parts.push(`alert${alerts.length === 1 ? '' : 's'} ${alerts.join(', ')} will never fire`);
  if (records.length > 0) parts.push(`recording rule${records.length === 1 ? '' : 's'} ${records.join(', ')} will not be recorded`);
  const text = parts.length > 0 ? parts.join('; ') : 'its rules will not be evaluated';
  return text.charAt(0).toUpperCase() + text.slice(1);
}
