/**
 * The prometheus.yaml each Prometheus gets, rendered once per run from the operator's selection,
 * for the checks that read the final configuration (duplicate job names). References to
 * Secrets the app does not define are not resolved (their own checks say "cannot verify"), and an
 * additionalScrapeConfigs Secret that cannot be read is left out.
 */

import { renderPrometheusConfig } from '../../render';
import { RenderError } from '../../render/errors';
import { KubeObject } from '../../types';
import { CheckContext } from '../context';
import { additionalScrapeJobs } from './additional-scrape-configs';

/** A rendered configuration, or why the operator would refuse to generate one. */
export interface Rendered {
  readonly config?: Record<string, unknown>;
  /** What the operator would log while generating it (ignored settings). */
  readonly warnings?: readonly string[];
  readonly error?: RenderError;
}

/** Renders the configuration of `prometheus` (memoized per run). */
export function renderedConfig(ctx: CheckContext, prometheus: KubeObject): Rendered {
  return ctx.cached(prometheus, 'rendered', () => {
    const selection = ctx.selections().find((s) => s.prometheus === prometheus);
    if (!selection || selection.error) return {};
    const readable = additionalScrapeJobs(ctx, prometheus).jobs !== undefined;
    const input = readable ? prometheus : { ...prometheus, spec: { ...prometheus.spec, additionalScrapeConfigs: undefined } };
    try {
      const { config, warnings } = renderPrometheusConfig({
        prometheus: input,
        serviceMonitors: selection.selected.serviceMonitors,
        podMonitors: selection.selected.podMonitors,
        probes: selection.selected.probes,
        scrapeConfigs: selection.selected.scrapeConfigs,
        ruleConfigMapNames: selection.ruleConfigMapNames,
        objects: [...ctx.objects],
        checkReferences: false,
      });
      return { config, warnings };
    } catch (e) {
      if (e instanceof RenderError) return { error: e };
      throw e;
    }
  });
}
