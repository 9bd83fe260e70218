/**
 * Building blocks for the service discovery sections of ScrapeConfig jobs: each discovery
 * kind is a list of steps that append keys in the operator's order.
 */

import { KubeObject } from '../../types';
import { RenderError } from '../errors';
import { addSafeAuthorization } from '../http/authorization';
import { addBasicAuth } from '../http/basic-auth';
import { addOAuth2 } from '../http/oauth2';
import { addProxyConfig } from '../http/proxy';
import { ClientScope } from '../http/scope';
import { addSafeTLS } from '../http/tls';
import { sortedMap } from '../sorted-map';

/** One discovery config being written. */
export interface SDStepInput {
  /** Context, gate and the store of the ScrapeConfig's namespace. */
  readonly scope: ClientScope;
  /** The ScrapeConfig. */
  readonly object: KubeObject;
  /** Path of this config in the object, e.g. `spec.consulSDConfigs[0]`. */
  readonly field: string;
  /** The discovery config (CRD JSON). */
  readonly config: any;
}

/** A step appends keys to `out` (or, for the operator's quirks, replaces them). */
export type SDStep = (input: SDStepInput, out: Record<string, unknown>) => void;

function isSet(v: unknown): boolean {
  return v !== undefined && v !== null;
}

/** basic_auth from `basicAuth`. */
export const basicAuth: SDStep = ({ scope, config }, out) => addBasicAuth(out, scope, config.basicAuth);
/** authorization from `authorization` (SafeAuthorization). */
export const authorization: SDStep = ({ scope, config }, out) => addSafeAuthorization(out, scope, config.authorization);
/** oauth2 from `oauth2`. */
export const oauth2: SDStep = ({ scope, config }, out) => addOAuth2(out, scope, config.oauth2);
/** The inlined proxy settings. */
export const proxy: SDStep = ({ scope, config }, out) => addProxyConfig(out, scope, config);
/** tls_config from `tlsConfig` (SafeTLSConfig). */
export const tls: SDStep = ({ scope, config }, out) => addSafeTLS(out, scope, config.tlsConfig);

/** `key: config[field]` when the field is set; behind `minVersion` when given. */
export function optional(field: string, key: string, minVersion?: string): SDStep {
  return ({ scope, config }, out) => {
    if (!isSet(config[field])) return;
    (minVersion ? scope.ctx.minVersion(minVersion) : scope.ctx.gate).set(out, key, config[field]);
  };
}

/** `key: config[field]` always (a required field; absent reads as `zero`). */
export function required(field: string, key: string, zero: unknown = ''): SDStep {
  return ({ config }, out) => {
    out[key] = isSet(config[field]) ? config[field] : zero;
  };
}

/** `key: config[field]` when the list is not empty. */
export function nonEmptyList(field: string, key: string): SDStep {
  return ({ config }, out) => {
    if (Array.isArray(config[field]) && config[field].length > 0) out[key] = config[field];
  };
}

/** `key: lower-cased config[field]` always. */
export function lowerCased(field: string, key: string): SDStep {
  return ({ config }, out) => {
    out[key] = String(config[field] ?? '').toLowerCase();
  };
}

/** `key: <value of the Secret key config[field]>` when set; an unreadable Secret fails the job. */
export function secretValue(field: string, key: string, what: string): SDStep {
  return ({ scope, object, field: at, config }, out) => {
    const sel = config[field];
    if (!isSet(sel)) return;
    out[key] = readSecret(scope, object, `${at}.${field}`, sel, what);
  };
}

/** Reads a Secret key for a discovery config; failure is an error naming the object and field. */
export function readSecret(scope: ClientScope, object: KubeObject, field: string, sel: any, what: string): string {
  try {
    return scope.store.secretKey(sel);
  } catch (e) {
    throw new RenderError(`failed to read ${what} from secret "${sel?.name ?? ''}": ${(e as Error).message}`, object, field);
  }
}

/** `filters: [{name, values}]` sorted by name, when any (behind `minVersion` when given). */
export function filters(minVersion?: string): SDStep {
  return ({ scope, config }, out) => {
    const list: any[] = config.filters ?? [];
    if (list.length === 0) return;
    const sorted = [...list].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const value = sorted.map((f) => ({ name: f.name, values: f.values ?? [] }));
    (minVersion ? scope.ctx.minVersion(minVersion) : scope.ctx.gate).set(out, 'filters', value);
  };
}

/** `key: sorted config[field]` when the map is not empty. */
export function sortedMapField(field: string, key: string): SDStep {
  return ({ config }, out) => {
    const m = config[field];
    if (m && Object.keys(m).length > 0) out[key] = sortedMap(m);
  };
}

/** Shorthands for the keys most discovery kinds share. */
export const refreshInterval = optional('refreshInterval', 'refresh_interval');
/** `port` when set. */
export const port = optional('port', 'port');
/** `follow_redirects` when set. */
export const followRedirects = optional('followRedirects', 'follow_redirects');
/** `enable_http2` when set. */
export const enableHTTP2 = optional('enableHTTP2', 'enable_http2');
