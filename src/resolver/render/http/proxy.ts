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
 * ProxyConfig.Validate: proxyConnectHeader needs proxyUrl or proxyFromEnvironment;
 * proxyFromEnvironment excludes proxyUrl and noProxy; noProxy needs proxyUrl; every header
 * has at least one non-empty selector; proxyUrl parses as a URL.
 */
export function validateProxyConfig(pc: ProxyConfigSpec | undefined, at: AssetRef): void {
  if (!pc) return;
  const fail = (message: string, sub: string): never => {
    throw new RenderError(message, at.object, withField(at, sub).field);
  };
  const fromEnv = pc.proxyFromEnvironment === true;
  const hasUrl = !!pc.proxyUrl;
  const hasNoProxy = !!pc.noProxy;
  const headers = pc.proxyConnectHeader ?? {};
  if (Object.keys(headers).length > 0 && !fromEnv && !hasUrl) {
    fail('if proxyConnectHeader is configured, proxyUrl or proxyFromEnvironment must also be configured', 'proxyConnectHeader');
  }
  if (fromEnv && hasUrl) fail('if proxyFromEnvironment is configured, proxyUrl must not be configured', 'proxyUrl');
  if (fromEnv && hasNoProxy) fail('if proxyFromEnvironment is configured, noProxy must not be configured', 'noProxy');
  if (!hasUrl && hasNoProxy) fail('if noProxy is configured, proxyUrl must also be configured', 'noProxy');
  for (const [name, sels] of Object.entries(headers)) {
    if (!sels || sels.length === 0) fail('selector must not be empty (give at least one Secret key)', `proxyConnectHeader[${name}]`);
    sels.forEach((sel, i) => {
      if (!sel || (!sel.name && !sel.key && sel.optional == null)) {
        fail('selector must be defined (name and key of a Secret)', `proxyConnectHeader[${name}][${i}]`);
      }
    });
  }
  if (pc.proxyUrl != null) {
    const problem = urlParseProblem(pc.proxyUrl);
    if (problem) fail(`invalid proxy URL ${JSON.stringify(pc.proxyUrl)}: ${problem}`, 'proxyUrl');
  }
}

/** Why Go's url.Parse refuses `text`, for the mistakes it catches; undefined when it accepts it. */
function urlParseProblem(text: string): string | undefined {
  if (/[\x00-\x1f\x7f]/.test(text)) return 'invalid control character in URL';
  if (/%(?![0-9a-fA-F]{2})/.test(text)) return 'invalid URL escape';
  if (text.startsWith(':')) return 'missing protocol scheme';
  const authority = /^[a-zA-Z][a-zA-Z0-9+.-]*:\/\/([^/?#]*)/.exec(text)?.[1];
  if (authority !== undefined) {
    const host = authority.slice(authority.lastIndexOf('@') + 1);
    const port = host.startsWith('[') ? host.slice(host.indexOf(']') + 1) : host.slice(host.indexOf(':') >= 0 ? host.indexOf(':') : host.length);
    if (port !== '' && !/^:\d*$/.test(port)) return `invalid port ${JSON.stringify(port)} after host`;
  }
  return undefined;
}

/** Checks that every proxy connect header's Secret key exists (StoreBuilder.AddProxyConfig). */
export function loadProxyConfig(store: NamespacedStore, pc: ProxyConfigSpec | undefined, at: AssetRef): void {
  for (const [name, sels] of Object.entries(pc?.proxyConnectHeader ?? {})) {
    (sels ?? []).forEach((sel, i) => store.secretKey(sel, withField(at, `proxyConnectHeader[${name}][${i}]`)));
  }
}
