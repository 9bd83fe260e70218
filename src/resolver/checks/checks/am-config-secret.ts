/**
 * AM-CONFIG-SECRET: an Alertmanager whose configuration Secret (`spec.configSecret`, by default
 * `alertmanager-<name>`) lacks the key `alertmanager.yaml` (ERROR), or is missing while the app
 * defines a Secret that looks like an Alertmanager configuration under another name (ERROR), or
 * is not in the app at all (WARN). Without it the operator provisions a configuration whose only
 * receiver is empty: notifications are dropped.
 */

import { Check } from '../check';
import { CheckContext, describeObject } from '../context';
import { formatList } from '../describe';
import { Finding, FindingSeverity } from '../finding';

const ID = 'AM-CONFIG-SECRET';
const KEY = 'alertmanager.yaml';
const EFFECT = 'The operator will fall back to a configuration with one empty receiver: notifications are dropped';

/** The check. */
export const amConfigSecret: Check = {
  id: ID,
  description: 'An Alertmanager whose configuration Secret or key is missing',
  run(ctx: CheckContext): Finding[] {
    const findings: Finding[] = [];
    for (const am of ctx.ofKind('Alertmanager')) {
      if (am.spec?.alertmanagerConfiguration) continue;
      const ns = am.metadata.namespace ?? '';
      const explicit = typeof am.spec?.configSecret === 'string' && am.spec.configSecret !== '';
      const name = explicit ? am.spec.configSecret : `alertmanager-${am.metadata.name}`;
      const field = explicit ? 'spec.configSecret' : 'metadata.name';
      const data = ctx.index.secret(ns, name);
      if (data) {
        if (data.has(KEY)) continue;
        findings.push(ctx.finding(am, {
          id: ID,
          severity: FindingSeverity.ERROR,
          field,
          problem: `Secret ${ns}/${name} has keys ${formatList([...data.keys()].sort())}, not ${JSON.stringify(KEY)}`,
          effect: EFFECT,
          fix: `store the configuration under the key ${KEY}`,
        }));
        continue;
      }
      const lookalike = ctx.ofKind('Secret').filter((s) => s.metadata.namespace === ns).find((s) => {
        const d = ctx.index.secret(ns, s.metadata.name ?? '');
        return d && ['alertmanager.yaml', 'alertmanager.yml', 'config.yaml', 'config.yml'].some((k) => /(^|\n)route:/.test(d.get(k) ?? ''));
      });
      findings.push(ctx.finding(am, {
        id: ID,
        severity: lookalike ? FindingSeverity.ERROR : FindingSeverity.WARN,
        field,
        problem: lookalike
          ? `expects Secret ${ns}/${name} with key ${KEY}, but the app defines the configuration in ${describeObject(lookalike)}`
          : `cannot verify: Secret ${ns}/${name} (key ${KEY}) is not in the app`,
        effect: lookalike ? EFFECT : `If it does not exist in the cluster, ${EFFECT.charAt(0).toLowerCase()}${EFFECT.slice(1)}`,
        fix: lookalike
          ? `rename the Secret to ${name} with key ${KEY}, or set spec.configSecret: ${lookalike.metadata.name}`
          : `define Secret ${name} with key ${KEY} in the app, or acknowledge this finding if it is created elsewhere`,
      }));
    }
    return findings;
  },
};
