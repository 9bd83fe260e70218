/**
 * spec.additionalScrapeConfigs: raw scrape jobs read from a Secret key, appended after the
 * generated jobs; with several shards each gets the sharding rules unless it already hashes.
 */

import { parse } from 'yaml';
import { RenderContext } from '../context';
import { RenderError } from '../errors';
import { AssetStore, readSecretRef } from '../store';
import { Relabeling } from './relabelings';
import { appendShardingRelabelingsIfMissing } from './sharding';

const FIELD = 'spec.additionalScrapeConfigs';

/** Parses YAML text as the operator's YAML library does (YAML 1.1 scalars, e.g. `yes` is true). */
export function parseOperatorYaml(text: string): unknown {
  return parse(text, { version: '1.1', uniqueKeys: false });
}

/** The additional scrape jobs of the Prometheus, ready to append to scrape_configs. */
export function additionalScrapeConfigs(ctx: RenderContext, shards: number): Record<string, unknown>[] {
  const store = AssetStore.of(ctx).forNamespace(ctx.namespace);
  const text = readSecretRef(store, ctx.spec.additionalScrapeConfigs, { object: ctx.prometheus, field: FIELD });
  if (text === undefined) return [];
  let jobs: unknown;
  try {
    jobs = parseOperatorYaml(text);
  } catch (e) {
    throw new RenderError(`unmarshalling additional scrape configs failed: ${(e as Error).message}`, ctx.prometheus, FIELD);
  }
  if (jobs === null || jobs === undefined) return [];
  if (!Array.isArray(jobs) || jobs.some((j) => j === null || typeof j !== 'object' || Array.isArray(j))) {
    throw new RenderError('unmarshalling additional scrape configs failed: expected a YAML list of scrape job maps',
      ctx.prometheus, FIELD);
  }
  const list = jobs as Record<string, unknown>[];
  if (ctx.daemonSet || shards === 1) return list;
  return list.map((job, i) => {
    const out: Record<string, unknown> = {};
    let relabelings: Relabeling[] = [];
    for (const [k, v] of Object.entries(job)) {
      if (k !== 'relabel_configs') {
        out[k] = v;
        continue;
      }
      if (!Array.isArray(v) || v.some((r) => r === null || typeof r !== 'object' || Array.isArray(r))) {
        throw new RenderError('error parsing relabel configs: relabel_configs must be a list of maps', ctx.prometheus,
          `${FIELD} (job ${i})`);
      }
      relabelings = v as Relabeling[];
    }
    out.relabel_configs = appendShardingRelabelingsIfMissing(ctx, relabelings, shards);
    return out;
  });
}
