import { Construct, IConstruct } from 'constructs';
import { renderScrapeTiming, ScrapeScheme, ScrapeTimingOptions, validateHttpPath, validateProxyUrl } from './endpoint';
import { HttpAuthOptions, renderHttpAuth } from './http-auth';
import { ProbeTargets } from './probe-targets';
import { RelabelConfig, renderRelabelConfigs } from './relabel';
import { namespaceOf, renderMetadata, renderScrapeLimits, ScrapeObjectProps } from './scrape-object';
import { Checks } from '../checks/checks';
import { fail } from '../common/errors';
import { SelectableKind } from '../common/selecting';
import * as monitoring from '../imports/monitoring.coreos.com';

/** Where the prober (for example blackbox_exporter) is reached. */
export interface ProberEndpoint {
  /** `host` or `host:port` of the prober, without scheme or path, e.g. `blackbox-exporter.monitoring.svc:9115`. */
  readonly url: string;
  /**
   * HTTP path of the prober's probe handler.
   * @default '/probe'
   */
  readonly path?: string;
  /**
   * Protocol used to reach the prober.
   * @default ScrapeScheme.HTTP
   */
  readonly scheme?: ScrapeScheme;
  /**
   * HTTP proxy used to reach the prober (`http://`, `https://` or `socks5://`).
   * @default - no proxy
   */
  readonly proxyUrl?: string;
}

/** Properties of a Probe. */
export interface ProbeProps extends ScrapeObjectProps, ScrapeTimingOptions, HttpAuthOptions {
  /** The prober that performs the probes. */
  readonly prober: ProberEndpoint;
  /** What to probe. */
  readonly targets: ProbeTargets;
  /**
   * Prober module to use (for blackbox_exporter, a module of its configuration such as `http_2xx`).
   * @default - the prober's default module
   */
  readonly module?: string;
  /**
   * Value of the `job` label.
   * @default - `probe/<namespace>/<name>`
   */
  readonly jobName?: string;
  /**
   * Relabeling applied to scraped samples before ingestion.
   * @default - none
   */
  readonly metricRelabelings?: RelabelConfig[];
  /**
   * Extra URL query parameters sent to the prober.
   * @default - none
   */
  readonly params?: { [name: string]: string[] };
}

/**
 * A prometheus-operator Probe: Prometheus asks a prober (such as blackbox_exporter) to probe
 * static targets or the hosts of Ingresses, and scrapes the result.
 *
 * Creating it turns on the synth-time checks of its app ({@link Checks}): mistakes that would
 * make the operator lose targets, rules or alerts fail synth; warnings are printed.
 */
export class Probe extends Construct {
  /** The generated Probe object (child id `Resource`), for escape hatches such as `addJsonPatch`. */
  public readonly resource: monitoring.Probe;
  /** Namespace of the Probe, when known (its metadata's or its chart's). */
  public readonly namespace?: string;

  constructor(scope: Construct, id: string, props: ProbeProps) {
    super(scope, id);
    Checks.of(this);
    this.namespace = namespaceOf(this, props.metadata);
    const metadata = renderMetadata(this, SelectableKind.PROBE, props.metadata, props.prometheus);
    validateProberUrl(this, 'prober.url', props.prober.url);
    validateHttpPath(this, 'prober.path', props.prober.path ?? '/probe');
    validateProxyUrl(this, 'prober.proxyUrl', props.prober.proxyUrl);
    if (props.module !== undefined && props.module.trim() === '') {
      fail(this, 'module', 'the module name is empty. Name a module of the prober\'s configuration (e.g. "http_2xx"), or leave it unset.');
    }
    const metricRelabelings = renderRelabelConfigs(this, 'metricRelabelings', props.metricRelabelings);
    const spec = {
      prober: {
        url: props.prober.url,
        ...(props.prober.path !== undefined ? { path: props.prober.path } : {}),
        ...(props.prober.scheme !== undefined ? { scheme: props.prober.scheme } : {}),
        ...(props.prober.proxyUrl !== undefined ? { proxyUrl: props.prober.proxyUrl } : {}),
      },
      targets: props.targets._toJson(this, 'targets'),
      ...(props.module !== undefined ? { module: props.module } : {}),
      ...(props.jobName !== undefined ? { jobName: props.jobName } : {}),
      ...renderProbeParams(this, props.params),
      ...renderScrapeTiming(this, '', props),
      ...(metricRelabelings ? { metricRelabelings } : {}),
      ...renderHttpAuth(this, '', props, this.namespace),
      ...renderScrapeLimits(this, props),
    };
    this.resource = new monitoring.Probe(this, 'Resource', { metadata, spec: spec as unknown as monitoring.ProbeSpec });
  }

  /** Name of the Probe object. */
  public get name(): string {
    return this.resource.name;
  }
}

/** A Probe's `params` is a list of `{name, values}` (each value non-empty), unlike an endpoint's map. */
function renderProbeParams(
  scope: IConstruct, params: { [name: string]: string[] } | undefined,
): { params?: Array<{ name: string; values: string[] }> } {
  const entries = Object.entries(params ?? {});
  for (const [name, values] of entries) {
    if (name === '' || values.length === 0 || values.some((v) => v === '')) {
      fail(scope, `params.${name}`, 'a parameter needs a non-empty name and at least one non-empty value. Give each parameter a name and its values.');
    }
  }
  return entries.length > 0 ? { params: entries.map(([name, values]) => ({ name, values: [...values] })) } : {};
}

const DNS_NAME = /^[A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?(\.[A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?)*\.?$/;
const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
const IPV6 = /^[0-9A-Fa-f:.]+$/;

/** The operator accepts a prober URL that is `host` or `host:port` (host: DNS name, IPv4 or IPv6). */
function validateProberUrl(scope: IConstruct, field: string, url: string): void {
  const bracketed = /^\[([^\]]+)\](?::(.*))?$/.exec(url);
  const colons = (url.match(/:/g) ?? []).length;
  let host = url;
  let port: string | undefined;
  if (bracketed) {
    [, host, port] = bracketed;
  } else if (colons === 1) {
    [host, port] = url.split(':');
  }
  const hostOk = bracketed || colons > 1 ? IPV6.test(host) && host.includes(':') : IPV4.test(host) || DNS_NAME.test(host);
  const portOk = port === undefined || (/^\d+$/.test(port) && Number(port) >= 1 && Number(port) <= 65535);
  if (url === '' || !hostOk || !portOk) {
    fail(scope, field, `"${url}" is not a host or host:port. Give the prober's address without scheme or path (e.g. "blackbox-exporter.monitoring.svc:9115"); set prober.scheme and prober.path separately.`);
  }
}
