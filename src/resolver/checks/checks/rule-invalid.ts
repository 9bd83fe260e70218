/**
 * RULE-INVALID: a PrometheusRule with a rule Prometheus would refuse — a PromQL expression that
 * does not parse or type-check (checked as Prometheus's parser does, with the library's PromQL
 * checker), a `for`/`keep_firing_for` that is not a Prometheus duration, a rule that is neither
 * (or both) alert and record. The operator rejects the whole PrometheusRule, all groups at once.
 */

import { PromQL } from '../../../rules/promql';
import { parsePrometheusDuration } from '../../render/duration';
import { KubeObject } from '../../types';
import { Check } from '../check';
import { CheckContext } from '../context';
import { plural, q } from '../describe';
import { Finding, FindingSeverity } from '../finding';

const ID = 'RULE-INVALID';

/** The check. */
export const ruleInvalid: Check = {
  id: ID,
  description: 'A PrometheusRule with invalid PromQL or rule syntax',
  run(ctx: CheckContext): Finding[] {
    const findings: Finding[] = [];
    for (const pr of ctx.selectable('PrometheusRule')) {
      const groups: any[] = Array.isArray(pr.spec?.groups) ? pr.spec.groups : [];
      const effect = `The operator will reject the whole PrometheusRule (${plural(groups.length, 'group')}, ${plural(ruleCount(pr), 'rule')})`;
      groups.forEach((group, g) => {
        const rules: any[] = Array.isArray(group?.rules) ? group.rules : [];
        rules.forEach((rule, r) => {
          const at = `spec.groups[${g}].rules[${r}]`;
          const label = typeof rule?.alert === 'string' ? `alert ${rule.alert}` : typeof rule?.record === 'string' ? `record ${rule.record}` : 'rule';
          const add = (field: string, problem: string, fix: string) => findings.push(ctx.finding(pr, {
            id: ID, severity: FindingSeverity.ERROR, field: `${at}.${field}`, problem: `(${label}) ${problem}`, effect, fix,
          }));
          const hasAlert = typeof rule?.alert === 'string' && rule.alert !== '';
          const hasRecord = typeof rule?.record === 'string' && rule.record !== '';
          if (hasAlert === hasRecord) {
            add(hasAlert ? 'record' : 'alert', hasAlert ? 'both alert and record are set' : 'neither alert nor record is set',
              'set exactly one of alert (an alerting rule) or record (a recording rule)');
          }
          const expr = rule?.expr === undefined || rule?.expr === null ? '' : String(rule.expr);
          const problem = expr.trim() === '' ? { line: 1, column: 1, message: 'no expression found in input' } : PromQL.check(expr);
          if (problem) {
            add('expr', `${problem.line}:${problem.column}: ${problem.message} (${q(expr.length > 80 ? `${expr.slice(0, 77)}...` : expr)})`,
              'correct the expression (promtool check rules validates it)');
          }
          for (const field of ['for', 'keep_firing_for']) {
            const value = rule?.[field];
            if (value === undefined || value === null || value === '') continue;
            if (parsePrometheusDuration(String(value)) === undefined) {
              add(field, `${q(value)} is not a Prometheus duration`, 'use a duration with units, e.g. 5m or 1h30m');
            }
          }
        });
      });
    }
    return findings;
  },
};

function ruleCount(pr: KubeObject): number {
  return (Array.isArray(pr.spec?.groups) ? pr.spec.groups : []).reduce((n: number, g: any) => n + (Array.isArray(g?.rules) ? g.rules.length : 0), 0);
}
