import { ApiObject, Chart, Duration, JsonPatch, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { FakeSelectingPrometheus } from './fake-prometheus';
import { MonitorNamespaceSelector, RelabelAction, ScrapeProtocol, ScrapeScheme, Selector, ServiceDiscoveryRole, ServiceMonitor, TlsVersion } from '../../src';
import { crdSchemaErrors, expectValidAgainstCrds } from '../support/crd-schema';

// The tests build partial apps on purpose: the checks' warnings about them are not printed (errors still fail synth).
process.env.CDK8S_PROMETHEUS_CHECKS = 'silent';

function synthOne(chart: Chart, kind = 'ServiceMonitor'): any {
  const objects = Testing.synth(chart);
  expect(expectValidAgainstCrds(objects)).toBeGreaterThan(0);
  return objects.find((o) => o.kind === kind);
}

describe('ServiceMonitor', () => {
  test('defaults: own namespace, path /metrics, only what was given', () => {
    const chart = Testing.chart();
    new ServiceMonitor(chart, 'sm', {
      metadata: { name: 'web', namespace: 'shop' },
      selector: Selector.matchLabels({ app: 'web' }),
      endpoints: [{ port: 'metrics' }],
    });
    expect(synthOne(chart)).toEqual({
      apiVersion: 'monitoring.coreos.com/v1',
      kind: 'ServiceMonitor',
      metadata: { name: 'web', namespace: 'shop' },
      spec: { selector: { matchLabels: { app: 'web' } }, endpoints: [{ port: 'metrics', path: '/metrics' }] },
    });
  });

  test('every endpoint and spec field, snapshot and CRD-valid', () => {
    const chart = Testing.chart();
    const secret = kplus.Secret.fromSecretName(chart, 'creds', 'scrape-creds');
    const sm = new ServiceMonitor(chart, 'sm', {
      metadata: { name: 'api', namespace: 'shop', labels: { team: 'payments' } },
      selector: Selector.matchLabels({ app: 'api' }),
      namespaceSelector: MonitorNamespaceSelector.names('shop', 'shop-canary'),
      jobLabel: 'app.kubernetes.io/name',
      targetLabels: ['team'],
      podTargetLabels: ['version'],
      sampleLimit: 10000,
      targetLimit: 50,
      labelLimit: 64,
      labelNameLengthLimit: 128,
      labelValueLengthLimit: 1024,
      keepDroppedTargets: 10,
      scrapeClass: 'tls',
      scrapeProtocols: [ScrapeProtocol.PROMETHEUS_PROTO, ScrapeProtocol.OPEN_METRICS_TEXT_1_0_0],
      fallbackScrapeProtocol: ScrapeProtocol.PROMETHEUS_TEXT_0_0_4,
      attachNodeMetadata: true,
      serviceDiscoveryRole: ServiceDiscoveryRole.ENDPOINT_SLICE,
      endpoints: [{
        port: 'https-metrics',
        path: '/internal/metrics',
        scheme: ScrapeScheme.HTTPS,
        params: { 'collect[]': ['go', 'process'] },
        interval: Duration.seconds(30),
        scrapeTimeout: Duration.seconds(10),
        honorLabels: true,
        honorTimestamps: false,
        trackTimestampsStaleness: true,
        followRedirects: false,
        enableHttp2: false,
        filterRunning: true,
        proxyUrl: 'http://proxy.shop.svc:3128',
        tlsConfig: {
          ca: { secret, key: 'ca.crt' },
          cert: { secret, key: 'tls.crt' },
          keySecret: { secret, key: 'tls.key' },
          serverName: 'api.shop.svc',
          minVersion: TlsVersion.TLS12,
          maxVersion: TlsVersion.TLS13,
        },
        authorization: { credentials: { secret, key: 'token' } },
        relabelings: [
          { sourceLabels: ['__meta_kubernetes_pod_node_name'], targetLabel: 'node' },
          { action: RelabelAction.HASHMOD, sourceLabels: ['__address__'], targetLabel: '__tmp_hash', modulus: 4 },
          { action: RelabelAction.KEEP, sourceLabels: ['__tmp_hash'], regex: '0' },
        ],
        metricRelabelings: [
          { action: RelabelAction.DROP, sourceLabels: ['__name__'], regex: 'go_gc_.*' },
          { action: RelabelAction.LABELDROP, regex: 'pod_template_hash' },
        ],
      }],
    });
    sm.addEndpoint({ port: 'metrics', interval: Duration.minutes(1), basicAuth: { username: { secret, key: 'user' }, password: { secret, key: 'pass' } } });
    const obj = synthOne(chart);
    expect(obj).toMatchSnapshot();
    expect(obj.spec.endpoints[0].authorization).toEqual({ credentials: { name: 'scrape-creds', key: 'token' } });
    expect(obj.spec.endpoints[0].tlsConfig.ca).toEqual({ secret: { name: 'scrape-creds', key: 'ca.crt' } });
    expect(obj.spec.endpoints[1]).toEqual({
      port: 'metrics',
      path: '/metrics',
      interval: '1m',
      basicAuth: { username: { name: 'scrape-creds', key: 'user' }, password: { name: 'scrape-creds', key: 'pass' } },
    });
    expect(sm.portNames).toEqual(['https-metrics', 'metrics']);
  });

  test('durations are rendered in the Prometheus grammar', () => {
    const chart = Testing.chart();
    new ServiceMonitor(chart, 'sm', {
      selector: Selector.all(),
      endpoints: [{ port: 'metrics', interval: Duration.seconds(90), scrapeTimeout: Duration.millis(1500) }],
    });
    const endpoint = synthOne(chart).spec.endpoints[0];
    expect(endpoint.interval).toBe('1m30s');
    expect(endpoint.scrapeTimeout).toBe('1s500ms');
  });

  test('Selector.all() is {} and MonitorNamespaceSelector.all() is any: true', () => {
    const chart = Testing.chart();
    new ServiceMonitor(chart, 'sm', { selector: Selector.all(), namespaceSelector: MonitorNamespaceSelector.all(), endpoints: [{ port: 'metrics' }] });
    const spec = synthOne(chart).spec;
    expect(spec.selector).toEqual({});
    expect(spec.namespaceSelector).toEqual({ any: true });
  });

  test('a selecting Prometheus adds its labels to the monitor\'s own', () => {
    const chart = Testing.chart();
    const prometheus = new FakeSelectingPrometheus(chart, 'prom', { prometheus: 'main' });
    new ServiceMonitor(chart, 'sm', {
      metadata: { labels: { team: 'a' } },
      prometheus,
      selector: Selector.matchLabels({ app: 'x' }),
      endpoints: [{ port: 'metrics' }],
    });
    expect(synthOne(chart).metadata.labels).toEqual({ prometheus: 'main', team: 'a' });
  });

  test('the chart namespace is the monitor namespace when metadata has none', () => {
    const app = Testing.app();
    const chart = new Chart(app, 'c', { namespace: 'team-a' });
    const sm = new ServiceMonitor(chart, 'sm', { selector: Selector.all(), endpoints: [{ port: 'metrics' }] });
    expect(sm.namespace).toBe('team-a');
    expect(synthOne(chart).metadata.namespace).toBe('team-a');
  });

  test('the generated object is the Resource child and JSON patches reach the output', () => {
    const chart = Testing.chart();
    const sm = new ServiceMonitor(chart, 'sm', { metadata: { name: 'x' }, selector: Selector.all(), endpoints: [{ port: 'metrics' }] });
    expect(sm.node.defaultChild).toBe(sm.resource);
    expect(sm.resource.node.id).toBe('Resource');
    expect(sm.name).toBe('x');
    ApiObject.of(sm).addJsonPatch(JsonPatch.add('/spec/endpoints/0/honorLabels', true));
    expect(synthOne(chart).spec.endpoints[0].honorLabels).toBe(true);
  });

  test('the CRD check sees what an escape hatch breaks', () => {
    const chart = Testing.chart();
    const sm = new ServiceMonitor(chart, 'sm', { metadata: { name: 'x' }, selector: Selector.all(), endpoints: [{ port: 'metrics' }] });
    sm.resource.addJsonPatch(JsonPatch.add('/spec/endpoints/0/scheme', 'ftp'));
    const obj = Testing.synth(chart).find((o) => o.kind === 'ServiceMonitor');
    expect(crdSchemaErrors(obj).join('\n')).toMatch(/\/spec\/endpoints\/0\/scheme must be equal to one of the allowed values/);
  });

  test('a ServiceMonitor without endpoints fails at synth, naming the path and field', () => {
    const chart = Testing.chart();
    new ServiceMonitor(chart, 'sm', { selector: Selector.all() });
    expect(() => Testing.synth(chart)).toThrow(/\[test\/sm\] endpoints: the ServiceMonitor has no endpoint\. Pass endpoints or call addEndpoint\(\)/);
  });
});
