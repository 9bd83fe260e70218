import { Duration, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { FakeSelectingPrometheus } from './fake-prometheus';
import {
  MonitorNamespaceSelector, PodMonitor, Probe, ProbeTargets, RelabelAction, RelabelConfig, ScrapeProtocol,
  Selector, ServiceMonitor, ServiceMonitorEndpoint,
} from '../../src';
import { validationError } from '../common/validation-error';

/** One rejected input: what to build, and the field and allowed-values text the message must carry. */
interface BadInput {
  readonly build: (scope: Construct) => void;
  readonly field: string;
  readonly allowed: RegExp;
}

const sm = (scope: Construct, endpoint: Partial<ServiceMonitorEndpoint>, extra: object = {}) =>
  new ServiceMonitor(scope, 'mon', { selector: Selector.matchLabels({ app: 'x' }), endpoints: [{ port: 'metrics', ...endpoint }], ...extra });
const relabel = (scope: Construct, config: RelabelConfig) => sm(scope, { relabelings: [{ sourceLabels: ['a'], targetLabel: 'b' }, config] });
const secretIn = (scope: Construct, namespace: string) => new kplus.Secret(scope, 'secret', { metadata: { name: 'creds', namespace } });
const probe = (scope: Construct, props: object) =>
  new Probe(scope, 'mon', { prober: { url: 'blackbox:9115' }, targets: ProbeTargets.staticTargets(['https://example.com']), ...props });

const CASES: { [name: string]: BadInput } = {
  'port name longer than 15 characters': {
    build: (s) => sm(s, { port: 'metrics-endpoint-1' }),
    field: 'endpoints[0].port',
    allowed: /Use at most 15 lowercase letters, digits or '-', starting with a letter/,
  },
  'port name with capitals': {
    build: (s) => sm(s, { port: 'Metrics' }),
    field: 'endpoints[0].port',
    allowed: /a DNS-1035 label/,
  },
  'path without leading slash': {
    build: (s) => sm(s, { path: 'metrics' }),
    field: 'endpoints[0].path',
    allowed: /Use a path starting with "\/"/,
  },
  'scrapeTimeout longer than interval': {
    build: (s) => sm(s, { interval: Duration.seconds(15), scrapeTimeout: Duration.seconds(20) }),
    field: 'endpoints[0].scrapeTimeout',
    allowed: /20s is longer than the interval 15s\. Use a scrapeTimeout at most as long as interval/,
  },
  'zero interval': {
    build: (s) => sm(s, { interval: Duration.seconds(0) }),
    field: 'endpoints[0].interval',
    allowed: /Use a positive duration/,
  },
  'interval with fractional milliseconds': {
    build: (s) => sm(s, { interval: Duration.millis(1.5) }),
    field: 'endpoints[0].interval',
    allowed: /Use a whole, non-negative number of milliseconds/,
  },
  'relabel regex that RE2 rejects': {
    build: (s) => relabel(s, { action: RelabelAction.DROP, sourceLabels: ['a'], regex: 'a(?=b)' }),
    field: 'endpoints[0].relabelings[1].regex',
    allowed: /not a valid RE2 regular expression \(invalid or unsupported Perl syntax\)\. Use RE2 syntax/,
  },
  'replace without targetLabel': {
    build: (s) => relabel(s, { sourceLabels: ['a'] }),
    field: 'endpoints[0].relabelings[1].targetLabel',
    allowed: /the replace action needs a targetLabel\. Set targetLabel/,
  },
  'hashmod without modulus': {
    build: (s) => relabel(s, { action: RelabelAction.HASHMOD, sourceLabels: ['__address__'], targetLabel: 'shard' }),
    field: 'endpoints[0].relabelings[1].modulus',
    allowed: /Set modulus to a whole number of at least 1/,
  },
  'target label starting with a digit': {
    build: (s) => relabel(s, { sourceLabels: ['a'], targetLabel: '1st' }),
    field: 'endpoints[0].relabelings[1].targetLabel',
    allowed: /Use letters, digits and '_', not starting with a digit/,
  },
  'labeldrop with source labels': {
    build: (s) => relabel(s, { action: RelabelAction.LABELDROP, sourceLabels: ['a'], regex: 'x' }),
    field: 'endpoints[0].relabelings[1].sourceLabels',
    allowed: /takes only regex/,
  },
  'lowercase with a replacement': {
    build: (s) => relabel(s, { action: RelabelAction.LOWERCASE, sourceLabels: ['a'], targetLabel: 'b', replacement: 'x' }),
    field: 'endpoints[0].relabelings[1].replacement',
    allowed: /takes no replacement\. Remove replacement/,
  },
  'metric relabeling source label with a dash': {
    build: (s) => sm(s, { metricRelabelings: [{ action: RelabelAction.DROP, sourceLabels: ['pod-name'] }] }),
    field: 'endpoints[0].metricRelabelings[0].sourceLabels[0]',
    allowed: /Use letters, digits and '_'/,
  },
  'basic auth and authorization together': {
    build: (s) => {
      const secret = kplus.Secret.fromSecretName(s, 'secret', 'creds');
      sm(s, { basicAuth: { username: { secret, key: 'u' }, password: { secret, key: 'p' } }, authorization: { credentials: { secret, key: 't' } } });
    },
    field: 'endpoints[0].authorization',
    allowed: /Choose one authentication method/,
  },
  'authorization type Basic': {
    build: (s) => sm(s, { authorization: { type: 'basic', credentials: { secret: kplus.Secret.fromSecretName(s, 'secret', 'creds'), key: 't' } } }),
    field: 'endpoints[0].authorization.type',
    allowed: /for basic authentication use basicAuth/,
  },
  'client certificate without key': {
    build: (s) => sm(s, { tlsConfig: { cert: { secret: kplus.Secret.fromSecretName(s, 'secret', 'creds'), key: 'tls.crt' } } }),
    field: 'endpoints[0].tlsConfig.keySecret',
    allowed: /needs both cert and keySecret/,
  },
  'TLS minVersion above maxVersion': {
    build: (s) => sm(s, { tlsConfig: { minVersion: 'TLS13' as any, maxVersion: 'TLS12' as any } }),
    field: 'endpoints[0].tlsConfig.minVersion',
    allowed: /Use a minVersion at or below maxVersion/,
  },
  'Secret in another namespace than the monitor': {
    build: (s) => {
      const secret = secretIn(s, 'other');
      sm(s, { basicAuth: { username: { secret, key: 'u' }, password: { secret, key: 'p' } } }, { metadata: { namespace: 'monitoring' } });
    },
    field: 'endpoints[0].basicAuth.username',
    allowed: /the operator reads it from the monitor's namespace "monitoring"\. Use a Secret in "monitoring"/,
  },
  'proxy URL with an unsupported scheme': {
    build: (s) => sm(s, { proxyUrl: 'ftp://proxy:21' }),
    field: 'endpoints[0].proxyUrl',
    allowed: /Use http:\/\/, https:\/\/ or socks5:\/\//,
  },
  'Selector.none() for a ServiceMonitor': {
    build: (s) => new ServiceMonitor(s, 'mon', { selector: Selector.none(), endpoints: [{ port: 'metrics' }] }),
    field: 'selector',
    allowed: /Use Selector\.matchLabels\(\{\.\.\.\}\) for the Services to scrape, or Selector\.all\(\)/,
  },
  'invalid selector label value': {
    build: (s) => new ServiceMonitor(s, 'mon', { selector: Selector.matchLabels({ app: 'my app' }), endpoints: [{ port: 'metrics' }] }),
    field: 'selector.matchLabels.app',
    allowed: /Use at most 63 alphanumerics/,
  },
  'invalid namespace name': {
    build: (s) => sm(s, {}, { namespaceSelector: MonitorNamespaceSelector.names('Team_A') }),
    field: 'namespaceSelector',
    allowed: /Use at most 63 lowercase alphanumerics or '-'/,
  },
  'invalid metadata label key': {
    build: (s) => sm(s, {}, { metadata: { labels: { 'release!': 'prometheus' } } }),
    field: 'metadata.labels.release!',
    allowed: /Use an optional DNS prefix and "\/"/,
  },
  'label that contradicts the selecting Prometheus': {
    build: (s) => sm(s, {}, { metadata: { labels: { release: 'other' } }, prometheus: new FakeSelectingPrometheus(s, 'prom', { release: 'prometheus' }) }),
    field: 'metadata.labels.release',
    allowed: /Prometheus monitoring\/main selects ServiceMonitors by\. Remove the label or set it to "prometheus"/,
  },
  'invalid jobLabel': {
    build: (s) => sm(s, {}, { jobLabel: 'app name' }),
    field: 'jobLabel',
    allowed: /Use an optional DNS prefix/,
  },
  'invalid targetLabels entry': {
    build: (s) => sm(s, {}, { targetLabels: ['ok', '-bad'] }),
    field: 'targetLabels[1]',
    allowed: /starting and ending alphanumeric/,
  },
  'negative sampleLimit': {
    build: (s) => sm(s, {}, { sampleLimit: -1 }),
    field: 'sampleLimit',
    allowed: /Use a whole number of at least 0/,
  },
  'empty scrape class': {
    build: (s) => sm(s, {}, { scrapeClass: '' }),
    field: 'scrapeClass',
    allowed: /Use the name of a scrape class defined on the Prometheus/,
  },
  'repeated scrape protocol': {
    build: (s) => sm(s, {}, { scrapeProtocols: [ScrapeProtocol.PROMETHEUS_PROTO, ScrapeProtocol.PROMETHEUS_PROTO] }),
    field: 'scrapeProtocols',
    allowed: /PrometheusProto is listed twice\. List each protocol once/,
  },
  'PodMonitor endpoint with neither port nor portNumber': {
    build: (s) => new PodMonitor(s, 'mon', { selector: Selector.all(), podMetricsEndpoints: [{ path: '/metrics' }] }),
    field: 'podMetricsEndpoints[0].port',
    allowed: /give exactly one of port \(a container port name\) and portNumber/,
  },
  'PodMonitor portNumber out of range': {
    build: (s) => new PodMonitor(s, 'mon', { selector: Selector.all(), podMetricsEndpoints: [{ portNumber: 70000 }] }),
    field: 'podMetricsEndpoints[0].portNumber',
    allowed: /Use an integer from 1 to 65535/,
  },
  'Probe prober URL with a scheme': {
    build: (s) => new Probe(s, 'mon', { prober: { url: 'http://blackbox:9115' }, targets: ProbeTargets.staticTargets(['x']) }),
    field: 'prober.url',
    allowed: /Give the prober's address without scheme or path/,
  },
  'Probe prober port out of range': {
    build: (s) => new Probe(s, 'mon', { prober: { url: 'blackbox:99999' }, targets: ProbeTargets.staticTargets(['x']) }),
    field: 'prober.url',
    allowed: /is not a host or host:port/,
  },
  'Probe without static targets': {
    build: (s) => probe(s, { targets: ProbeTargets.staticTargets([]) }),
    field: 'targets.staticConfig.static',
    allowed: /Give at least one address or URL to probe/,
  },
  'Probe static label that is not a Prometheus label name': {
    build: (s) => probe(s, { targets: ProbeTargets.staticTargets(['x'], { labels: { 'app.kubernetes.io/name': 'x' } }) }),
    field: 'targets.staticConfig.labels.app.kubernetes.io/name',
    allowed: /Use letters, digits and '_'/,
  },
  'Probe prober path without leading slash': {
    build: (s) => probe(s, { prober: { url: 'blackbox:9115', path: 'probe' } }),
    field: 'prober.path',
    allowed: /Use a path starting with "\/"/,
  },
  'Probe scrapeTimeout longer than interval': {
    build: (s) => probe(s, { interval: Duration.seconds(10), scrapeTimeout: Duration.seconds(11) }),
    field: 'scrapeTimeout',
    allowed: /Use a scrapeTimeout at most as long as interval/,
  },
  'Probe ingress targets with Selector.none()': {
    build: (s) => probe(s, { targets: ProbeTargets.ingresses({ selector: Selector.none() }) }),
    field: 'targets.ingress.selector',
    allowed: /Use Selector\.matchLabels\(\{\.\.\.\}\) or Selector\.all\(\)/,
  },
  'Probe parameter without values': {
    build: (s) => probe(s, { params: { module: [] } }),
    field: 'params.module',
    allowed: /at least one non-empty value/,
  },
};

describe('monitors reject bad input with the construct path, the field and what is allowed', () => {
  test(`there are at least 15 cases (${Object.keys(CASES).length})`, () => {
    expect(Object.keys(CASES).length).toBeGreaterThanOrEqual(15);
  });

  test.each(Object.entries(CASES))('%s', (_name, { build, field, allowed }) => {
    const chart = Testing.chart();
    const error = validationError(() => build(chart));
    const message = error.message;
    expect(message.startsWith(`test/mon: ${field}: `)).toBe(true);
    expect(error.field).toBe(field);
    expect(error.constructPath).toBe('test/mon');
    expect(message).toMatch(allowed);
  });
});
