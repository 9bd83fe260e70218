/**
 * OPERATOR-REJECTED: what prometheus-operator v0.93.0 itself refuses — a monitor or rule a
 * Prometheus selects but rejects (its validation in resource_selector.go and rules.go), or a
 * Prometheus whose configuration it will not generate — in the operator's own words. Runs after
 * the other checks and reports only objects none of them already reported as an ERROR, so every
 * rejection is listed once, by the most specific check available.
 */

import { describeObject, RenderError } from '../../render/errors';
import { KubeObject } from '../../types';
import { CheckContext, nsName } from '../context';
import { Finding, FindingSeverity } from '../finding';
import { renderedConfig } from '../model/rendered';

const ID = 'OPERATOR-REJECTED';

/** Runs after the other checks, given their findings. */
export function operatorRejected(ctx: CheckContext, earlier: readonly Finding[]): Finding[] {
  const reported = new Set(earlier.filter((f) => f.severity === FindingSeverity.ERROR).map((f) => `${f.kind}/${f.namespace ?? ''}/${f.name ?? ''}`));
  const isReported = (o: KubeObject) => reported.has(`${o.kind}/${o.metadata.namespace ?? ''}/${o.metadata.name ?? ''}`);
  const findings: Finding[] = [];
  for (const selection of ctx.selections()) {
    const p = selection.prometheus;
    if (selection.error && !isReported(p)) {
      findings.push(ctx.finding(p, {
        id: ID,
        severity: FindingSeverity.ERROR,
        problem: selection.error,
        effect: 'The operator will not reconcile this Prometheus: it selects nothing and its configuration is not updated',
        fix: 'correct the field the message names',
      }));
    }
    for (const { object, reason } of selection.rejected) {
      if (isReported(object)) continue;
      findings.push(ctx.finding(object, {
        id: ID,
        severity: FindingSeverity.ERROR,
        problem: `${p.kind} ${nsName(p)} selects it but the operator rejects it: ${reason}`,
        effect: `It is left out of the configuration (Event InvalidConfiguration on the ${object.kind})`,
        fix: 'correct the field the message names',
      }));
    }
    const { error } = renderedConfig(ctx, p);
    if (error && !isReported(p)) {
      findings.push(ctx.finding(p, {
        id: ID,
        severity: FindingSeverity.ERROR,
        field: error.field,
        problem: `the operator will not generate its configuration: ${bareMessage(error)}`,
        effect: 'The Prometheus is not reconciled',
        fix: 'correct the field the message names',
      }));
    }
  }
  return findings;
}

/** The message of a RenderError without the `Kind ns/name field: ` prefix the finding shows anyway. */
function bareMessage(error: RenderError): string {
  const prefix = [error.object ? describeObject(error.object) : undefined, error.field].filter((x) => x).join(' ');
  return prefix && error.message.startsWith(`${prefix}: `) ? error.message.slice(prefix.length + 2) : error.message;
}
