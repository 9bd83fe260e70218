import { applyCrdDefaults, withDefaultNamespace } from '../../../src/resolver/defaults';
import { renderPrometheusConfig } from '../../../src/resolver/render';
import { selectAll } from '../../../src/resolver/select/select';
import { KubeObject, objectKey } from '../../../src/resolver/types';

/**
 * The prometheus.yaml the operator would generate for one Prometheus among `objects`: objects as
 * the API server stores them (CRD defaults, default namespace), then selection and rendering.
 * Throws when the Prometheus is missing or the operator would not generate a configuration.
 */
export function renderForPrometheus(objects: readonly KubeObject[], prometheus: string): any {
  const stored = objects.map((o) => applyCrdDefaults(withDefaultNamespace(o)));
  const selection = selectAll(stored).find((s) => objectKey(s.prometheus) === prometheus);
  if (!selection) {
    throw new Error(`no Prometheus ${prometheus} among the objects`);
  }
  if (selection.error) {
    throw new Error(`Prometheus ${prometheus}: ${selection.error}`);
  }
  return renderPrometheusConfig({
    prometheus: selection.prometheus,
    serviceMonitors: selection.selected.serviceMonitors,
    podMonitors: selection.selected.podMonitors,
    probes: selection.selected.probes,
    scrapeConfigs: selection.selected.scrapeConfigs,
    objects: stored,
    ruleConfigMapNames: selection.ruleConfigMapNames,
  }).config;
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
