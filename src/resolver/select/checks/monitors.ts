/**
 * The operator's rejection checks for ServiceMonitors, PodMonitors and Probes
 * (resource_selector.go checkServiceMonitor, checkPodMonitor, checkProbe). Each throws a
 * CheckError whose message is the reason the operator gives when it skips the object.
 */

import { compileLabelSelector, LabelSelectorError } from '../label-selector';
import { quote, reject, within } from './check-error';
import {
  CheckContext, checkScrapeClass, checkScrapeIntervalAndTimeout, checkSelectorMechanism, checkStaticLabels, validateProberUrl,
} from './common';
import { validateHttpConfigWithProxy, validateHttpConfigWithProxyAndTlsFiles } from './http-config';
import { validateRelabelConfigs } from './relabel';

function checkMonitorSelector(selector: unknown, prefix?: string): void {
  try {
    compileLabelSelector((selector ?? {}) as any);
  } catch (e) {
    if (!(e instanceof LabelSelectorError)) throw e;
    reject(prefix ? `${prefix}: ${e.message}` : e.message);
  }
}

/** A ServiceMonitor the Prometheus selected: selector, endpoints (auth, TLS, intervals, relabelings, proxy) and scrape class. */
export function checkServiceMonitor(ctx: CheckContext, sm: any): void {
  const spec = sm.spec ?? {};
  const ns: string = sm.metadata?.namespace ?? '';
  checkMonitorSelector(spec.selector);
  checkSelectorMechanism(ctx, spec.selectorMechanism);
  const denyFs = ctx.prometheus.spec?.arbitraryFSAccessThroughSMs?.deny === true;
  (spec.endpoints ?? []).forEach((endpoint: any, i: number) => {
    const ep = endpoint ?? {};
    within(`endpoints[${i}]`, () => checkEndpoint(ctx, ns, ep, denyFs));
    // The operator does not prefix the proxy error with the endpoint.
    ctx.assets.validatedProxyConfig(ns, ep);
  });
  within('scrapeClassName', () => checkScrapeClass(ctx, spec.scrapeClass));
}

function checkEndpoint(ctx: CheckContext, ns: string, ep: any, denyFs: boolean): void {
  if (denyFs) checkNoFileSystemAccess(ep);
  validateHttpConfigWithProxyAndTlsFiles(ep);
  if (ep.bearerTokenSecret?.name) within('bearerTokenSecret', () => ctx.assets.secretKey(ns, ep.bearerTokenSecret));
  within('basicAuth', () => ctx.assets.basicAuth(ns, ep.basicAuth));
  within('tlsConfig', () => ctx.assets.tlsConfig(ns, ep.tlsConfig));
  within('oauth2', () => ctx.assets.oauth2(ns, ep.oauth2));
  within('authorization', () => ctx.assets.safeAuthorization(ns, ep.authorization));
  checkScrapeIntervalAndTimeout(ctx, ep.interval, ep.scrapeTimeout);
  within('relabelConfigs', () => validateRelabelConfigs(ep.relabelings, ctx.version));
  within('metricRelabelConfigs', () => validateRelabelConfigs(ep.metricRelabelings, ctx.version));
}

function checkNoFileSystemAccess(ep: any): void {
  if (ep.bearerTokenFile) reject('it accesses file system via bearer token file which Prometheus specification prohibits');
  const tls = ep.tlsConfig;
  if (tls && (tls.caFile || tls.certFile || tls.keyFile)) {
    reject('it accesses file system via tls config which Prometheus specification prohibits');
  }
}

/** A PodMonitor the Prometheus selected: selector, endpoints (intervals, relabelings, HTTP client settings) and scrape class. */
export function checkPodMonitor(ctx: CheckContext, pm: any): void {
  const spec = pm.spec ?? {};
  const ns: string = pm.metadata?.namespace ?? '';
  checkMonitorSelector(spec.selector, 'failed to parse label selector');
  checkSelectorMechanism(ctx, spec.selectorMechanism);
  (spec.podMetricsEndpoints ?? []).forEach((ep: any, i: number) => within(`endpoint[${i}]`, () => {
    ep = ep ?? {};
    checkScrapeIntervalAndTimeout(ctx, ep.interval, ep.scrapeTimeout);
    within('relabelConfigs', () => validateRelabelConfigs(ep.relabelings, ctx.version));
    within('metricRelabelConfigs', () => validateRelabelConfigs(ep.metricRelabelings, ctx.version));
    checkHttpConfigAssets(ctx, ns, ep);
  }));
  within('scrapeClassName', () => checkScrapeClass(ctx, spec.scrapeClass));
}

/** HTTPConfigWithProxy of PodMonitor endpoints: valid, and every referenced key present. */
function checkHttpConfigAssets(ctx: CheckContext, ns: string, hc: any): void {
  validateHttpConfigWithProxy(hc);
  if (hc.bearerTokenSecret?.name && hc.bearerTokenSecret?.key) {
    within('bearerTokenSecret', () => ctx.assets.secretKey(ns, hc.bearerTokenSecret));
  }
  within('basicAuth', () => ctx.assets.basicAuth(ns, hc.basicAuth));
  within('tlsConfig', () => ctx.assets.safeTlsConfig(ns, hc.tlsConfig));
  within('oauth2', () => ctx.assets.oauth2(ns, hc.oauth2));
  within('authorization', () => ctx.assets.safeAuthorization(ns, hc.authorization));
  within('proxyConfig', () => ctx.assets.validatedProxyConfig(ns, hc));
}

/** A Probe the Prometheus selected: scrape class, targets, credentials, intervals, relabelings and prober URL. */
export function checkProbe(ctx: CheckContext, probe: any): void {
  const spec = probe.spec ?? {};
  const ns: string = probe.metadata?.namespace ?? '';
  within('scrapeClassName', () => checkScrapeClass(ctx, spec.scrapeClass));
  const targets = spec.targets ?? {};
  if (!targets.staticConfig && !targets.ingress) {
    reject('at least one of .spec.targets.staticConfig and .spec.targets.ingress is required');
  }
  if (spec.bearerTokenSecret) within('bearerTokenSecret', () => ctx.assets.secretKey(ns, spec.bearerTokenSecret));
  within('basicAuth', () => ctx.assets.basicAuth(ns, spec.basicAuth));
  within('tlsConfig', () => ctx.assets.safeTlsConfig(ns, spec.tlsConfig));
  within('authorization', () => ctx.assets.safeAuthorization(ns, spec.authorization));
  within('oauth2', () => ctx.assets.oauth2(ns, spec.oauth2));
  checkScrapeIntervalAndTimeout(ctx, spec.interval, spec.scrapeTimeout);
  within('metricRelabelConfigs', () => validateRelabelConfigs(spec.metricRelabelings, ctx.version));
  if (targets.staticConfig) {
    within('targets.staticConfig.labels', () => checkStaticLabels(ctx, targets.staticConfig.labels));
    within('targets.staticConfig.relabelConfigs', () => validateRelabelConfigs(targets.staticConfig.relabelingConfigs, ctx.version));
  }
  if (targets.ingress) {
    within('targets.ingress.relabelConfigs', () => validateRelabelConfigs(targets.ingress.relabelingConfigs, ctx.version));
  }
  within('proxy configuration', () => ctx.assets.validatedProxyConfig(ns, spec.prober ?? {}));
  const url = String(spec.prober?.url ?? '');
  within(`${quote(url)} url specified in proberSpec is invalid, it should be of the format \`hostname\` or \`hostname:port\``,
    () => validateProberUrl(url));
}
