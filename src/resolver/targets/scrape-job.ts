import { RelabelRule, parseRelabelConfigs } from '../relabel';
import { formatPrometheusDuration, parsePrometheusDuration } from '../render/duration';

/** What target finalisation needs from one scrape_configs entry, with Prometheus's defaults applied. */
export interface ScrapeJob {
  readonly jobName: string;
  /** scrape_interval as Prometheus prints it (`30s`). */
  readonly scrapeInterval: string;
  readonly scrapeTimeout: string;
  readonly metricsPath: string;
  readonly scheme: string;
  /** Query parameters (`params`), first value of each. */
  readonly params: Readonly<Record<string, readonly string[]>>;
  readonly relabelRules: readonly RelabelRule[];
  /** The raw entry, for its service discovery sections. */
  readonly raw: any;
}

const DEFAULT_INTERVAL = 60_000;
const DEFAULT_TIMEOUT = 10_000;

/**
 * Reads the scrape jobs of a prometheus.yaml (as a plain object) with Prometheus's defaulting of
 * intervals and timeouts from `global`. Throws an Error naming the job and field on bad input.
 */
export function readScrapeJobs(config: any): ScrapeJob[] {
  if (!config || typeof config !== 'object') {
    throw new Error('the Prometheus configuration must be a mapping');
  }
  const global = config.global ?? {};
  const globalInterval = durationField(global.scrape_interval, 'global.scrape_interval') ?? DEFAULT_INTERVAL;
  let globalTimeout = durationField(global.scrape_timeout, 'global.scrape_timeout');
  if (globalTimeout !== undefined && globalTimeout > globalInterval) {
    throw new Error('global.scrape_timeout: the global scrape timeout is greater than the scrape interval');
  }
  globalTimeout ??= Math.min(DEFAULT_TIMEOUT, globalInterval);

  const jobs: any[] = config.scrape_configs ?? [];
  if (!Array.isArray(jobs)) {
    throw new Error('scrape_configs: must be a list');
  }
  const seen = new Set<string>();
  return jobs.map((job, i) => {
    const name = job?.job_name;
    const where = `scrape_configs[${typeof name === 'string' ? name : i}]`;
    if (typeof name !== 'string' || name === '') {
      throw new Error(`${where}.job_name: every scrape config needs a job_name`);
    }
    if (seen.has(name)) {
      throw new Error(`${where}.job_name: found multiple scrape configs with job name ${JSON.stringify(name)}`);
    }
    seen.add(name);
    const interval = durationField(job.scrape_interval, `${where}.scrape_interval`) || globalInterval;
    let timeout = durationField(job.scrape_timeout, `${where}.scrape_timeout`) || 0;
    if (timeout > interval) {
      throw new Error(`${where}.scrape_timeout: scrape timeout greater than scrape interval for scrape config with job name ${JSON.stringify(name)}`);
    }
    if (timeout === 0) {
      timeout = globalTimeout! > interval ? interval : globalTimeout!;
    }
    const params: Record<string, string[]> = {};
    for (const [k, v] of Object.entries(job.params ?? {})) {
      params[k] = (Array.isArray(v) ? v : [v]).map(String);
    }
    return {
      jobName: name,
      scrapeInterval: formatPrometheusDuration(interval),
      scrapeTimeout: formatPrometheusDuration(timeout),
      metricsPath: job.metrics_path ?? '/metrics',
      scheme: job.scheme ?? 'http',
      params,
      relabelRules: parseRelabelConfigs(job.relabel_configs, `${where}.relabel_configs`),
      raw: job,
    };
  });
}

function durationField(value: unknown, where: string): number | undefined {
  if (value === undefined || value === null) {
    return undefined;
  }
  const ms = parsePrometheusDuration(String(value));
  if (ms === undefined) {
    throw new Error(`${where}: ${JSON.stringify(value)} is not a Prometheus duration (e.g. 30s, 1m, 1h30m)`);
  }
  return ms;
}
