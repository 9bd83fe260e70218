/**
 * Per-job scrape options shared by every monitor kind: honor_labels, honor_timestamps,
 * track_timestamps_staleness, scrape protocols and native histogram settings, each written
 * only for the Prometheus versions that understand it.
 */

import { RenderContext } from '../context';
import { quantityToNumber } from '../quantity';

type Cfg = Record<string, unknown>;

/** honor_labels, forced to false when the Prometheus sets overrideHonorLabels. */
export function addHonorLabels(ctx: RenderContext, cfg: Cfg, honorLabels: boolean | undefined): void {
  ctx.gate.set(cfg, 'honor_labels', ctx.spec.overrideHonorLabels ? false : honorLabels === true);
}

/**
 * honor_timestamps (Prometheus >= 2.9): written only when the user set it or the Prometheus
 * sets overrideHonorTimestamps (which forces false).
 */
export function addHonorTimestamps(ctx: RenderContext, cfg: Cfg, honorTimestamps: boolean | undefined): void {
  const override = ctx.spec.overrideHonorTimestamps === true;
  if ((honorTimestamps === undefined || honorTimestamps === null) && !override) return;
  ctx.minVersion('2.9.0').set(cfg, 'honor_timestamps', honorTimestamps === true && !override);
}

/** track_timestamps_staleness (Prometheus >= 2.48) when set. */
export function addTrackTimestampsStaleness(ctx: RenderContext, cfg: Cfg, value: boolean | undefined): void {
  if (value === undefined || value === null) return;
  ctx.minVersion('2.48.0').set(cfg, 'track_timestamps_staleness', value);
}

/**
 * scrape_protocols (Prometheus >= 2.49); PrometheusText1.0.0 is dropped before Prometheus 3.
 */
export function addScrapeProtocols(ctx: RenderContext, cfg: Cfg, protocols: readonly string[] | undefined): void {
  if (!protocols || protocols.length === 0) return;
  const out: string[] = [];
  for (const p of protocols) {
    if (p === 'PrometheusText1.0.0' && !ctx.minVersion('3.0.0-rc.0').compatible) {
      ctx.minVersion('3.0.0-rc.0').ignored(`scrapeProtocol=${p}`);
      continue;
    }
    out.push(p);
  }
  ctx.minVersion('2.49.0').set(cfg, 'scrape_protocols', out);
}

/** fallback_scrape_protocol (Prometheus >= 3.0) when set. */
export function addFallbackScrapeProtocol(ctx: RenderContext, cfg: Cfg, protocol: string | undefined): void {
  if (protocol === undefined || protocol === null) return;
  ctx.minVersion('3.0.0').set(cfg, 'fallback_scrape_protocol', protocol);
}

/**
 * Native histogram settings of a monitor spec (NativeHistogramConfig, inlined): each key with
 * its minimum version; scrapeClassicHistograms is always_scrape_classic_histograms on v3.
 */
export function addNativeHistogramConfig(ctx: RenderContext, cfg: Cfg, spec: any): void {
  const s = spec ?? {};
  if (s.scrapeNativeHistograms !== undefined && s.scrapeNativeHistograms !== null) {
    ctx.minVersion('3.8.0').set(cfg, 'scrape_native_histograms', s.scrapeNativeHistograms);
  }
  if (s.nativeHistogramBucketLimit !== undefined && s.nativeHistogramBucketLimit !== null) {
    ctx.minVersion('2.45.0').set(cfg, 'native_histogram_bucket_limit', s.nativeHistogramBucketLimit);
  }
  if (s.nativeHistogramMinBucketFactor !== undefined && s.nativeHistogramMinBucketFactor !== null) {
    ctx.minVersion('2.50.0').set(cfg, 'native_histogram_min_bucket_factor', quantityToNumber(s.nativeHistogramMinBucketFactor) ?? s.nativeHistogramMinBucketFactor);
  }
  if (s.scrapeClassicHistograms !== undefined && s.scrapeClassicHistograms !== null) {
    if (ctx.version.major === 3) {
      ctx.gate.set(cfg, 'always_scrape_classic_histograms', s.scrapeClassicHistograms);
    } else {
      ctx.minVersion('2.45.0').set(cfg, 'scrape_classic_histograms', s.scrapeClassicHistograms);
    }
  }
  if (s.convertClassicHistogramsToNHCB !== undefined && s.convertClassicHistogramsToNHCB !== null) {
    ctx.minVersion('3.0.0').set(cfg, 'convert_classic_histograms_to_nhcb', s.convertClassicHistogramsToNHCB);
  }
}
