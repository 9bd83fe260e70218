import { context, prometheus } from './helpers';
import {
  addBodySizeLimit, addGlobalLimits, addJobLimits, effectiveBodySizeLimit, effectiveLimit,
} from '../../../../src/resolver/render/scrape/limits';

describe('limits', () => {
  test('a job gets the lower of its own and the enforced limit', () => {
    const ctx = context(prometheus());
    expect(effectiveLimit(ctx, 100, undefined)).toBe(100);
    expect(effectiveLimit(ctx, 100, 50)).toBe(50);
    expect(effectiveLimit(ctx, 10, 50)).toBe(10);
  });

  test('without its own limit a job inherits the enforced one only before Prometheus 2.45', () => {
    expect(effectiveLimit(context(prometheus()), undefined, 50)).toBeUndefined();
    expect(effectiveLimit(context(prometheus({ version: 'v2.44.0' })), undefined, 50)).toBe(50);
  });

  test('job limits in order, each behind its minimum version', () => {
    const ctx = context(prometheus({ version: 'v2.26.0' }));
    const cfg: Record<string, unknown> = {};
    addJobLimits(ctx, cfg, { keepDroppedTargets: 5, labelLimit: 4, targetLimit: 3, sampleLimit: 2 });
    expect(cfg).toEqual({ sample_limit: 2, target_limit: 3 });
    expect(ctx.warnings).toHaveLength(2);
  });

  test('body size: the lower of the monitor and the enforced value, base-2 units', () => {
    const ctx = context(prometheus({ enforcedBodySizeLimit: '1GB' }));
    expect(effectiveBodySizeLimit(ctx, '2GB')).toBe('1GB');
    expect(effectiveBodySizeLimit(ctx, '512MB')).toBe('512MB');
    expect(effectiveBodySizeLimit(ctx, undefined)).toBe('1GB');
    const old = context(prometheus({ version: 'v2.27.0' }));
    const cfg: Record<string, unknown> = {};
    addBodySizeLimit(old, cfg, '1MB');
    expect(cfg).toEqual({});
  });

  test('global limits: own value capped by the enforced one, else the enforced one', () => {
    const ctx = context(prometheus({
      sampleLimit: 2000,
      enforcedSampleLimit: 1000,
      targetLimit: 10,
      enforcedLabelLimit: 30,
      keepDroppedTargets: 7,
      bodySizeLimit: '5MB',
    }));
    const g: Record<string, unknown> = {};
    addGlobalLimits(ctx, g);
    expect(g).toEqual({ body_size_limit: '5MB', sample_limit: 1000, target_limit: 10, label_limit: 30, keep_dropped_targets: 7 });
    expect(ctx.warnings[0]).toContain('"sample_limit" is greater than the enforced limit');
  });
});
