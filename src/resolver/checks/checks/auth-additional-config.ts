/**
 * AUTH-ADDITIONAL-CONFIG: a Prometheus whose spec.additionalScrapeConfigs Secret key is missing,
 * is not YAML, or is not a list of scrape configs. The operator then does not reconcile the
 * Prometheus at all (no StatefulSet on first deploy, no configuration updates later). WARN when
 * the Secret is not in the app.
 */

import { Check } from '../check';
import { CheckContext } from '../context';
import { Finding, FindingSeverity } from '../finding';
import { additionalScrapeJobs } from '../model/additional-scrape-configs';

const ID = 'AUTH-ADDITIONAL-CONFIG';
const EFFECT = 'The operator will not reconcile this Prometheus at all';

/** The check. */
export const authAdditionalConfig: Check = {
  id: ID,
  description: 'An additionalScrapeConfigs Secret that is missing or not a list of scrape configs',
  run(ctx: CheckContext): Finding[] {
    const findings: Finding[] = [];
    for (const p of ctx.prometheuses()) {
      const read = additionalScrapeJobs(ctx, p);
      if (!read.problem) continue;
      findings.push(ctx.finding(p, {
        id: ID,
        severity: read.secretAbsent ? FindingSeverity.WARN : FindingSeverity.ERROR,
        field: 'spec.additionalScrapeConfigs',
        problem: read.secretAbsent ? `cannot verify: ${read.problem}` : read.problem,
        effect: read.secretAbsent ? 'If it does not exist in the cluster, the operator will not reconcile this Prometheus' : EFFECT,
        fix: read.secretAbsent
          ? 'define the Secret in the app, or acknowledge this finding if it is created elsewhere'
          : 'store a YAML list of Prometheus scrape_configs entries under the referenced key',
      }));
    }
    return findings;
  },
};
