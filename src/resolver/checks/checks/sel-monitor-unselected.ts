/**
 * SEL-MONITOR-UNSELECTED: a ServiceMonitor, PodMonitor, Probe or ScrapeConfig whose labels no
 * Prometheus's selector matches (the `release: <name>` trap). Names, per Prometheus, the labels
 * it needs. Without any Prometheus in the app, one WARN says selection cannot be verified.
 */

import { SelectableKind } from '../../select/object-index';
import { Check } from '../check';
import { CheckContext, nsName } from '../context';
import { Finding, FindingSeverity } from '../finding';
import { SELECTOR_FIELDS } from '../model/selection';
import { classifyUnselected, describeReasons, labelFix, Unselected } from '../model/unselected';

const ID = 'SEL-MONITOR-UNSELECTED';
const MONITOR_KINDS: readonly SelectableKind[] = ['ServiceMonitor', 'PodMonitor', 'Probe', 'ScrapeConfig'];

/** The check. */
export const selMonitorUnselected: Check = {
  id: ID,
  description: 'A monitor whose labels no Prometheus selector matches',
  run(ctx: CheckContext): Finding[] {
    const findings: Finding[] = [];
    const monitors = MONITOR_KINDS.flatMap((k) => ctx.selectable(k));
    const orphans: string[] = [];
    for (const monitor of monitors) {
      const { state, explanations } = classifyUnselected(ctx, monitor);
      if (state === Unselected.NO_OWNER) orphans.push(`${monitor.kind} ${nsName(monitor)}`);
      if (state !== Unselected.LABELS) continue;
      const field = SELECTOR_FIELDS[monitor.kind].selector;
      findings.push(ctx.finding(monitor, {
        id: ID,
        severity: FindingSeverity.ERROR,
        field: 'metadata.labels',
        problem: `no Prometheus selects it: ${explanations.map((e) => describeReasons(ctx, e, monitor.kind, field)).join('; ')}`,
        effect: 'Prometheus will not scrape its targets',
        fix: labelFix(monitor.kind, explanations, field),
      }));
    }
    if (orphans.length > 0) {
      findings.push(ctx.finding(undefined, {
        id: ID,
        severity: FindingSeverity.WARN,
        problem: `cannot verify which Prometheus selects ${orphans.length === 1 ? orphans[0] : `${orphans.length} monitors (${orphans.join(', ')})`}: `
          + 'no Prometheus or PrometheusAgent is in the app',
        fix: 'check the selectors of the Prometheus that should scrape them, or include it in the checked objects',
      }));
    }
    return findings;
  },
};
