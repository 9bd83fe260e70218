/** The generic HTTP client settings of monitor endpoints and Probes: redirects, HTTP/2, TLS and their validation. */

import { RenderError } from '../errors';
import { AssetRef, withField } from '../store';
import { validateSafeAuthorization } from './authorization';
import { validateOAuth2 } from './oauth2';
import { validateProxyConfig } from './proxy';
import { ClientScope } from './scope';
import { HTTPConfigSpec, ProxyConfigSpec, TLSConfigSpec } from './spec';
import { addTLS, validateSafeTLS, validateTLS } from './tls';

/**
 * Writes follow_redirects (>= 2.26), enable_http2 (>= 2.35) and tls_config (the operator's
 * addHTTPConfigToYAML). `tls` is the object's TLS config already completed by its scrape class
 * (mergeSafeTLSConfigWithScrapeClass). Authentication is written by the caller, in the place
 * its scrape config puts it.
 */
export function addHttpConfig(
  out: Record<string, unknown>, scope: ClientScope, http: HTTPConfigSpec | undefined, tls: TLSConfigSpec | undefined): void {
  if (!http) return;
  if (http.followRedirects != null) scope.gate.minimum('2.26.0').set(out, 'follow_redirects', http.followRedirects);
  if (http.enableHttp2 != null) scope.gate.minimum('2.35.0').set(out, 'enable_http2', http.enableHttp2);
  addTLS(out, scope, tls);
}

/**
 * Validates the HTTP client settings of a monitor endpoint (HTTPConfig.Validate and
 * HTTPConfigWithTLSFiles.Validate): at most one authentication method, valid authorization,
 * OAuth2, TLS (with files when `tlsFiles`) and proxy settings.
 */
export function validateHttpConfig(http: HTTPConfigSpec & ProxyConfigSpec | undefined, at: AssetRef, tlsFiles = false): void {
  if (!http) return;
  const methods = (['authorization', 'basicAuth', 'bearerTokenSecret', 'oauth2'] as const).filter((k) => http[k] != null);
  if (methods.length > 1) {
    throw new RenderError(`${methods[0]} and ${methods[1]} cannot be configured at the same time (use one authentication method)`,
      at.object, at.field);
  }
  if (http.authorization) validateSafeAuthorization(http.authorization, withField(at, 'authorization'));
  validateOAuth2(http.oauth2, withField(at, 'oauth2'));
  if (tlsFiles) {
    validateTLS(http.tlsConfig, withField(at, 'tlsConfig'));
  } else {
    validateSafeTLS(http.tlsConfig, withField(at, 'tlsConfig'));
  }
  validateProxyConfig(http, at);
}
