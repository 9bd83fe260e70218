/**
 * SCRAPE-DUPLICATE-JOB: a job_name that appears more than once in the final scrape_configs of a
 * Prometheus — generated jobs plus spec.additionalScrapeConfigs, which the operator appends
 * unchecked. Prometheus refuses to load such a configuration.
 */

import { Check } from '../check';
import { CheckContext } from '../context';
import { q } from '../describe';
import { Finding, FindingSeverity } from '../finding';
import { additionalScrapeJobs } from '../model/additional-scrape-configs';
import { renderedConfig } from '../model/rendered';

const ID = 'SCRAPE-DUPLICATE-JOB';

/** The check. */
export const scrapeDuplicateJob: Check = {
  id: ID,
  description: 'Duplicate job names in the rendered scrape configuration',
  run(ctx: CheckContext): Finding[] {
    const findings: Finding[] = [];
    for (const p of ctx.prometheuses()) {
      const { config } = renderedConfig(ctx, p);
      if (!config) continue;
      const jobs: any[] = Array.isArray(config.scrape_configs) ? config.scrape_configs : [];
      const extra = additionalScrapeJobs(ctx, p).jobs ?? [];
      const generated = jobs.length - extra.length;
      const where = new Map<string, string[]>();
      jobs.forEach((job, i) => {
        const name = String(job?.job_name ?? '');
        const origin = i < generated ? 'a generated job' : `additionalScrapeConfigs item ${i - generated}`;
        where.set(name, [...(where.get(name) ?? []), origin]);
      });
      for (const [name, origins] of where) {
        if (origins.length < 2) continue;
        findings.push(ctx.finding(p, {
          id: ID,
          severity: FindingSeverity.ERROR,
          field: 'spec.additionalScrapeConfigs',
          problem: `job_name ${q(name)} appears ${origins.length} times in the configuration (${origins.join(', ')})`,
          effect: 'Prometheus will refuse to load the configuration',
          fix: 'rename the job in the additionalScrapeConfigs Secret',
        }));
      }
    }
    return findings;
  },
};
