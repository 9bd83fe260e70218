/** Metric name validation and escaping schemes (global section and ScrapeConfig jobs). */

import { RenderContext } from '../context';

const ESCAPING_SCHEMES: Record<string, string> = {
  AllowUTF8: 'allow-utf-8',
  Underscores: 'underscores',
  Dots: 'dots',
  Values: 'values',
};

/** metric_name_validation_scheme (Prometheus >= 3.0), lower-cased. */
export function addNameValidationScheme(ctx: RenderContext, cfg: Record<string, unknown>, scheme: string | undefined): void {
  if (scheme === undefined || scheme === null) return;
  ctx.minVersion('3.0.0').set(cfg, 'metric_name_validation_scheme', String(scheme).toLowerCase());
}

/** metric_name_escaping_scheme (Prometheus >= 3.4), in Prometheus's spelling; unknown values are skipped. */
export function addNameEscapingScheme(ctx: RenderContext, cfg: Record<string, unknown>, scheme: string | undefined): void {
  if (scheme === undefined || scheme === null) return;
  const v = ESCAPING_SCHEMES[scheme];
  if (v !== undefined) ctx.minVersion('3.4.0').set(cfg, 'metric_name_escaping_scheme', v);
}
