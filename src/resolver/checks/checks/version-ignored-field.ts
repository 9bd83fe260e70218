/**
 * VERSION-IGNORED-FIELD: settings the operator drops while generating a Prometheus's
 * configuration — fields its `spec.version` does not support, reserved external label names,
 * unsupported discovery options — with only a line in the operator's log.
 */

import { Check } from '../check';
import { CheckContext } from '../context';
import { Finding, FindingSeverity } from '../finding';
import { renderedConfig } from '../model/rendered';

const ID = 'VERSION-IGNORED-FIELD';

/** The check. */
export const versionIgnoredField: Check = {
  id: ID,
  description: 'Settings the operator ignores for the Prometheus version or as reserved',
  run(ctx: CheckContext): Finding[] {
    const findings: Finding[] = [];
    for (const p of ctx.prometheuses()) {
      for (const warning of renderedConfig(ctx, p).warnings ?? []) {
        if (!warning.startsWith('ignoring ')) continue;
        findings.push(ctx.finding(p, {
          id: ID,
          severity: FindingSeverity.WARN,
          problem: `the operator will log: ${warning}`,
          effect: 'The setting has no effect',
          fix: /not supported by Prometheus v/.test(warning) ? 'raise spec.version, or remove the setting' : 'remove or rename the setting',
        }));
      }
    }
    return findings;
  },
};
