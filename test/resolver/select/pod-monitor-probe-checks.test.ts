import { rejection } from './check-helpers';
import { podMonitor, probe, secret } from './fixtures';

const meta = { name: 'm', namespace: 'apps' };
const pm = (endpoint: any, extra: any = {}) => podMonitor(meta, { selector: {}, podMetricsEndpoints: [{ port: 'web', ...endpoint }], ...extra });
const pr = (spec: any) => probe(meta, { prober: { url: 'blackbox:9115' }, targets: { staticConfig: { static: ['example.com'] } }, ...spec });

describe('PodMonitor checks', () => {
  test('a plain PodMonitor is accepted', () => {
    expect(rejection(pm({}))).toBeUndefined();
  });

  test('an invalid spec.selector is rejected with the PodMonitor prefix', () => {
    expect(rejection(pm({}, { selector: { matchExpressions: [{ key: 'a', operator: 'Exists', values: ['x'] }] } })))
      .toBe('failed to parse label selector: values: Invalid value: ["x"]: values set must be empty for exists and does not exist');
  });

  test('endpoint errors are prefixed endpoint[i]', () => {
    expect(rejection(pm({ interval: '5s', scrapeTimeout: '10s' }))).toBe('endpoint[0]: scrapeTimeout "10s" greater than scrapeInterval "5s"');
  });

  test('bearerTokenSecret needs its Secret', () => {
    expect(rejection(pm({ bearerTokenSecret: { name: 'tok', key: 'token' } })))
      .toBe('endpoint[0]: bearerTokenSecret: unable to get secret "tok": secrets "tok" not found');
  });

  test('TLS files are not allowed: the PodMonitor TLS settings are references only', () => {
    expect(rejection(pm({ tlsConfig: { keySecret: { name: 'tls', key: 'key' } } })))
      .toBe('endpoint[0]: tlsConfig: client key specified without client cert');
  });

  test('an invalid proxy is rejected', () => {
    expect(rejection(pm({ proxyUrl: 'http://p', proxyFromEnvironment: true })))
      .toBe('endpoint[0]: if proxyFromEnvironment is configured, proxyUrl must not be configured');
  });

  test('relabelings use the version naming scheme: UTF-8 names from Prometheus 3', () => {
    const ep = { relabelings: [{ targetLabel: 'dotted.name', replacement: 'x' }] };
    expect(rejection(pm(ep), [], { version: 'v2.55.0' })).toBe('endpoint[0]: relabelConfigs: [0]: "dotted.name" is invalid \'target_label\' for replace action');
    expect(rejection(pm(ep), [], { version: 'v3.0.0' })).toBeUndefined();
  });
});

describe('Probe checks', () => {
  test('a plain Probe is accepted', () => {
    expect(rejection(pr({}))).toBeUndefined();
  });

  test('a Probe needs static or ingress targets', () => {
    expect(rejection(pr({ targets: {} }))).toBe('at least one of .spec.targets.staticConfig and .spec.targets.ingress is required');
  });

  test('the prober URL must be host or host:port', () => {
    expect(rejection(pr({ prober: { url: 'http://blackbox:9115' } })))
      .toBe('"http://blackbox:9115" url specified in proberSpec is invalid, it should be of the format `hostname` or `hostname:port`: invalid host: "http://blackbox:9115"');
    expect(rejection(pr({ prober: { url: 'blackbox:99999' } }))).toMatch(/invalid port: "99999"$/);
    expect(rejection(pr({ prober: { url: '[::1]:9115' } }))).toBeUndefined();
    expect(rejection(pr({ prober: { url: '10.0.0.1' } }))).toBeUndefined();
  });

  test('static target labels must be valid label names', () => {
    expect(rejection(pr({ targets: { staticConfig: { static: ['a'], labels: { 'bad-name': 'x' } } } }), [], { version: 'v2.50.0' }))
      .toBe('targets.staticConfig.labels: invalid label "bad-name"');
  });

  test('ingress relabelings are validated', () => {
    expect(rejection(pr({ targets: { ingress: { relabelingConfigs: [{ action: 'labeldrop', regex: 'x', targetLabel: 'y' }] } } })))
      .toBe("targets.ingress.relabelConfigs: [0]: labeldrop action requires only 'regex', and no other fields");
  });

  test('a Probe bearerTokenSecret needs its Secret key', () => {
    expect(rejection(pr({ bearerTokenSecret: { name: 'tok', key: 't' } }), [secret({ name: 'tok', namespace: 'apps' }, { other: 'x' })]))
      .toBe('bearerTokenSecret: key "t" in secret "tok" not found');
  });

  test('the prober proxy is validated', () => {
    expect(rejection(pr({ prober: { url: 'blackbox:9115', proxyConnectHeader: { a: [{ name: 's', key: 'k' }] } } })))
      .toBe('proxy configuration: if proxyConnectHeader is configured, proxyUrl or proxyFromEnvironment must also be configured');
  });
});
