/**
 * The check the benchmark makes on every resolution it times: each Prometheus selected exactly
 * the monitors the generator expects and rendered one scrape job per monitor endpoint, in the
 * data and in the YAML text, without warnings; so the benchmark cannot time an empty result.
 */

import { ExpectedSelection } from './generate-app';
import { Resolution, ResolvedPrometheus } from '../src/resolver/resolve';

/** Throws unless `resolution` is what `expected` says (each generated monitor has one endpoint). */
export function checkResolution(resolution: Resolution, expected: readonly ExpectedSelection[]): void {
  if (resolution.warnings.length > 0) throw new Error(`unexpected warning: ${resolution.warnings[0]}`);
  const found = resolution.prometheuses.map((r) => r.key).join(', ');
  const wanted = expected.map((e) => e.prometheus).join(', ');
  if (found !== wanted) throw new Error(`resolved Prometheus ${found}, expected ${wanted}`);
  resolution.prometheuses.forEach((r, i) => {
    const e = expected[i];
    const counts = {
      'selected ServiceMonitors': [r.selection.selected.serviceMonitors.length, e.serviceMonitors],
      'selected PodMonitors': [r.selection.selected.podMonitors.length, e.podMonitors],
      'serviceMonitor jobs': [countJobs(r, 'serviceMonitor/'), e.serviceMonitors],
      'podMonitor jobs': [countJobs(r, 'podMonitor/'), e.podMonitors],
      'scrape jobs in the YAML text': [(r.yaml.match(/^- job_name: /gm) ?? []).length, e.serviceMonitors + e.podMonitors],
      'warnings': [r.warnings.length, 0],
    };
    for (const [what, [got, want]] of Object.entries(counts)) {
      if (got !== want) throw new Error(`${r.key}: ${got} ${what}, expected ${want}${r.warnings.length > 0 ? ` (${r.warnings[0]})` : ''}`);
    }
  });
}

/** The number of scrape jobs in `r`'s configuration whose name starts with `prefix`. */
function countJobs(r: ResolvedPrometheus, prefix: string): number {
  const jobs = r.config.scrape_configs as Array<{ job_name: string }>;
  return jobs.filter((job) => job.job_name.startsWith(prefix)).length;
}
