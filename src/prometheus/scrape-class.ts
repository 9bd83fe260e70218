import { IConstruct } from 'constructs';
import { fail } from '../common/errors';
import * as monitoring from '../imports/monitoring.coreos.com';

/** TLS settings a scrape class applies, as files mounted in the Prometheus pods. */
export interface ScrapeClassTls {
  /**
   * CA certificate file.
   * @default - the system's trusted CAs
   */
  readonly caFile?: string;
  /**
   * Client certificate file (needs `keyFile`).
   * @default - no client certificate
   */
  readonly certFile?: string;
  /**
   * Client key file (needs `certFile`).
   * @default - no client key
   */
  readonly keyFile?: string;
  /**
   * Server name to verify certificates against.
   * @default - the target's host
   */
  readonly serverName?: string;
}

/**
 * A scrape class (`spec.scrapeClasses[]`): settings that monitors opt into by name (or get by
 * default), so that TLS, authorization and node metadata are set once on the Prometheus.
 */
export interface ScrapeClass {
  /** The name monitors refer to in `scrapeClass`. */
  readonly name: string;
  /**
   * Applies to every monitor that names no scrape class. At most one class is the default.
   * @default false
   */
  readonly isDefault?: boolean;
  /**
   * Adds node metadata (labels of the node a target runs on) to targets; the Prometheus is then
   * also granted read access to nodes.
   * @default false
   */
  readonly attachNodeMetadata?: boolean;
  /**
   * TLS settings for targets.
   * @default - none
   */
  readonly tls?: ScrapeClassTls;
  /**
   * File holding a bearer token sent to targets (for example the pod's service account token,
   * which also grants the Prometheus read access to kubelet and API server metrics).
   * @default - none
   */
  readonly bearerTokenFile?: string;
}

/** Renders and validates `spec.scrapeClasses`. */
export function renderScrapeClasses(scope: IConstruct, classes: ScrapeClass[]): monitoring.PrometheusSpecScrapeClasses[] {
  const seen = new Set<string>();
  let defaultName: string | undefined;
  return classes.map((c, i) => {
    const field = `scrapeClasses[${i}]`;
    if (!/^[a-zA-Z0-9]([-a-zA-Z0-9_.]*[a-zA-Z0-9])?$/.test(c.name)) {
      fail(scope, `${field}.name`, `"${c.name}" is not a valid scrape class name. Use letters, digits, '-', '_' or '.', starting and ending with a letter or digit.`);
    }
    if (seen.has(c.name)) {
      fail(scope, `${field}.name`, `"${c.name}" is already the name of another scrape class. Give each scrape class a unique name.`);
    }
    seen.add(c.name);
    if (c.isDefault) {
      if (defaultName !== undefined) {
        fail(scope, `${field}.isDefault`, `"${defaultName}" is already the default scrape class. Mark at most one scrape class as default.`);
      }
      defaultName = c.name;
    }
    if (c.tls && (c.tls.certFile === undefined) !== (c.tls.keyFile === undefined)) {
      fail(scope, `${field}.tls`, `${c.tls.certFile ? 'certFile' : 'keyFile'} is set without ${c.tls.certFile ? 'keyFile' : 'certFile'}. A client certificate needs both.`);
    }
    return {
      name: c.name,
      ...(c.isDefault ? { default: true } : {}),
      ...(c.attachNodeMetadata ? { attachMetadata: { node: true } } : {}),
      ...(c.tls ? { tlsConfig: { ...c.tls } } : {}),
      ...(c.bearerTokenFile ? { authorization: { type: 'Bearer', credentialsFile: c.bearerTokenFile } } : {}),
    };
  });
}
