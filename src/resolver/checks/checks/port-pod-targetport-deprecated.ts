/**
 * PORT-POD-TARGETPORT-DEPRECATED: a PodMonitor endpoint using `targetPort`, deprecated since
 * operator v0.38 (the operator logs a warning; with a numeric targetPort, multi-container pods get
 * one target per container).
 */

import { Check } from '../check';
import { CheckContext } from '../context';
import { Finding, FindingSeverity } from '../finding';

const ID = 'PORT-POD-TARGETPORT-DEPRECATED';

/** The check. */
export const portPodTargetPortDeprecated: Check = {
  id: ID,
  description: 'A PodMonitor endpoint using the deprecated targetPort',
  run(ctx: CheckContext): Finding[] {
    const findings: Finding[] = [];
    for (const pm of ctx.selectable('PodMonitor')) {
      (Array.isArray(pm.spec?.podMetricsEndpoints) ? pm.spec.podMetricsEndpoints : []).forEach((ep: any, i: number) => {
        if (ep?.targetPort === undefined || ep.targetPort === null || ep.targetPort === '') return;
        findings.push(ctx.finding(pm, {
          id: ID,
          severity: FindingSeverity.WARN,
          field: `spec.podMetricsEndpoints[${i}].targetPort`,
          problem: 'deprecated since operator v0.38',
          effect: typeof ep.targetPort === 'number' ? 'With several containers, each container of a pod becomes a target' : 'The operator logs a deprecation warning',
          fix: typeof ep.targetPort === 'number' ? `use portNumber: ${ep.targetPort}` : `use port: ${ep.targetPort}`,
        }));
      });
    }
    return findings;
  },
};
