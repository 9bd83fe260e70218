/**
 * Runs the checks over a set of Kubernetes objects and returns every finding, ordered by
 * severity and object. Pure: no I/O, no constructs.
 */

import { KubeObject } from '../types';
import { Check } from './check';
import { operatorRejected } from './checks/operator-rejected';
import { CheckContext, RunChecksOptions } from './context';
import { compareFindings, Finding, FindingSeverity } from './finding';
import { CHECKS } from './registry';

/** Runs every check (or the ones `options.only` names) over `objects`. */
export function runChecks(objects: readonly KubeObject[], options: RunChecksOptions = {}): Finding[] {
  const ctx = new CheckContext(objects, options);
  const only = options.only ? new Set(options.only) : undefined;
  const findings: Finding[] = [];
  for (const check of CHECKS) {
    if (only && !only.has(check.id)) continue;
    findings.push(...runOne(check, ctx));
  }
  if (!only || only.has('OPERATOR-REJECTED')) {
    findings.push(...runOne({ id: 'OPERATOR-REJECTED', description: '', run: (c) => operatorRejected(c, findings) }, ctx));
  }
  return findings.sort(compareFindings);
}

/** A check that throws is a bug in the check; report it as a finding rather than losing the others. */
function runOne(check: Check, ctx: CheckContext): Finding[] {
  try {
    return check.run(ctx);
  } catch (e) {
    return [{
      id: check.id,
      severity: FindingSeverity.WARN,
      problem: `the check failed and could not run: ${(e as Error).message}`,
      fix: 'report this as a bug in cdk8s-prometheus',
    }];
  }
}
