import { resolve } from '../../../src/resolver/resolve';
import { KubeObject } from '../../../src/resolver/types';

/** The prometheus.yaml (as data) the operator would generate for one Prometheus among `objects`. */
export function renderForPrometheus(objects: readonly KubeObject[], prometheus: string): any {
  return resolve(objects, { prometheus }).prometheuses[0].config;
}

/**
 * The configuration with every scrape interval and timeout set to `interval` (global and per
 * job), so that a test sees scrapes within seconds. Nothing else changes.
 */
export function withScrapeInterval(config: any, interval: string): any {
  const copy = structuredClone(config);
  copy.global = { ...(copy.global ?? {}), scrape_interval: interval, scrape_timeout: interval };
  for (const job of copy.scrape_configs ?? []) {
    job.scrape_interval = interval;
    if (job.scrape_timeout !== undefined) {
      job.scrape_timeout = interval;
    }
  }
  return copy;
}
