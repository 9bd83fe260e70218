import { LabelBuilder, processBuilder } from '../relabel';
import { LabelSet } from './discovery/meta';
import { ScrapeJob } from './scrape-job';
import { parsePrometheusDuration } from '../render/duration';

/** What happened to one discovered target in one scrape pool. */
export type TargetOutcome =
  | { readonly kind: 'active'; readonly labels: LabelSet; readonly allLabels: LabelSet; readonly discoveredLabels: LabelSet; readonly scrapeUrl: string }
  | { readonly kind: 'dropped'; readonly discoveredLabels: LabelSet; readonly reason: string }
  | { readonly kind: 'error'; readonly discoveredLabels: LabelSet; readonly reason: string };

/**
 * Prometheus's scrape.PopulateLabels for one discovered target (its own labels over its group's):
 * the job's default labels, `__param_*`, relabel_configs, the default port from the scheme, the
 * interval and timeout checks, `__meta_*` removal and the `instance` default. `labels` are the
 * public labels (no `__` prefix) as /api/v1/targets shows them, `allLabels` include the internal
 * ones (`__address__`, `__scheme__`, ...); `discoveredLabels` are the labels before relabeling.
 * Prometheus feeds a target's labels to relabeling in Go map order, which only matters when a
 * labelmap maps two labels onto one name; the preview then uses name order.
 */
export function finalizeTarget(groupLabels: LabelSet, targetLabels: LabelSet, job: ScrapeJob): TargetOutcome {
  const lb = new LabelBuilder({ ...groupLabels, ...targetLabels });
  const defaults: Array<[string, string]> = [
    ['job', job.jobName],
    ['__scrape_interval__', job.scrapeInterval],
    ['__scrape_timeout__', job.scrapeTimeout],
    ['__metrics_path__', job.metricsPath],
    ['__scheme__', job.scheme],
  ];
  for (const [name, value] of defaults) {
    if (lb.get(name) === '') {
      lb.set(name, value);
    }
  }
  for (const [k, values] of Object.entries(job.params)) {
    if (values.length > 0) {
      lb.set(`__param_${k}`, values[0]);
    }
  }
  const discoveredLabels = lb.labels();
  // Rule by rule, to name the one that drops the target.
  const dropIndex = job.relabelRules.findIndex((rule) => !processBuilder(lb, [rule]));
  if (dropIndex >= 0) {
    const rule = job.relabelRules[dropIndex];
    return { kind: 'dropped', discoveredLabels, reason: `relabel_configs[${dropIndex}] (action ${rule.action}) dropped it` };
  }
  const fail = (reason: string): TargetOutcome => ({ kind: 'error', discoveredLabels, reason });
  let addr = lb.get('__address__');
  if (addr === '') {
    return fail('no address');
  }
  const scheme = lb.get('__scheme__');
  if (needsDefaultPort(addr)) {
    if (scheme === 'http' || scheme === '') {
      addr += ':80';
    } else if (scheme === 'https') {
      addr += ':443';
    } else {
      return fail(`invalid scheme: ${JSON.stringify(job.scheme)}`);
    }
    lb.set('__address__', addr);
  }
  if (addr.includes('/')) {
    return fail(`${JSON.stringify(addr)} is not a valid hostname`);
  }
  const interval = lb.get('__scrape_interval__');
  const timeout = lb.get('__scrape_timeout__');
  const intervalMs = parsePrometheusDuration(interval);
  const timeoutMs = parsePrometheusDuration(timeout);
  if (intervalMs === undefined) return fail(`error parsing scrape interval: ${JSON.stringify(interval)}`);
  if (intervalMs === 0) return fail('scrape interval cannot be 0');
  if (timeoutMs === undefined) return fail(`error parsing scrape timeout: ${JSON.stringify(timeout)}`);
  if (timeoutMs === 0) return fail('scrape timeout cannot be 0');
  if (timeoutMs > intervalMs) return fail(`scrape timeout cannot be greater than scrape interval (${JSON.stringify(timeout)} > ${JSON.stringify(interval)})`);

  for (const { name } of lb.list()) {
    if (name.startsWith('__meta_')) {
      lb.delete(name);
    }
  }
  if (lb.get('instance') === '') {
    lb.set('instance', addr);
  }
  const all = lb.labels();
  const labels: LabelSet = {};
  for (const [k, v] of Object.entries(all)) {
    if (!k.startsWith('__')) {
      labels[k] = v;
    }
  }
  return { kind: 'active', labels, allLabels: all, discoveredLabels, scrapeUrl: scrapeUrl(all, job) };
}

/** Go's net.SplitHostPort fails on `addr` but succeeds once a port is appended. */
function needsDefaultPort(addr: string): boolean {
  return !splitsHostPort(addr) && splitsHostPort(`${addr}:1234`);
}

function splitsHostPort(s: string): boolean {
  const last = s.lastIndexOf(':');
  if (last < 0) {
    return false;
  }
  if (s.startsWith('[')) {
    const end = s.indexOf(']');
    return end + 1 === last && !s.slice(1).includes('[') && !s.slice(end + 1).includes(']');
  }
  return !s.slice(0, last).includes(':') && !s.includes('[') && !s.includes(']');
}

/** The URL Prometheus scrapes: scheme, address, metrics path, and the params (sorted by key). */
function scrapeUrl(labels: LabelSet, job: ScrapeJob): string {
  const params = new Map<string, string[]>(Object.entries(job.params).map(([k, v]) => [k, [...v]]));
  for (const [k, v] of Object.entries(labels)) {
    if (k.startsWith('__param_')) {
      const name = k.slice('__param_'.length);
      const values = params.get(name) ?? [];
      params.set(name, values.length ? [v, ...values.slice(1)] : [v]);
    }
  }
  const query = [...params.keys()].sort().flatMap((k) => params.get(k)!.map((v) => `${encodeQuery(k)}=${encodeQuery(v)}`)).join('&');
  return `${labels.__scheme__}://${labels.__address__}${labels.__metrics_path__}${query ? `?${query}` : ''}`;
}

/** Go's url.QueryEscape. */
function encodeQuery(s: string): string {
  return encodeURIComponent(s).replace(/%20/g, '+').replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
