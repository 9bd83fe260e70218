/**
 * SCRAPE-TIMEOUT-GT-INTERVAL: a scrape timeout longer than the scrape interval in effect — the
 * endpoint's own, else the selecting Prometheus's spec.scrapeInterval, else its default 30s —
 * per selecting Prometheus (the inherited interval can differ). The operator rejects such a
 * monitor; on a Prometheus the operator refuses to generate the configuration.
 */

import { parsePrometheusDuration } from '../../render/duration';
import { KubeObject } from '../../types';
import { Check } from '../check';
import { CheckContext, nsName } from '../context';
import { q } from '../describe';
import { Finding, FindingSeverity } from '../finding';

const ID = 'SCRAPE-TIMEOUT-GT-INTERVAL';
/** The CRD default of Prometheus spec.scrapeInterval. */
const DEFAULT_INTERVAL = '30s';

interface Scrape {
  readonly field: string;
  readonly intervalField: string;
  readonly interval?: string;
  readonly timeout?: string;
}

/** The check. */
export const scrapeTimeoutGtInterval: Check = {
  id: ID,
  description: 'A scrapeTimeout greater than the (possibly inherited) scrape interval',
  run(ctx: CheckContext): Finding[] {
    const findings: Finding[] = [];
    for (const p of ctx.prometheuses()) {
      const interval = str(p.spec?.scrapeInterval) ?? DEFAULT_INTERVAL;
      const timeout = str(p.spec?.scrapeTimeout);
      if (timeout && exceeds(timeout, interval)) {
        findings.push(ctx.finding(p, {
          id: ID,
          severity: FindingSeverity.ERROR,
          field: 'spec.scrapeTimeout',
          problem: `${q(timeout)} is greater than spec.scrapeInterval ${q(interval)}${p.spec?.scrapeInterval ? '' : ' (the default)'}`,
          effect: 'The operator will not generate the configuration of this Prometheus',
          fix: `set scrapeTimeout ≤ ${interval}, or raise scrapeInterval`,
        }));
      }
    }
    for (const monitor of ['ServiceMonitor', 'PodMonitor', 'Probe', 'ScrapeConfig'].flatMap((k) => ctx.selectable(k as any))) {
      for (const scrape of scrapesOf(monitor)) {
        if (!scrape.timeout) continue;
        const owners = ctx.selectors(monitor);
        // Group the selecting Prometheuses by the interval they give this endpoint.
        const byInterval = new Map<string, { from: string; owners: KubeObject[] }>();
        const candidates: (KubeObject | undefined)[] = owners.length > 0 ? [...owners] : [undefined];
        for (const owner of candidates) {
          const [interval, from] = scrape.interval
            ? [scrape.interval, scrape.intervalField]
            : owner && str(owner.spec?.scrapeInterval)
              ? [str(owner.spec.scrapeInterval)!, `inherited from ${owner.kind} ${nsName(owner)} spec.scrapeInterval`]
              : [DEFAULT_INTERVAL, owner ? `inherited from ${owner.kind} ${nsName(owner)} spec.scrapeInterval default` : 'the Prometheus default'];
          if (!exceeds(scrape.timeout, interval)) continue;
          const entry = byInterval.get(interval) ?? { from, owners: [] };
          if (owner) entry.owners.push(owner);
          byInterval.set(interval, entry);
        }
        for (const [interval, { from }] of byInterval) {
          findings.push(ctx.finding(monitor, {
            id: ID,
            severity: FindingSeverity.ERROR,
            field: scrape.field,
            problem: `${q(scrape.timeout)} is greater than the effective interval ${q(interval)} (${from})`,
            effect: `The operator will reject this ${monitor.kind}`,
            fix: `set ${scrape.intervalField.split('.').pop()}: ${scrape.timeout} or more, or scrapeTimeout ≤ ${interval}`,
          }));
        }
      }
    }
    return findings;
  },
};

function scrapesOf(monitor: KubeObject): Scrape[] {
  const spec = monitor.spec ?? {};
  const list = (key: string): Scrape[] => (Array.isArray(spec[key]) ? spec[key] : []).map((ep: any, i: number) => ({
    field: `spec.${key}[${i}].scrapeTimeout`,
    intervalField: `spec.${key}[${i}].interval`,
    interval: str(ep?.interval),
    timeout: str(ep?.scrapeTimeout),
  }));
  switch (monitor.kind) {
    case 'ServiceMonitor': return list('endpoints');
    case 'PodMonitor': return list('podMetricsEndpoints');
    case 'Probe': return [{ field: 'spec.scrapeTimeout', intervalField: 'spec.interval', interval: str(spec.interval), timeout: str(spec.scrapeTimeout) }];
    default: return [{
      field: 'spec.scrapeTimeout', intervalField: 'spec.scrapeInterval', interval: str(spec.scrapeInterval), timeout: str(spec.scrapeTimeout),
    }];
  }
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}

function exceeds(timeout: string, interval: string): boolean {
  const t = parsePrometheusDuration(timeout);
  const i = parsePrometheusDuration(interval);
  return t !== undefined && i !== undefined && t > i;
}
