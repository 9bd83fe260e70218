/**
 * The resolve step the benchmark times: selection for every Prometheus among the synthesized
 * objects, then each one's prometheus.yaml rendered as data and as YAML text; and the check that
 * the result is the one the generator expects, so the benchmark cannot time an empty result.
 */

import { ExpectedSelection } from './generate-app';
import { renderPrometheusConfig, toPrometheusYaml } from '../src/resolver/render';
import { selectAll } from '../src/resolver/select';
import { KubeObject, objectKey } from '../src/resolver/types';

/** What resolving gave for one Prometheus. */
export interface ResolvedPrometheus {
  /** `namespace/name` of the Prometheus. */
  readonly prometheus: string;
  /** ServiceMonitors it selected and accepted. */
  readonly serviceMonitors: number;
  /** PodMonitors it selected and accepted. */
  readonly podMonitors: number;
  /** Objects it selected but rejected, or could not decide on, or its selection error. */
  readonly problems: string[];
  /** The rendered configuration, keys in the operator's order. */
  readonly config: Record<string, unknown>;
}

/** A resolved Prometheus and its prometheus.yaml as text. */
export interface RenderedText {
  /** `namespace/name` of the Prometheus. */
  readonly prometheus: string;
  /** The rendered prometheus.yaml. */
  readonly yaml: string;
}

/**
 * Selects and renders (as data) for every Prometheus among `objects`, ordered by namespace and
 * name. The YAML text is a separate step, {@link toText}, so that it can be timed apart.
 */
export function resolveApp(objects: KubeObject[]): ResolvedPrometheus[] {
  return selectAll(objects).map((selection) => {
    const { config } = renderPrometheusConfig({
      prometheus: selection.prometheus,
      serviceMonitors: selection.selected.serviceMonitors,
      podMonitors: selection.selected.podMonitors,
      probes: selection.selected.probes,
      scrapeConfigs: selection.selected.scrapeConfigs,
      ruleConfigMapNames: selection.ruleConfigMapNames,
      objects,
    });
    return {
      prometheus: objectKey(selection.prometheus),
      serviceMonitors: selection.selected.serviceMonitors.length,
      podMonitors: selection.selected.podMonitors.length,
      problems: [
        ...(selection.error ? [selection.error] : []),
        ...selection.rejected.map((r) => `rejected ${r.object.kind} ${objectKey(r.object)}: ${r.reason}`),
        ...selection.undecided.map((u) => `undecided ${u.object.kind} ${objectKey(u.object)}: ${u.reason}`),
      ],
      config,
    };
  });
}

/** The prometheus.yaml text of each resolved Prometheus. */
export function toText(resolved: readonly ResolvedPrometheus[]): RenderedText[] {
  return resolved.map((r) => ({ prometheus: r.prometheus, yaml: toPrometheusYaml(r.config) }));
}

/**
 * Throws unless every Prometheus selected exactly the expected monitors and rendered one scrape
 * job per monitor endpoint (each generated monitor has one), both in the data and in the YAML text.
 */
export function checkResolved(resolved: readonly ResolvedPrometheus[], texts: readonly RenderedText[], expected: readonly ExpectedSelection[]): void {
  const found = resolved.map((r) => r.prometheus).join(', ');
  const wanted = expected.map((e) => e.prometheus).join(', ');
  if (found !== wanted) throw new Error(`resolved Prometheus ${found}, expected ${wanted}`);
  resolved.forEach((r, i) => {
    const e = expected[i];
    const counts = {
      'selected ServiceMonitors': [r.serviceMonitors, e.serviceMonitors],
      'selected PodMonitors': [r.podMonitors, e.podMonitors],
      'serviceMonitor jobs': [countJobs(r, 'serviceMonitor/'), e.serviceMonitors],
      'podMonitor jobs': [countJobs(r, 'podMonitor/'), e.podMonitors],
      'scrape jobs in the YAML text': [(texts[i].yaml.match(/^- job_name: /gm) ?? []).length, e.serviceMonitors + e.podMonitors],
      'problems': [r.problems.length, 0],
    };
    for (const [what, [got, want]] of Object.entries(counts)) {
      if (got !== want) throw new Error(`${r.prometheus}: ${got} ${what}, expected ${want}${r.problems.length ? ` (${r.problems[0]})` : ''}`);
    }
  });
}

function countJobs(r: ResolvedPrometheus, prefix: string): number {
  const jobs = r.config.scrape_configs as Array<{ job_name: string }>;
  return jobs.filter((job) => job.job_name.startsWith(prefix)).length;
}
