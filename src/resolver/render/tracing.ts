/** The `tracing` section (spec.tracingConfig): where and how Prometheus exports its traces. */

import { RenderContext } from './context';
import { RenderError } from './errors';
import { clientScope } from './http/scope';
import { addTLS, validateTLS } from './http/tls';
import { quantityToNumber } from './quantity';
import { sortedMap } from './sorted-map';
import { AssetStore, isEmptySelector } from './store';

/**
 * The value of the `tracing` section (the operator's appendTracingConfig), or undefined when
 * spec.tracingConfig is not set. Throws when the TLS settings are invalid or the sampling
 * fraction is outside 0..1. Headers are written sorted by name.
 */
export function renderTracing(ctx: RenderContext): Record<string, unknown> | undefined {
  const tc = ctx.spec.tracingConfig;
  if (tc == null) return undefined;
  validateTLS(tc.tlsConfig, { object: ctx.prometheus, field: 'spec.tracingConfig.tlsConfig' });
  let fraction: number | undefined;
  if (tc.samplingFraction != null) {
    fraction = quantityToNumber(tc.samplingFraction);
    if (fraction === undefined || fraction < 0 || fraction > 1) {
      throw new RenderError(`samplingFraction must be between 0 and 1 (got ${tc.samplingFraction})`,
        ctx.prometheus, 'spec.tracingConfig.samplingFraction');
    }
  }

  const tracing: Record<string, unknown> = { endpoint: tc.endpoint ?? '' };
  if (tc.clientType != null) tracing.client_type = String(tc.clientType).toLowerCase();
  if (fraction !== undefined) tracing.sampling_fraction = fraction;
  if (tc.insecure != null) tracing.insecure = tc.insecure;
  if (Object.keys(tc.headers ?? {}).length > 0) tracing.headers = sortedMap(tc.headers);
  if (tc.compression != null) tracing.compression = String(tc.compression).toLowerCase();
  if (tc.timeout != null) tracing.timeout = tc.timeout;
  addTLS(tracing, clientScope(ctx, AssetStore.of(ctx).forNamespace(ctx.namespace)), tc.tlsConfig);
  warnUnmountedTLS(ctx, tc.tlsConfig);
  return tracing;
}

/**
 * The operator writes the file names of tracing TLS references but never copies them into the
 * TLS assets Secret, so Prometheus cannot read those files: say so.
 */
function warnUnmountedTLS(ctx: RenderContext, tls: any): void {
  const refs: string[] = [];
  if (!isEmptySelector(tls?.ca)) refs.push('ca');
  if (!isEmptySelector(tls?.cert)) refs.push('cert');
  if (tls?.keySecret != null) refs.push('keySecret');
  if (refs.length === 0) return;
  ctx.warn(`spec.tracingConfig.tlsConfig: ${refs.join(', ')} from Secrets/ConfigMaps are written as files under /etc/prometheus/certs `
    + 'but the operator does not mount them for tracing; use caFile/certFile/keyFile with a mounted volume instead');
}
