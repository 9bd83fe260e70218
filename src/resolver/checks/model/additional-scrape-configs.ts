/**
 * The raw scrape jobs of a Prometheus's spec.additionalScrapeConfigs Secret key, read the way
 * the operator reads them (YAML 1.1, a list of maps), or why they cannot be read.
 */

import { parseOperatorYaml } from '../../render/scrape/additional-scrape-configs';
import { KubeObject } from '../../types';
import { CheckContext } from '../context';

/** The jobs, or the reason they cannot be read and whether the Secret is in the app at all. */
export interface AdditionalJobs {
  /** The jobs (empty when the field is unset). Undefined when they cannot be read. */
  readonly jobs?: readonly Record<string, unknown>[];
  /** Why they cannot be read. */
  readonly problem?: string;
  /** True when the Secret is simply not in the app (so nothing can be verified). */
  readonly secretAbsent?: boolean;
}

/** Reads spec.additionalScrapeConfigs of `prometheus` (memoized per run). */
export function additionalScrapeJobs(ctx: CheckContext, prometheus: KubeObject): AdditionalJobs {
  return ctx.cached(prometheus, 'additional-scrape-jobs', (): AdditionalJobs => {
    const ref = prometheus.spec?.additionalScrapeConfigs;
    if (!ref || typeof ref !== 'object') return { jobs: [] };
    const ns = prometheus.metadata.namespace ?? '';
    const name = String(ref.name ?? '');
    const key = String(ref.key ?? '');
    const data = ctx.index.secret(ns, name);
    if (!data) {
      if (ref.optional === true) return { jobs: [] };
      return { problem: `Secret ${ns}/${name} is not in the app`, secretAbsent: true };
    }
    const text = data.get(key);
    if (text === undefined) {
      if (ref.optional === true) return { jobs: [] };
      return { problem: `Secret ${ns}/${name} has no key ${JSON.stringify(key)} (keys: [${[...data.keys()].sort().join(', ')}])` };
    }
    let parsed: unknown;
    try {
      parsed = parseOperatorYaml(text);
    } catch (e) {
      return { problem: `key ${JSON.stringify(key)} of Secret ${ns}/${name} is not valid YAML: ${(e as Error).message.split('\n')[0]}` };
    }
    if (parsed === null || parsed === undefined) return { jobs: [] };
    if (!Array.isArray(parsed) || parsed.some((j) => j === null || typeof j !== 'object' || Array.isArray(j))) {
      return { problem: `key ${JSON.stringify(key)} of Secret ${ns}/${name} is not a YAML list of scrape configs` };
    }
    return { jobs: parsed as Record<string, unknown>[] };
  });
}
