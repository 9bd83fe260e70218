/** The generic HTTP client settings of PodMonitor endpoints and Probes: redirects, HTTP/2 and TLS. */

import { ClientScope } from './scope';
import { HTTPConfigSpec, TLSConfigSpec } from './spec';
import { addTLS } from './tls';

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

