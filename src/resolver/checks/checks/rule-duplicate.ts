/**
 * RULE-DUPLICATE: two rule groups with the same name in one PrometheusRule (one rule file), which
 * Prometheus refuses — the operator rejects the PrometheusRule. Groups with the same name in
 * different PrometheusRules are legal.
 */

import { Check } from '../check';
import { CheckContext } from '../context';
import { q } from '../describe';
import { Finding, FindingSeverity } from '../finding';

const ID = 'RULE-DUPLICATE';

/** The check. */
export const ruleDuplicate: Check = {
  id: ID,
  description: 'Repeated rule group names within one PrometheusRule',
  run(ctx: CheckContext): Finding[] {
    const findings: Finding[] = [];
    for (const pr of ctx.selectable('PrometheusRule')) {
      const first = new Map<string, number>();
      (Array.isArray(pr.spec?.groups) ? pr.spec.groups : []).forEach((group: any, i: number) => {
        const name = String(group?.name ?? '');
        const earlier = first.get(name);
        if (earlier === undefined) {
          first.set(name, i);
          return;
        }
        findings.push(ctx.finding(pr, {
          id: ID,
          severity: FindingSeverity.ERROR,
          field: `spec.groups[${i}].name`,
          problem: `${q(name)} repeats spec.groups[${earlier}].name`,
          effect: 'The operator will reject this PrometheusRule (groupname is repeated in the same file)',
          fix: 'rename or merge the groups',
        }));
      });
    }
    return findings;
  },
};
