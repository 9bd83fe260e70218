/**
 * Scrape classes (spec.scrapeClasses): which class a monitor gets, and how the class's TLS,
 * authorization, attach-metadata and fallback protocol settings merge with the monitor's own.
 */

import { ScrapeClass, RenderContext } from '../context';
import { validateRelabelConfigs } from './relabel-validation';
import { validateAuthorization } from '../http/authorization';
import { validateTLS } from '../http/tls';

/**
 * Validates spec.scrapeClasses as the operator does before generating: relabelings and metric
 * relabelings must be valid for the Prometheus version, TLS and authorization consistent.
 */
export function validateScrapeClasses(ctx: RenderContext): void {
  const classes: any[] = ctx.spec.scrapeClasses ?? [];
  classes.forEach((sc, i) => {
    const field = `spec.scrapeClasses[${i}]`;
    validateRelabelConfigs(ctx, sc.relabelings, ctx.prometheus, `${field}.relabelings`);
    validateRelabelConfigs(ctx, sc.metricRelabelings, ctx.prometheus, `${field}.metricRelabelings`);
    validateTLS(sc.tlsConfig, { object: ctx.prometheus, field: `${field}.tlsConfig` });
    validateAuthorization(sc.authorization, { object: ctx.prometheus, field: `${field}.authorization` });
  });
}

/**
 * The scrape class a monitor uses: the named one when it exists, else the default class, else
 * an empty class (the operator's getScrapeClassOrDefault).
 */
export function scrapeClassFor(ctx: RenderContext, name: string | undefined): ScrapeClass {
  if (name !== undefined && name !== null) {
    const sc = ctx.scrapeClasses.get(name);
    if (sc) return sc;
  }
  if (ctx.defaultScrapeClassName !== undefined) {
    const sc = ctx.scrapeClasses.get(ctx.defaultScrapeClassName);
    if (sc) return sc;
  }
  return { name: '' };
}

/**
 * True when a JSON value is the zero value of the Go type it decodes to: absent, null, empty
 * string, false, 0, or an object whose fields are all zero.
 */
export function isZeroValue(v: unknown): boolean {
  if (v === undefined || v === null || v === '' || v === false || v === 0) return true;
  if (Array.isArray(v)) return false;
  if (typeof v === 'object') return Object.values(v as object).every(isZeroValue);
  return false;
}

function isEmptyRef(v: any): boolean {
  return !v || (v.secret === undefined && v.configMap === undefined);
}

/**
 * Merges a monitor's TLS config (with file fields) with the scrape class's: without a monitor
 * config the class's is used; otherwise the class fills caFile, certFile and keyFile where the
 * monitor sets neither the file nor the reference.
 */
export function mergeTLSConfig(tls: any | undefined, sc: ScrapeClass): any | undefined {
  if (tls === undefined || tls === null) return sc.tlsConfig;
  if (!sc.tlsConfig) return tls;
  const merged = { ...tls };
  if (!merged.caFile && isEmptyRef(merged.ca)) merged.caFile = sc.tlsConfig.caFile;
  if (!merged.certFile && isEmptyRef(merged.cert)) merged.certFile = sc.tlsConfig.certFile;
  if (!merged.keyFile && !merged.keySecret) merged.keyFile = sc.tlsConfig.keyFile;
  return merged;
}

/** As {@link mergeTLSConfig} for a SafeTLSConfig (no file fields); an all-zero config counts as absent. */
export function mergeSafeTLSConfig(tls: any | undefined, sc: ScrapeClass): any | undefined {
  return mergeTLSConfig(isZeroValue(tls) ? undefined : tls, sc);
}

/**
 * Merges a monitor's authorization with the scrape class's: without one the class's is used;
 * otherwise the class supplies the credentials (or the credentials file) the monitor lacks.
 */
export function mergeAuthorization(authz: any | undefined, sc: ScrapeClass): any | undefined {
  if (authz === undefined || authz === null) return sc.authorization;
  if (!sc.authorization) return authz;
  const merged = { ...authz };
  if (!merged.credentials) merged.credentials = sc.authorization.credentials;
  if (!merged.credentials && !merged.credentialsFile) {
    merged.credentials = sc.authorization.credentials;
    merged.credentialsFile = sc.authorization.credentialsFile;
  }
  return merged;
}

/** As {@link mergeAuthorization} for a SafeAuthorization; an all-zero value counts as absent. */
export function mergeSafeAuthorization(authz: any | undefined, sc: ScrapeClass): any | undefined {
  return mergeAuthorization(isZeroValue(authz) ? undefined : authz, sc);
}

/** attach_metadata settings for a kubernetes_sd_config and the version they need. */
export interface AttachMetadata {
  /** Minimum Prometheus version for attach_metadata on this role. */
  readonly minimumVersion: string;
  /** Whether node metadata is attached. */
  readonly node: boolean;
}

/** The monitor's attachMetadata, or the scrape class's, with the version the role needs. */
export function mergeAttachMetadata(own: any | undefined, sc: ScrapeClass, minimumVersion: string): AttachMetadata | undefined {
  const am = own ?? sc.attachMetadata;
  if (am === undefined || am === null) return undefined;
  return { minimumVersion, node: am.node === true };
}

/** The monitor's fallback scrape protocol, or the scrape class's. */
export function mergeFallbackScrapeProtocol(own: string | undefined, sc: ScrapeClass): string | undefined {
  return own ?? sc.fallbackScrapeProtocol;
}
