import { Duration, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { FakeSelectingPrometheus } from './fake-prometheus';
import { MonitorNamespaceSelector, Probe, ProbeTargets, RelabelAction, ScrapeScheme, Selector } from '../../src';
import { expectValidAgainstCrds } from '../support/crd-schema';

// The tests build partial apps on purpose: the checks' warnings about them are not printed (errors still fail synth).
process.env.CDK8S_PROMETHEUS_CHECKS = 'silent';

function synthProbe(chart: ReturnType<typeof Testing.chart>): any {
  const objects = Testing.synth(chart);
  expect(expectValidAgainstCrds(objects)).toBe(1);
  return objects.find((o) => o.kind === 'Probe');
}

describe('Probe', () => {
  test('static targets: minimal output', () => {
    const chart = Testing.chart();
    new Probe(chart, 'probe', {
      metadata: { name: 'websites', namespace: 'monitoring' },
      prober: { url: 'blackbox-exporter.monitoring.svc:9115' },
      module: 'http_2xx',
      targets: ProbeTargets.staticTargets(['https://example.com', 'https://example.org']),
    });
    expect(synthProbe(chart)).toEqual({
      apiVersion: 'monitoring.coreos.com/v1',
      kind: 'Probe',
      metadata: { name: 'websites', namespace: 'monitoring' },
      spec: {
        prober: { url: 'blackbox-exporter.monitoring.svc:9115' },
        module: 'http_2xx',
        targets: { staticConfig: { static: ['https://example.com', 'https://example.org'] } },
      },
    });
  });

  test('static targets with labels, relabeling, timing, auth and limits: snapshot', () => {
    const chart = Testing.chart();
    const secret = kplus.Secret.fromSecretName(chart, 'token', 'prober-token');
    const prometheus = new FakeSelectingPrometheus(chart, 'prom', { release: 'prometheus' });
    new Probe(chart, 'probe', {
      metadata: { name: 'apis', namespace: 'monitoring' },
      prometheus,
      prober: { url: '10.0.0.7:9115', path: '/blackbox/probe', scheme: ScrapeScheme.HTTPS, proxyUrl: 'socks5://proxy:1080' },
      module: 'http_post_2xx',
      jobName: 'api-probes',
      interval: Duration.minutes(1),
      scrapeTimeout: Duration.seconds(15),
      authorization: { credentials: { secret, key: 'token' }, type: 'Bearer' },
      params: { debug: ['true'] },
      sampleLimit: 100,
      metricRelabelings: [{ action: RelabelAction.DROP, sourceLabels: ['__name__'], regex: 'probe_dns_.*' }],
      targets: ProbeTargets.staticTargets(['api.example.com:443'], {
        labels: { environment: 'prod' },
        relabelings: [{ sourceLabels: ['__param_target'], targetLabel: 'instance' }],
      }),
    });
    const obj = synthProbe(chart);
    expect(obj).toMatchSnapshot();
    expect(obj.metadata.labels).toEqual({ release: 'prometheus' });
  });

  test('ingress targets', () => {
    const chart = Testing.chart();
    new Probe(chart, 'probe', {
      metadata: { name: 'ingresses' },
      prober: { url: '[fd00::7]:9115' },
      targets: ProbeTargets.ingresses({
        selector: Selector.matchLabels({ probe: 'true' }),
        namespaceSelector: MonitorNamespaceSelector.all(),
        relabelings: [{ action: RelabelAction.KEEP, sourceLabels: ['__meta_kubernetes_ingress_scheme'], regex: 'https' }],
      }),
    });
    expect(synthProbe(chart).spec.targets).toEqual({
      ingress: {
        selector: { matchLabels: { probe: 'true' } },
        namespaceSelector: { any: true },
        relabelingConfigs: [{ action: 'keep', sourceLabels: ['__meta_kubernetes_ingress_scheme'], regex: 'https' }],
      },
    });
  });

  test.each(['blackbox', 'blackbox:9115', '10.1.2.3', '[::1]:9115', 'fd00::1', 'prober.monitoring.svc.cluster.local:80'])('accepts prober url %s', (url) => {
    const chart = Testing.chart();
    new Probe(chart, 'probe', { prober: { url }, targets: ProbeTargets.staticTargets(['x']) });
    expect(synthProbe(chart).spec.prober.url).toBe(url);
  });
});
