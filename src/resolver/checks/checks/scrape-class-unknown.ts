/**
 * SCRAPE-CLASS-UNKNOWN: a monitor naming a scrape class that a selecting Prometheus does not
 * define (the operator rejects it for that Prometheus), and a Prometheus with more than one
 * default scrape class (the operator does not reconcile it).
 */

import { Check } from '../check';
import { CheckContext, nsName } from '../context';
import { formatList, q } from '../describe';
import { Finding, FindingSeverity } from '../finding';

const ID = 'SCRAPE-CLASS-UNKNOWN';

/** The check. */
export const scrapeClassUnknown: Check = {
  id: ID,
  description: 'A scrape class the selecting Prometheus does not define; several default scrape classes',
  run(ctx: CheckContext): Finding[] {
    const findings: Finding[] = [];
    for (const p of ctx.prometheuses()) {
      const defaults = classesOf(p.spec).filter((c) => c?.default === true).map((c) => String(c.name));
      if (defaults.length > 1) {
        findings.push(ctx.finding(p, {
          id: ID,
          severity: FindingSeverity.ERROR,
          field: 'spec.scrapeClasses',
          problem: `${defaults.length} scrape classes are marked default (${defaults.join(', ')})`,
          effect: 'The operator will not reconcile this Prometheus (reason MultipleDefaultScrapeClasses)',
          fix: 'mark at most one scrape class default: true',
        }));
      }
    }
    for (const monitor of ['ServiceMonitor', 'PodMonitor', 'Probe', 'ScrapeConfig'].flatMap((k) => ctx.selectable(k as any))) {
      const name = monitor.spec?.scrapeClass;
      if (typeof name !== 'string' || name === '') continue;
      const lacking = ctx.selectors(monitor).filter((p) => !classesOf(p.spec).some((c) => c?.name === name));
      if (lacking.length === 0) continue;
      const defined = lacking.map((p) => `${p.kind} ${nsName(p)} defines ${formatList(classesOf(p.spec).map((c) => String(c?.name)))}`);
      findings.push(ctx.finding(monitor, {
        id: ID,
        severity: FindingSeverity.ERROR,
        field: 'spec.scrapeClass',
        problem: `${q(name)} is not a scrape class of the selecting Prometheus: ${defined.join('; ')}`,
        effect: `The operator will reject this ${monitor.kind} for ${lacking.length === 1 ? 'that Prometheus' : 'those Prometheuses'}`,
        fix: `use one of the defined scrape classes, or add ${q(name)} to spec.scrapeClasses of ${lacking.map(nsName).join(', ')}`,
      }));
    }
    return findings;
  },
};

function classesOf(spec: any): any[] {
  return Array.isArray(spec?.scrapeClasses) ? spec.scrapeClasses : [];
}
