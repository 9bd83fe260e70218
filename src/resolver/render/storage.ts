/**
 * The `storage` section: exemplar storage and TSDB settings (out-of-order window, stale series
 * compaction, chunk encoding, and retention for Prometheus >= 3.11).
 */

import { RenderContext } from './context';
import { RenderError } from './errors';
import { quantityToNumber } from './quantity';

/** The retention the operator applies when neither spec.retention nor spec.retentionSize is set. */
export const DEFAULT_RETENTION = '24h';

/**
 * The value of the `storage` section of a Prometheus server (the operator's
 * appendStorageSettingsConfig), or undefined when there is nothing to write. The whole section
 * needs Prometheus >= 2.29. Throws when the TSDB settings are invalid.
 */
export function renderStorage(ctx: RenderContext): Record<string, unknown> | undefined {
  const spec = ctx.spec;
  validateTSDB(ctx);
  const gate = ctx.minVersion('2.29.0');
  const storage: Record<string, unknown> = {};
  if (spec.exemplars?.maxSize != null) gate.set(storage, 'exemplars', { max_exemplars: spec.exemplars.maxSize });

  const tsdb = tsdbSettings(ctx);
  if (ctx.minVersion('3.11.0').compatible) {
    const retention: Record<string, unknown> = {};
    const retentionTime = retentionTimeOrDefault(spec.retention, spec.retentionSize);
    if (retentionTime) retention.time = retentionTime;
    if (spec.retentionSize) retention.size = spec.retentionSize;
    tsdb.retention = retention;
  }
  if (Object.keys(tsdb).length > 0) storage.tsdb = tsdb;
  if (Object.keys(storage).length === 0) return undefined;
  if (!gate.compatible) {
    gate.ignored('storage');
    return undefined;
  }
  return storage;
}

/**
 * The value of the `storage` section of a PrometheusAgent, or undefined. The operator writes one
 * `storage` item per TSDB setting (out-of-order window >= 2.54, stale series compaction >= 3.10,
 * chunk encoding >= 3.13); they are merged here into one map, since a configuration cannot
 * hold the same key twice.
 */
export function renderAgentStorage(ctx: RenderContext): Record<string, unknown> | undefined {
  validateTSDB(ctx);
  const t = ctx.spec.tsdb;
  if (t == null) return undefined;
  const tsdb: Record<string, unknown> = {};
  if (t.outOfOrderTimeWindow != null) ctx.minVersion('2.54.0').set(tsdb, 'out_of_order_time_window', t.outOfOrderTimeWindow);
  if (t.staleSeriesCompactionThreshold != null) {
    ctx.minVersion('3.10.0').set(tsdb, 'stale_series_compaction_threshold', quantityToNumber(t.staleSeriesCompactionThreshold));
  }
  if (t.chunkEncoding?.floats != null) {
    ctx.minVersion('3.13.0').set(tsdb, 'chunk_encoding', { floats: String(t.chunkEncoding.floats).toLowerCase() });
  }
  return Object.keys(tsdb).length > 0 ? { tsdb } : undefined;
}

/** spec.retention, or the operator's 24h default when neither retention nor retentionSize is set. */
export function retentionTimeOrDefault(retention: string | undefined, retentionSize: string | undefined): string {
  if (!retention && !retentionSize) return DEFAULT_RETENTION;
  return retention ?? '';
}

/** The tsdb settings shared by servers: out-of-order window (>= 2.39), stale series compaction (>= 3.10), chunk encoding (>= 3.13). */
function tsdbSettings(ctx: RenderContext): Record<string, unknown> {
  const t = ctx.spec.tsdb;
  const tsdb: Record<string, unknown> = {};
  if (t == null) return tsdb;
  if (t.outOfOrderTimeWindow != null) ctx.minVersion('2.39.0').set(tsdb, 'out_of_order_time_window', t.outOfOrderTimeWindow);
  if (t.staleSeriesCompactionThreshold != null) {
    ctx.minVersion('3.10.0').set(tsdb, 'stale_series_compaction_threshold', quantityToNumber(t.staleSeriesCompactionThreshold));
  }
  if (t.chunkEncoding?.floats != null) {
    ctx.minVersion('3.13.0').set(tsdb, 'chunk_encoding', { floats: String(t.chunkEncoding.floats).toLowerCase() });
  }
  return tsdb;
}

/**
 * TSDBSpec.Validate and the chunk encoding check: staleSeriesCompactionThreshold must be a
 * number from 0 to 1, and the Xor float encoding cannot go with the st-storage feature.
 */
function validateTSDB(ctx: RenderContext): void {
  const t = ctx.spec.tsdb;
  if (t?.staleSeriesCompactionThreshold != null) {
    const v = quantityToNumber(t.staleSeriesCompactionThreshold);
    if (v === undefined || v < 0 || v > 1) {
      throw new RenderError(
        `staleSeriesCompactionThreshold must be between 0 and 1. The current value is ${t.staleSeriesCompactionThreshold}`,
        ctx.prometheus, 'spec.tsdb.staleSeriesCompactionThreshold');
    }
  }
  if (t?.chunkEncoding?.floats === 'Xor' && (ctx.spec.enableFeatures ?? []).includes('st-storage')) {
    throw new RenderError(
      'chunk encoding "Xor" is incompatible with --enable-feature=st-storage (XOR chunks do not store start timestamps); use Xor2 or drop the feature',
      ctx.prometheus, 'spec.tsdb.chunkEncoding.floats');
  }
}
