/**
 * Scrape limits: per-job limits from monitors capped by the Prometheus's enforced limits, the
 * global defaults, and the body size limit.
 */

import { RenderContext } from '../context';
import { parseBase2Bytes } from '../duration';
import { versionAtLeast } from '../version';

/** One limit: its field in monitors, its enforced field on the Prometheus, its Prometheus key. */
interface LimitKey {
  readonly specField: string;
  readonly enforcedField: string;
  readonly prometheusField: string;
  readonly minVersion?: string;
}

const LIMIT_KEYS: readonly LimitKey[] = [
  { specField: 'sampleLimit', enforcedField: 'enforcedSampleLimit', prometheusField: 'sample_limit' },
  { specField: 'targetLimit', enforcedField: 'enforcedTargetLimit', prometheusField: 'target_limit', minVersion: '2.21.0' },
  { specField: 'labelLimit', enforcedField: 'enforcedLabelLimit', prometheusField: 'label_limit', minVersion: '2.27.0' },
  { specField: 'labelNameLengthLimit', enforcedField: 'enforcedLabelNameLengthLimit', prometheusField: 'label_name_length_limit', minVersion: '2.27.0' },
  { specField: 'labelValueLengthLimit', enforcedField: 'enforcedLabelValueLengthLimit', prometheusField: 'label_value_length_limit', minVersion: '2.27.0' },
  { specField: 'keepDroppedTargets', enforcedField: 'enforcedKeepDroppedTargets', prometheusField: 'keep_dropped_targets', minVersion: '2.47.0' },
];

/**
 * The limit a job gets: the user's limit when nothing is enforced; the lower of the two when
 * both are set; the enforced one when the user set none (only before Prometheus 2.45, where
 * the global limits section does not exist).
 */
export function effectiveLimit(ctx: RenderContext, user: number | undefined, enforced: number | undefined): number | undefined {
  if (!enforced) return user;
  if (!user) return versionAtLeast(ctx.version, '2.45.0') ? undefined : enforced;
  return enforced > user ? user : enforced;
}

/** Writes the six per-job limits of a monitor spec into a scrape job, in the operator's order. */
export function addJobLimits(ctx: RenderContext, cfg: Record<string, unknown>, spec: any): void {
  for (const k of LIMIT_KEYS) {
    const value = effectiveLimit(ctx, spec?.[k.specField], ctx.spec[k.enforcedField]);
    if (value === undefined || value === null) continue;
    const gate = k.minVersion ? ctx.minVersion(k.minVersion) : ctx.gate;
    gate.set(cfg, k.prometheusField, value);
  }
}

/** The lower of a monitor's body size limit and the enforced one (getLowerByteSize). */
export function effectiveBodySizeLimit(ctx: RenderContext, own: string | undefined): string | undefined {
  const enforced: string = ctx.spec.enforcedBodySizeLimit ?? '';
  if (enforced === '') return own;
  if (!own) return enforced;
  return parseBase2Bytes(own) > parseBase2Bytes(enforced) ? enforced : own;
}

/** Writes body_size_limit (Prometheus >= 2.28) when the monitor or the Prometheus sets one. */
export function addBodySizeLimit(ctx: RenderContext, cfg: Record<string, unknown>, own: string | undefined): void {
  const v = effectiveBodySizeLimit(ctx, own);
  if (v) ctx.minVersion('2.28.0').set(cfg, 'body_size_limit', v);
}

/**
 * The limits of the global section (Prometheus >= 2.45; keep_dropped_targets >= 2.47): the
 * Prometheus's own limit capped by the enforced one, or the enforced one alone.
 */
export function addGlobalLimits(ctx: RenderContext, global: Record<string, unknown>): void {
  const spec = ctx.spec;
  const gate = ctx.minVersion('2.45.0');
  if (spec.bodySizeLimit !== undefined && spec.bodySizeLimit !== null) {
    gate.set(global, 'body_size_limit', spec.bodySizeLimit);
  } else if (spec.enforcedBodySizeLimit) {
    gate.set(global, 'body_size_limit', spec.enforcedBodySizeLimit);
  }
  for (const k of LIMIT_KEYS) {
    const g = k.specField === 'keepDroppedTargets' ? ctx.minVersion('2.47.0') : gate;
    const limit: number | undefined = spec[k.specField];
    const enforced: number | undefined = spec[k.enforcedField];
    if (limit !== undefined && limit !== null && limit > 0) {
      if (enforced !== undefined && enforced !== null && enforced > 0 && limit > enforced) {
        ctx.warn(`"${k.prometheusField}" is greater than the enforced limit, using enforced limit ${enforced}`);
        g.set(global, k.prometheusField, enforced);
      } else {
        g.set(global, k.prometheusField, limit);
      }
    } else if (enforced !== undefined && enforced !== null && enforced > 0) {
      g.set(global, k.prometheusField, enforced);
    }
  }
}
