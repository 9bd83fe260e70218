/**
 * SCRAPE-PATH: a metrics path with a query string, a fragment or a whole URL. Prometheus
 * URL-escapes it into the path (`/metrics?format=x` becomes `/metrics%3Fformat=x`), so the
 * scrape fails; parameters belong in `params`. A path without a leading "/" works (Prometheus
 * adds it) and gets an INFO.
 */

import { KubeObject } from '../../types';
import { Check } from '../check';
import { CheckContext } from '../context';
import { q } from '../describe';
import { Finding, FindingSeverity } from '../finding';

const ID = 'SCRAPE-PATH';

/** The check. */
export const scrapePath: Check = {
  id: ID,
  description: 'A metrics path with a query string, fragment or scheme',
  run(ctx: CheckContext): Finding[] {
    const findings: Finding[] = [];
    for (const [obj, field, path] of paths(ctx)) {
      if (typeof path !== 'string' || path === '') continue;
      if (/^[a-z][a-z0-9+.-]*:\/\//i.test(path)) {
        findings.push(ctx.finding(obj, {
          id: ID,
          severity: FindingSeverity.ERROR,
          field,
          problem: `${q(path)} is a URL; path takes only the path part`,
          effect: `Prometheus requests it as a path on the target (${q(`/${path}`)}): the scrape fails`,
          fix: 'set path to the path only (e.g. /metrics), and the scheme in scheme',
        }));
      } else if (path.includes('?') || path.includes('#')) {
        const [base, query] = path.split(/[?#]/, 2);
        const params = (query ?? '').split('&').filter((p) => p).map((p) => p.split('=')).map(([k, v]) => `${k}: [${v ?? ''}]`);
        findings.push(ctx.finding(obj, {
          id: ID,
          severity: FindingSeverity.ERROR,
          field,
          problem: `${q(path)} contains ${path.includes('?') ? 'a query string' : 'a fragment'}`,
          effect: `Prometheus URL-escapes it into the path (${q(path.replace('?', '%3F').replace('#', '%23'))}): the scrape fails`,
          fix: `set path: ${base || '/'}${params.length > 0 ? ` and params: {${params.join(', ')}}` : ''}`,
        }));
      } else if (!path.startsWith('/')) {
        findings.push(ctx.finding(obj, {
          id: ID,
          severity: FindingSeverity.INFO,
          field,
          problem: `${q(path)} has no leading "/"`,
          effect: 'Prometheus adds it, so this works',
          fix: `write /${path} for clarity`,
        }));
      }
    }
    return findings;
  },
};

function paths(ctx: CheckContext): Array<[KubeObject, string, unknown]> {
  const out: Array<[KubeObject, string, unknown]> = [];
  for (const sm of ctx.selectable('ServiceMonitor')) {
    (Array.isArray(sm.spec?.endpoints) ? sm.spec.endpoints : []).forEach((ep: any, i: number) => out.push([sm, `spec.endpoints[${i}].path`, ep?.path]));
  }
  for (const pm of ctx.selectable('PodMonitor')) {
    (Array.isArray(pm.spec?.podMetricsEndpoints) ? pm.spec.podMetricsEndpoints : [])
      .forEach((ep: any, i: number) => out.push([pm, `spec.podMetricsEndpoints[${i}].path`, ep?.path]));
  }
  for (const probe of ctx.selectable('Probe')) out.push([probe, 'spec.prober.path', probe.spec?.prober?.path]);
  for (const sc of ctx.selectable('ScrapeConfig')) out.push([sc, 'spec.metricsPath', sc.spec?.metricsPath]);
  return out;
}
