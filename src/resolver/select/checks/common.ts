/**
 * Checks shared by the monitor kinds: the scrape class exists, the selector mechanism suits the
 * Prometheus version, the scrape timeout fits in the interval, static labels are valid label
 * names, and URLs parse the way Go's net/url parses them.
 */

import { AssetChecker } from './assets';
import { reject, quote } from './check-error';
import { isValidLabelName } from '../../relabel/label-names';
import { parsePrometheusDuration } from '../../render/duration';
import { SemVer, usesUtf8Names, versionAtLeast } from '../../render/version';
import { KubeObject } from '../../types';

/** What every check needs: the selecting Prometheus, its version and the asset lookups. */
export interface CheckContext {
  /** The Prometheus or PrometheusAgent that selects the object. */
  readonly prometheus: KubeObject;
  /** Its Prometheus version (spec.version or the operator's default). */
  readonly version: SemVer;
  /** Secret and ConfigMap lookups over the input objects. */
  readonly assets: AssetChecker;
}

/** A named scrape class must be one of the Prometheus's spec.scrapeClasses. */
export function checkScrapeClass(ctx: CheckContext, name: unknown): void {
  if (name === undefined || name === null || name === '') return;
  const classes: any[] = ctx.prometheus.spec?.scrapeClasses ?? [];
  if (!classes.some((c) => c?.name === name)) reject(`scrapeClass ${quote(name)} not found in Prometheus scrapeClasses`);
}

/** selectorMechanism RoleSelector needs Prometheus 2.17.0. */
export function checkSelectorMechanism(ctx: CheckContext, mechanism: unknown): void {
  if (mechanism === 'RoleSelector' && !versionAtLeast(ctx.version, '2.17.0')) {
    reject('RoleSelector selectorMechanism is only supported in Prometheus 2.17.0 and newer');
  }
}

/**
 * The scrape timeout must not exceed the scrape interval (the object's, else the Prometheus's
 * spec.scrapeInterval). Nothing to check without a timeout.
 */
export function checkScrapeIntervalAndTimeout(ctx: CheckContext, interval: unknown, timeout: unknown): void {
  const st = timeout === undefined || timeout === null ? '' : String(timeout);
  if (st === '') return;
  let si = interval === undefined || interval === null ? '' : String(interval);
  if (si === '') si = String(ctx.prometheus.spec?.scrapeInterval ?? '');
  const siMs = parseDuration(si);
  if (typeof siMs === 'string') reject(`invalid scrapeInterval ${quote(si)}: ${siMs}`);
  const stMs = parseDuration(st);
  if (typeof stMs === 'string') reject(`invalid scrapeTimeout: ${quote(st)}: ${stMs}`);
  if (stMs > siMs) reject(`scrapeTimeout ${quote(st)} greater than scrapeInterval ${quote(si)}`);
}

/** A Prometheus duration in milliseconds, or the error message of Go's model.ParseDuration. */
export function parseDuration(text: string): number | string {
  if (text === '') return 'empty duration string';
  const ms = parsePrometheusDuration(text);
  return ms === undefined ? `not a valid duration string: ${quote(text)}` : ms;
}

/** Static target labels must be valid label names (checked in sorted order). */
export function checkStaticLabels(ctx: CheckContext, labels: Record<string, unknown> | undefined): void {
  for (const name of Object.keys(labels ?? {}).sort()) {
    if (!isValidLabelName(name, usesUtf8Names(ctx.version))) reject(`invalid label ${quote(name)}`);
  }
}

/** The prober URL of a Probe: `host` or `host:port` (host a DNS name or IP address, port 1-65535). */
export function validateProberUrl(url: string): void {
  const split = splitHostPort(url);
  if (!split) {
    if (!isHost(url)) reject(`invalid host: ${quote(url)}`);
    return;
  }
  if (!isHost(split.host)) reject(`invalid host: ${quote(split.host)}`);
  if (!/^\d+$/.test(split.port) || Number(split.port) < 1 || Number(split.port) > 65535) {
    reject(`invalid port: ${quote(split.port)}`);
  }
}

/** Go's net.SplitHostPort: undefined when the text is not `host:port` / `[host]:port`. */
function splitHostPort(hostport: string): { host: string; port: string } | undefined {
  const i = hostport.lastIndexOf(':');
  if (i < 0) return undefined;
  if (hostport.startsWith('[')) {
    const end = hostport.indexOf(']');
    if (end < 0 || end + 1 !== i) return undefined;
    return { host: hostport.slice(1, end), port: hostport.slice(i + 1) };
  }
  const host = hostport.slice(0, i);
  if (host.includes(':') || host.includes('[') || host.includes(']')) return undefined;
  return { host, port: hostport.slice(i + 1) };
}

const DNS_NAME = /^([a-zA-Z0-9_][a-zA-Z0-9_-]{0,62})(\.[a-zA-Z0-9_][a-zA-Z0-9_-]{0,62})*[._]?$/;

/** govalidator.IsHost: an IP address or a DNS name. */
function isHost(s: string): boolean {
  if (isIp(s)) return true;
  return s !== '' && s.replace(/\./g, '').length <= 255 && DNS_NAME.test(s);
}

function isIp(s: string): boolean {
  if (/^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.test(s)) {
    return s.split('.').every((p) => Number(p) <= 255 && (p === '0' || !p.startsWith('0')));
  }
  if (!s.includes(':')) return false;
  const halves = s.split('::');
  if (halves.length > 2) return false;
  const groups = halves.flatMap((h) => (h === '' ? [] : h.split(':')));
  if (groups.some((g) => !/^[0-9a-fA-F]{1,4}$/.test(g))) return false;
  return halves.length === 2 ? groups.length < 8 : groups.length === 8;
}

/**
 * The error Go's url.Parse would return for `raw`, or undefined when it parses. Covers the
 * failures that matter in configuration: control characters, bad percent-escapes, a missing
 * scheme before a colon, and a non-numeric port.
 */
export function urlParseError(raw: string): string | undefined {
  if (/[\x00-\x1f\x7f]/.test(raw)) return `parse ${quote(raw)}: net/url: invalid control character in URL`;
  const badEscape = /%(?![0-9a-fA-F]{2})(.{0,2})/.exec(raw);
  if (badEscape) return `parse ${quote(raw)}: invalid URL escape ${quote(`%${badEscape[1]}`)}`;
  if (raw.startsWith(':')) return `parse ${quote(raw)}: missing protocol scheme`;
  const m = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\/([^/?#]*)/.exec(raw);
  if (m) {
    const host = m[2].slice(m[2].lastIndexOf('@') + 1);
    const portMatch = /^(?:\[[^\]]*\]|[^:]*):(.*)$/.exec(host);
    if (portMatch && !/^\d*$/.test(portMatch[1])) return `parse ${quote(raw)}: invalid port ${quote(`:${portMatch[1]}`)} after host`;
  } else if (/^[^/?#]*:/.test(raw) && !/^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(raw)) {
    return `parse ${quote(raw)}: first path segment in URL cannot contain colon`;
  }
  return undefined;
}

/** A server URL (Kuma, Nomad): must parse and have a scheme and a host. */
export function validateServer(server: string): void {
  const err = urlParseError(server);
  if (err) reject(`cannot parse server: ${err}`);
  const m = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\/([^/?#]+)/.exec(server);
  if (!m) reject(`must not be empty and have a scheme: ${server}`);
}
