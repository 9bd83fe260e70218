/**
 * Semantic validation of the HTTP client settings of monitors (authentication, TLS, proxy,
 * OAuth2), as the operator's `Validate()` methods of the monitoring/v1 types do it.
 */

import { reject, within } from './check-error';

/** True when a SecretOrConfigMap selects nothing (the Go zero value). */
export function isEmptySecretOrConfigMap(sel: any): boolean {
  return !sel || (!sel.secret && !sel.configMap);
}

/** `<secret=name,key=key>`, `<configmap=name,key=key>` or `<empty>`, as the operator prints a selector. */
export function describeSecretOrConfigMap(sel: any): string {
  if (sel?.secret) return `<secret=${sel.secret.name ?? ''},key=${sel.secret.key ?? ''}>`;
  if (sel?.configMap) return `<configmap=${sel.configMap.name ?? ''},key=${sel.configMap.key ?? ''}>`;
  return sel ? '<empty>' : '<nil>';
}

/** SecretOrConfigMap: not both. */
export function validateSecretOrConfigMap(sel: any): void {
  if (sel?.secret && sel?.configMap) reject('cannot specify both Secret and ConfigMap');
}

/** Proxy settings: proxyUrl, noProxy, proxyFromEnvironment and proxyConnectHeader must be consistent. */
export function validateProxyConfig(pc: any): void {
  if (!pc) return;
  const fromEnv = pc.proxyFromEnvironment === true;
  const url = typeof pc.proxyUrl === 'string' && pc.proxyUrl !== '';
  const noProxy = typeof pc.noProxy === 'string' && pc.noProxy !== '';
  const headers: Record<string, any[]> = pc.proxyConnectHeader ?? {};
  if (Object.keys(headers).length > 0 && !fromEnv && !url) {
    reject('if proxyConnectHeader is configured, proxyUrl or proxyFromEnvironment must also be configured');
  }
  if (fromEnv && url) reject('if proxyFromEnvironment is configured, proxyUrl must not be configured');
  if (fromEnv && noProxy) reject('if proxyFromEnvironment is configured, noProxy must not be configured');
  if (!url && noProxy) reject('if noProxy is configured, proxyUrl must also be configured');
  for (const [k, sels] of Object.entries(headers)) {
    if (!sels || sels.length === 0) reject(`proxyConnetHeader[${k}]: selector must not be empty`);
    sels.forEach((sel, i) => {
      if (!sel || (!sel.name && !sel.key && sel.optional === undefined)) {
        reject(`proxyConnectHeader[${k}][${i}]: selector must be defined`);
      }
    });
  }
}

/** authorization (SafeAuthorization): not of type Basic, credentials required. */
export function validateSafeAuthorization(auth: any): void {
  if (!auth) return;
  if (String(auth.type ?? '').trim().toLowerCase() === 'basic') {
    reject('\'authorization\' type cannot be set to "basic", use "basicAuth" instead');
  }
  if (!auth.credentials) reject("'authorization' credentials are required");
}

/** oauth2: tokenUrl and clientId required, clientId not both Secret and ConfigMap, valid TLS and proxy. */
export function validateOAuth2(o: any): void {
  if (!o) return;
  if (!o.tokenUrl) reject('OAuth2 tokenURL must be specified');
  if (isEmptySecretOrConfigMap(o.clientId)) reject("OAuth2 'clientID' must be specified");
  within("invalid OAuth2 'clientID'", () => validateSecretOrConfigMap(o.clientId));
  within("invalid OAuth2 'tlsConfig'", () => validateSafeTlsConfig(o.tlsConfig));
  within('invalid OAuth2 proxyConfig', () => validateProxyConfig(o));
}

function validateTlsCommon(c: any): void {
  if (!isEmptySecretOrConfigMap(c.ca)) within(`ca ${describeSecretOrConfigMap(c.ca)}`, () => validateSecretOrConfigMap(c.ca));
  if (!isEmptySecretOrConfigMap(c.cert)) within(`cert ${describeSecretOrConfigMap(c.cert)}`, () => validateSecretOrConfigMap(c.cert));
  if (c.maxVersion !== undefined && c.minVersion !== undefined && String(c.maxVersion) < String(c.minVersion)) {
    reject('maxVersion must more than or equal to minVersion');
  }
}

/** tlsConfig without files (SafeTLSConfig): client certificate and key come together. */
export function validateSafeTlsConfig(c: any): void {
  if (!c) return;
  validateTlsCommon(c);
  const hasCert = !isEmptySecretOrConfigMap(c.cert);
  if (hasCert && !c.keySecret) reject('client cert specified without client key');
  if (c.keySecret && !hasCert) reject('client key specified without client cert');
}

/** tlsConfig with files (TLSConfig): a file and a reference are exclusive; certificate and key come together. */
export function validateTlsConfig(c: any): void {
  if (!c) return;
  validateTlsCommon(c);
  if (!isEmptySecretOrConfigMap(c.ca) && c.caFile) reject("cannot specify both 'caFile' and 'ca'");
  let hasCert = !isEmptySecretOrConfigMap(c.cert);
  if (hasCert && c.certFile) reject("cannot specify both 'certFile' and 'cert'");
  if (c.keyFile && c.keySecret) reject("cannot specify both 'keyFile' and 'keySecret'");
  hasCert = hasCert || !!c.certFile;
  const hasKey = !!c.keyFile || !!c.keySecret;
  if (hasCert && !hasKey) reject('cannot specify client cert without client key');
  if (hasKey && !hasCert) reject('cannot specify client key without client cert');
}

/** authorization, basicAuth, bearerTokenSecret and oauth2 are mutually exclusive (HTTPConfigWithoutTLS). */
export function validateHttpConfigWithoutTls(hc: any): void {
  if (!hc) return;
  if (hc.authorization) {
    if (hc.basicAuth) reject('authorization and basicAuth cannot be configured at the same time');
    if (hc.bearerTokenSecret) reject('authorization and bearerTokenSecret cannot be configured at the same time');
    if (hc.oauth2) reject('authorization and oauth2 cannot be configured at the same time');
  } else if (hc.basicAuth) {
    if (hc.bearerTokenSecret) reject('basicAuth and bearerTokenSecret cannot be configured at the same time');
    if (hc.oauth2) reject('basicAuth and oauth2 cannot be configured at the same time');
  } else if (hc.bearerTokenSecret && hc.oauth2) {
    reject('bearerTokenSecret and oauth2 cannot be configured at the same time');
  }
  within('authorization', () => validateSafeAuthorization(hc.authorization));
  within('oauth2', () => validateOAuth2(hc.oauth2));
}

/** PodMonitor endpoints and Probes (HTTPConfigWithProxy): the above, a SafeTLSConfig and a proxy. */
export function validateHttpConfigWithProxy(hc: any): void {
  if (!hc) return;
  validateHttpConfigWithoutTls(hc);
  within('tlsConfig', () => validateSafeTlsConfig(hc.tlsConfig));
  validateProxyConfig(hc);
}

/** ServiceMonitor endpoints (HTTPConfigWithProxyAndTLSFiles): the above with a TLSConfig that may name files. */
export function validateHttpConfigWithProxyAndTlsFiles(hc: any): void {
  if (!hc) return;
  validateHttpConfigWithoutTls(hc);
  within('tlsConfig', () => validateTlsConfig(hc.tlsConfig));
  validateProxyConfig(hc);
}
