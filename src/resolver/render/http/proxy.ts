/** Proxy settings of an HTTP client: proxy_url, no_proxy, proxy_from_environment, proxy_connect_header. */

import { RenderError } from '../errors';
import { AssetRef, NamespacedStore, withField } from '../store';
import { ClientScope, tryRead } from './scope';
import { ProxyConfigSpec } from './spec';

/**
 * Writes the proxy fields (the operator's addProxyConfigtoYaml). proxy_url needs no version;
 * the others need Prometheus >= 2.43. Header values are read from Secret keys, sorted by header name.
 */
export function addProxyConfig(out: Record<string, unknown>, scope: ClientScope, pc: ProxyConfigSpec | undefined): void {
  if (!pc) return;
  if (pc.proxyUrl != null) scope.gate.set(out, 'proxy_url', pc.proxyUrl);
  const gate = scope.gate.minimum('2.43.0');
  if (pc.noProxy != null) gate.set(out, 'no_proxy', pc.noProxy);
  if (pc.proxyFromEnvironment != null) gate.set(out, 'proxy_from_environment', pc.proxyFromEnvironment);
  if (pc.proxyConnectHeader != null) {
    const headers: Record<string, string[]> = {};
    for (const name of Object.keys(pc.proxyConnectHeader).sort()) {
      headers[name] = (pc.proxyConnectHeader[name] ?? []).map(
        (sel) => tryRead(scope, `proxy connect header ${name}`, () => scope.store.secretKey(sel)) ?? '');
    }
    gate.set(out, 'proxy_connect_header', headers);
  }
}

/**
 * ProxyConfig.Validate: proxyConnectHeader needs proxyUrl or proxyFromEnvironment, and
 * proxyUrl and proxyFromEnvironment exclude each other.
 */
export function validateProxyConfig(pc: ProxyConfigSpec | undefined, at: AssetRef): void {
  if (!pc) return;
  const fromEnv = pc.proxyFromEnvironment === true;
  const hasUrl = !!pc.proxyUrl;
  if (Object.keys(pc.proxyConnectHeader ?? {}).length > 0 && !fromEnv && !hasUrl) {
    throw new RenderError('if proxyConnectHeader is configured, proxyUrl or proxyFromEnvironment must also be configured',
      at.object, withField(at, 'proxyConnectHeader').field);
  }
  if (fromEnv && hasUrl) {
    throw new RenderError('if proxyFromEnvironment is configured, proxyUrl must not be configured',
      at.object, withField(at, 'proxyUrl').field);
  }
}

/** Checks that every proxy connect header's Secret key exists (StoreBuilder.AddProxyConfig). */
export function loadProxyConfig(store: NamespacedStore, pc: ProxyConfigSpec | undefined, at: AssetRef): void {
  for (const [name, sels] of Object.entries(pc?.proxyConnectHeader ?? {})) {
    (sels ?? []).forEach((sel, i) => store.secretKey(sel, withField(at, `proxyConnectHeader[${name}][${i}]`)));
  }
}
