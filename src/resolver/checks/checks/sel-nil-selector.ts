/**
 * SEL-NIL-SELECTOR: a Prometheus (or PrometheusAgent, or ThanosRuler for rules) whose selector
 * for a kind is unset — null selects nothing — while the app has objects of that kind in
 * namespaces it watches that nothing else selects (ERROR, listing them); and a Prometheus with
 * all four monitor selectors unset, whose configuration the operator leaves unmanaged (WARN).
 */

import { SelectableKind } from '../../select/object-index';
import { Check } from '../check';
import { CheckContext, nsName } from '../context';
import { plural } from '../describe';
import { Finding, FindingSeverity } from '../finding';
import { SELECTOR_FIELDS } from '../model/selection';
import { classifyUnselected, Unselected } from '../model/unselected';

const ID = 'SEL-NIL-SELECTOR';
const KINDS: readonly SelectableKind[] = ['ServiceMonitor', 'PodMonitor', 'Probe', 'ScrapeConfig', 'PrometheusRule'];
const MONITOR_SELECTORS = ['serviceMonitorSelector', 'podMonitorSelector', 'probeSelector', 'scrapeConfigSelector'];

/** The check. */
export const selNilSelector: Check = {
  id: ID,
  description: 'A Prometheus selector left unset (null selects nothing) while the app has such objects',
  run(ctx: CheckContext): Finding[] {
    const findings: Finding[] = [];
    for (const kind of KINDS) {
      const stranded = ctx.selectable(kind).filter((o) => classifyUnselected(ctx, o).state === Unselected.NIL_SELECTOR);
      if (stranded.length === 0) continue;
      const field = SELECTOR_FIELDS[kind].selector;
      const owners = new Set(stranded.flatMap((o) => classifyUnselected(ctx, o).explanations.map((e) => e.owner)));
      for (const owner of owners) {
        const names = stranded.map(nsName);
        const effect = kind === 'PrometheusRule'
          ? 'Their alerts will never fire'
          : 'Prometheus will scrape none of their targets';
        findings.push(ctx.finding(owner, {
          id: ID,
          severity: FindingSeverity.ERROR,
          field: `spec.${field}`,
          problem: `unset (null selects no ${kind}) but the app defines ${plural(names.length, kind)} it would otherwise pick up (${names.join(', ')})`,
          effect,
          fix: `set spec.${field} to {} to select all, or to a matchLabels selector the ${kind}s carry`,
        }));
      }
    }
    for (const p of ctx.prometheuses()) {
      if (p.kind !== 'Prometheus' || MONITOR_SELECTORS.some((f) => p.spec?.[f] !== undefined && p.spec?.[f] !== null)) continue;
      findings.push(ctx.finding(p, {
        id: ID,
        severity: FindingSeverity.WARN,
        field: 'spec',
        problem: 'serviceMonitorSelector, podMonitorSelector, probeSelector and scrapeConfigSelector are all unset, '
          + 'so the configuration is unmanaged: the operator generates no scrape jobs (a deprecated mode)',
        effect: 'Prometheus scrapes nothing (additionalScrapeConfigs included) unless prometheus.yaml.gz is written into its config Secret by hand',
        fix: 'set at least spec.serviceMonitorSelector: {}',
      }));
    }
    return findings;
  },
};
