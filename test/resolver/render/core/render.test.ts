import { parse } from 'yaml';
import { agent, monitor, prometheus, secret } from './helpers';
import { renderPrometheusConfig, toPrometheusYaml } from '../../../../src/resolver/render';
import { promtoolCheckConfig } from '../../../support/prometheus-tools';

const SM = monitor('ServiceMonitor', 'web', { selector: { matchLabels: { app: 'web' } }, endpoints: [{ port: 'http' }, { port: 'admin', path: '/m' }] });
const PM = monitor('PodMonitor', 'pods', { selector: {}, podMetricsEndpoints: [{ port: 'metrics' }] });
const PROBE = monitor('Probe', 'blackbox', {
  prober: { url: 'blackbox:9115' }, module: 'http_2xx', targets: { staticConfig: { static: ['https://example.com'] } },
});

describe('renderPrometheusConfig', () => {
  test('a Prometheus server: sections and job keys in the operator order', () => {
    const { config, warnings } = renderPrometheusConfig({ prometheus: prometheus({ ruleSelector: {} }), serviceMonitors: [SM], ruleConfigMapNames: ['prometheus-test-rulefiles-0'] });
    expect(Object.keys(config)).toEqual(['global', 'rule_files', 'scrape_configs', 'storage']);
    expect(config.global).toEqual({
      scrape_interval: '30s',
      external_labels: { prometheus: 'default/test', prometheus_replica: '$(POD_NAME)' },
      evaluation_interval: '30s',
    });
    expect(config.rule_files).toEqual(['/etc/prometheus/rules/prometheus-test-rulefiles-0/*.yaml']);
    const jobs = config.scrape_configs as any[];
    expect(jobs.map((j) => j.job_name)).toEqual(['serviceMonitor/default/web/0', 'serviceMonitor/default/web/1']);
    expect(Object.keys(jobs[1])).toEqual(['job_name', 'honor_labels', 'kubernetes_sd_configs', 'metrics_path', 'relabel_configs']);
    expect(warnings).toEqual([]);
  });

  test('no rule_files without a rule selector', () => {
    const { config } = renderPrometheusConfig({ prometheus: prometheus(), ruleConfigMapNames: ['x'] });
    expect(config.rule_files).toBeUndefined();
  });

  test('jobs are ordered by kind, then by namespace/name', () => {
    const a = monitor('ServiceMonitor', 'b', { selector: {}, endpoints: [{ port: 'x' }] }, 'ns-a');
    const b = monitor('ServiceMonitor', 'a', { selector: {}, endpoints: [{ port: 'x' }] }, 'ns-b');
    const { config } = renderPrometheusConfig({
      prometheus: prometheus(), serviceMonitors: [b, a], podMonitors: [PM], probes: [PROBE],
    });
    expect((config.scrape_configs as any[]).map((j) => j.job_name)).toEqual([
      'serviceMonitor/ns-a/b/0', 'serviceMonitor/ns-b/a/0', 'podMonitor/default/pods/0', 'probe/default/blackbox',
    ]);
  });

  test('an agent in DaemonSet mode scrapes pod monitors and additional configs only', () => {
    const { config } = renderPrometheusConfig({
      prometheus: agent({ mode: 'DaemonSet', additionalScrapeConfigs: { name: 'extra', key: 'jobs.yaml' } }),
      serviceMonitors: [SM],
      podMonitors: [PM],
      probes: [PROBE],
      objects: [secret('extra', { 'jobs.yaml': '- job_name: extra\n  static_configs: [{targets: [a:1]}]\n' })],
      options: { featureGates: ['PrometheusAgentDaemonSet'] },
    });
    expect((config.scrape_configs as any[]).map((j) => j.job_name)).toEqual(['podMonitor/default/pods/0', 'extra']);
    expect((config.global as any).evaluation_interval).toBeUndefined();
    const pmJob = (config.scrape_configs as any[])[0];
    expect(pmJob.kubernetes_sd_configs[0].selectors).toEqual([{ role: 'pod', field: 'spec.nodeName=$(NODE_NAME)' }]);
    expect(pmJob.relabel_configs.some((r: any) => r.action === 'hashmod')).toBe(false);
  });

  test('additional scrape configs get sharding rules, relabel_configs moved last', () => {
    const jobs = '- job_name: a\n  relabel_configs: [{source_labels: [x], target_label: y}]\n  static_configs: [{targets: [h:1]}]\n';
    const { config } = renderPrometheusConfig({
      prometheus: prometheus({ shards: 2, additionalScrapeConfigs: { name: 'extra', key: 'k' } }),
      objects: [secret('extra', { k: jobs })],
    });
    const job = (config.scrape_configs as any[])[0];
    expect(Object.keys(job)).toEqual(['job_name', 'static_configs', 'relabel_configs']);
    expect(job.relabel_configs).toHaveLength(4);
    expect(job.relabel_configs[2]).toEqual({ source_labels: ['__tmp_hash'], target_label: '__tmp_hash', modulus: 2, action: 'hashmod' });
  });

  test('errors name the object and field', () => {
    expect(() => renderPrometheusConfig({ prometheus: prometheus({ scrapeTimeout: '1m' }) }))
      .toThrow('Prometheus default/test spec.scrapeTimeout: scrapeTimeout "1m" greater than scrapeInterval "30s"');
    expect(() => renderPrometheusConfig({ prometheus: prometheus({ additionalScrapeConfigs: { name: 'extra', key: 'k' } }) }))
      .toThrow('Prometheus default/test spec.additionalScrapeConfigs: secret default/extra not found');
    expect(() => renderPrometheusConfig({
      prometheus: prometheus({ additionalScrapeConfigs: { name: 'extra', key: 'k' } }),
      objects: [secret('extra', { k: 'job_name: not-a-list' })],
    })).toThrow('spec.additionalScrapeConfigs: unmarshalling additional scrape configs failed: expected a YAML list of scrape job maps');
    expect(() => renderPrometheusConfig({ prometheus: { ...SM } })).toThrow('expected a Prometheus or PrometheusAgent, got kind ServiceMonitor');
  });

  test('an optional additional scrape configs reference may be missing', () => {
    const { config } = renderPrometheusConfig({
      prometheus: prometheus({ additionalScrapeConfigs: { name: 'extra', key: 'k', optional: true } }),
    });
    expect(config.scrape_configs).toEqual([]);
  });
});

describe('toPrometheusYaml', () => {
  test('keeps key order and does not indent sequences, as the operator writes', () => {
    const text = toPrometheusYaml({ global: { scrape_interval: '30s' }, scrape_configs: [{ job_name: 'a', x: ['$(SHARD);|.+;.+'] }] });
    expect(text).toBe('global:\n  scrape_interval: 30s\nscrape_configs:\n- job_name: a\n  x:\n  - $(SHARD);|.+;.+\n');
  });

  test('repeats shared values instead of writing YAML anchors', () => {
    const shared = ['a', 'b'];
    expect(toPrometheusYaml({ p: shared, q: shared })).toBe('p:\n- a\n- b\nq:\n- a\n- b\n');
  });

  test('round-trips values YAML 1.1 would read differently', () => {
    const config = { a: { on: 'yes', n: '0755', e: '', t: '${1}' } };
    expect(parse(toPrometheusYaml(config), { version: '1.1' })).toEqual(config);
  });
});

describe('promtool accepts the rendered configuration', () => {
  test('every monitor kind, sharding and the scrape config service discoveries (Prometheus 2.53)', () => {
    const scrapeConfig = monitor('ScrapeConfig', 'sd', {
      staticConfigs: [{ targets: ['a:1'], labels: { env: 'prod' } }],
      fileSDConfigs: [{ files: ['/etc/sd/*.json'], refreshInterval: '5m' }],
      httpSDConfigs: [{ url: 'http://sd.example/targets', refreshInterval: '1m' }],
      kubernetesSDConfigs: [{ role: 'Node', selectors: [{ role: 'Node', label: 'a=b' }] }],
      dnsSDConfigs: [{ names: ['_http._tcp.example.com'], type: 'SRV' }],
      relabelings: [{ sourceLabels: ['__address__'], targetLabel: 'addr' }],
    });
    const ingressProbe = monitor('Probe', 'ingress', {
      prober: { url: 'blackbox:9115', path: '/probe' },
      targets: { ingress: { selector: { matchLabels: { probe: 'yes' } }, namespaceSelector: { any: true } } },
    });
    const { config } = renderPrometheusConfig({
      prometheus: prometheus({
        version: 'v2.53.0',
        shards: 3,
        enforcedNamespaceLabel: 'namespace',
        scrapeTimeout: '10s',
        externalLabels: { cluster: 'c1' },
        enforcedSampleLimit: 1000,
      }),
      serviceMonitors: [SM],
      podMonitors: [PM],
      probes: [PROBE, ingressProbe],
      scrapeConfigs: [scrapeConfig],
    });
    const result = promtoolCheckConfig(toPrometheusYaml(config));
    expect(result.output).toContain('SUCCESS');
    expect(result.status).toBe(0);
  });
});
