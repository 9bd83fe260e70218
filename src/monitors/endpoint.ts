import { Duration } from 'cdk8s';
import { IConstruct } from 'constructs';
import { HttpAuthJson, HttpAuthOptions, renderHttpAuth } from './http-auth';
import { RelabelConfig, RelabelConfigJson, renderRelabelConfigs } from './relabel';
import { toPositivePrometheusDuration } from '../common/duration';
import { fail } from '../common/errors';

/** The protocol Prometheus scrapes with. */
export enum ScrapeScheme {
  /** Plain HTTP. */
  HTTP = 'http',
  /** HTTPS; see `tlsConfig`. */
  HTTPS = 'https',
}

/** The interval and timeout of a scrape. */
export interface ScrapeTimingOptions {
  /**
   * How often Prometheus scrapes.
   * @default - the Prometheus's scrape interval (30s unless configured)
   */
  readonly interval?: Duration;
  /**
   * How long a scrape may take; at most `interval`.
   * @default - the Prometheus's scrape timeout (10s unless configured)
   */
  readonly scrapeTimeout?: Duration;
}

/** How one endpoint of a ServiceMonitor or PodMonitor is scraped (everything but the port). */
export interface ScrapeEndpointOptions extends ScrapeTimingOptions, HttpAuthOptions {
  /**
   * HTTP path of the metrics; must start with `/`.
   * @default '/metrics'
   */
  readonly path?: string;
  /**
   * Protocol to scrape with.
   * @default ScrapeScheme.HTTP
   */
  readonly scheme?: ScrapeScheme;
  /**
   * URL query parameters sent with each scrape.
   * @default - none
   */
  readonly params?: { [name: string]: string[] };
  /**
   * Keep the target's labels when they clash with labels Prometheus attaches.
   * @default false
   */
  readonly honorLabels?: boolean;
  /**
   * Use the timestamps the target exposes.
   * @default true
   */
  readonly honorTimestamps?: boolean;
  /**
   * Mark series stale when a target stops exposing an explicitly timestamped sample (Prometheus >= 2.48).
   * @default false
   */
  readonly trackTimestampsStaleness?: boolean;
  /**
   * Relabeling applied to the target before scraping.
   * @default - none
   */
  readonly relabelings?: RelabelConfig[];
  /**
   * Relabeling applied to scraped samples before ingestion.
   * @default - none
   */
  readonly metricRelabelings?: RelabelConfig[];
  /**
   * Follow HTTP 3xx redirects.
   * @default true
   */
  readonly followRedirects?: boolean;
  /**
   * Allow HTTP/2.
   * @default true
   */
  readonly enableHttp2?: boolean;
  /**
   * Skip pods that are not running (Failed or Succeeded).
   * @default true
   */
  readonly filterRunning?: boolean;
  /**
   * HTTP proxy to scrape through (`http://`, `https://` or `socks5://`).
   * @default - no proxy
   */
  readonly proxyUrl?: string;
}

/** The JSON of the scrape timing fields. */
export interface ScrapeTimingJson {
  /** Prometheus duration. */
  readonly interval?: string;
  /** Prometheus duration. */
  readonly scrapeTimeout?: string;
}

/** The JSON of an endpoint's fields other than its port. */
export interface ScrapeEndpointJson extends HttpAuthJson, ScrapeTimingJson {
  /** URL path. */
  readonly path: string;
  /** Scheme. */
  readonly scheme?: string;
  /** Query parameters. */
  readonly params?: { [name: string]: string[] };
  /** honor_labels. */
  readonly honorLabels?: boolean;
  /** honor_timestamps. */
  readonly honorTimestamps?: boolean;
  /** track_timestamps_staleness. */
  readonly trackTimestampsStaleness?: boolean;
  /** Target relabeling. */
  readonly relabelings?: RelabelConfigJson[];
  /** Sample relabeling. */
  readonly metricRelabelings?: RelabelConfigJson[];
  /** follow_redirects. */
  readonly followRedirects?: boolean;
  /** enable_http2. */
  readonly enableHttp2?: boolean;
  /** Skip pods not running. */
  readonly filterRunning?: boolean;
  /** Proxy URL. */
  readonly proxyUrl?: string;
}

/** Default metrics path of an endpoint. */
export const DEFAULT_METRICS_PATH = '/metrics';

const PROXY_URL = /^(http|https|socks5):\/\/.+$/;

/** Validates an HTTP path (must start with `/`, no whitespace) for `field`. */
export function validateHttpPath(scope: IConstruct, field: string, path: string): void {
  if (!path.startsWith('/') || /\s/.test(path)) {
    fail(scope, field, `"${path}" is not an absolute URL path. Use a path starting with "/" and without spaces, such as "/metrics".`);
  }
}

/** Validates a proxy URL the way the CRD's pattern does. */
export function validateProxyUrl(scope: IConstruct, field: string, url: string | undefined): void {
  if (url !== undefined && !PROXY_URL.test(url)) {
    fail(scope, field, `"${url}" is not a proxy URL. Use http://, https:// or socks5:// followed by the proxy's address.`);
  }
}

/**
 * Renders interval and scrapeTimeout as Prometheus durations, rejecting zero, fractional
 * milliseconds and a timeout longer than the interval.
 */
export function renderScrapeTiming(scope: IConstruct, prefix: string, options: ScrapeTimingOptions): ScrapeTimingJson {
  const interval = options.interval && toPositivePrometheusDuration(scope, `${prefix}interval`, options.interval);
  const timeout = options.scrapeTimeout && toPositivePrometheusDuration(scope, `${prefix}scrapeTimeout`, options.scrapeTimeout);
  if (options.interval && options.scrapeTimeout
    && options.scrapeTimeout.toMilliseconds({ integral: false }) > options.interval.toMilliseconds({ integral: false })) {
    fail(scope, `${prefix}scrapeTimeout`, `${timeout} is longer than the interval ${interval}. Use a scrapeTimeout at most as long as interval.`);
  }
  return {
    ...(interval !== undefined ? { interval } : {}),
    ...(timeout !== undefined ? { scrapeTimeout: timeout } : {}),
  };
}

/**
 * Validates and renders an endpoint's options. `prefix` is the field path of the endpoint
 * (e.g. `endpoints[0].`), `namespace` the monitor's namespace (for Secret references).
 */
export function renderScrapeEndpoint(
  scope: IConstruct, prefix: string, options: ScrapeEndpointOptions, namespace: string | undefined,
): ScrapeEndpointJson {
  const path = options.path ?? DEFAULT_METRICS_PATH;
  validateHttpPath(scope, `${prefix}path`, path);
  validateProxyUrl(scope, `${prefix}proxyUrl`, options.proxyUrl);
  for (const name of Object.keys(options.params ?? {})) {
    if (name === '') {
      fail(scope, `${prefix}params`, 'a query parameter has an empty name. Use non-empty parameter names.');
    }
  }
  const relabelings = renderRelabelConfigs(scope, `${prefix}relabelings`, options.relabelings);
  const metricRelabelings = renderRelabelConfigs(scope, `${prefix}metricRelabelings`, options.metricRelabelings);
  return {
    path,
    ...(options.scheme !== undefined ? { scheme: options.scheme } : {}),
    ...(options.params !== undefined ? { params: options.params } : {}),
    ...renderScrapeTiming(scope, prefix, options),
    ...(options.honorLabels !== undefined ? { honorLabels: options.honorLabels } : {}),
    ...(options.honorTimestamps !== undefined ? { honorTimestamps: options.honorTimestamps } : {}),
    ...(options.trackTimestampsStaleness !== undefined ? { trackTimestampsStaleness: options.trackTimestampsStaleness } : {}),
    ...(relabelings ? { relabelings } : {}),
    ...(metricRelabelings ? { metricRelabelings } : {}),
    ...(options.followRedirects !== undefined ? { followRedirects: options.followRedirects } : {}),
    ...(options.enableHttp2 !== undefined ? { enableHttp2: options.enableHttp2 } : {}),
    ...(options.filterRunning !== undefined ? { filterRunning: options.filterRunning } : {}),
    ...(options.proxyUrl !== undefined ? { proxyUrl: options.proxyUrl } : {}),
    ...renderHttpAuth(scope, prefix, options, namespace),
  };
}
