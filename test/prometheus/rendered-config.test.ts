import { JsonPatch, Testing } from 'cdk8s';
import { MonitoredApp, Prometheus, RenderedConfigs, Selector } from '../../src';

/** A Prometheus scraping a MonitoredApp, and a second Prometheus selecting nothing, in one app. */
function twoPrometheuses() {
  const chart = Testing.chart();
  const k8s = new Prometheus(chart, 'k8s', { namespace: 'monitoring' });
  const other = new Prometheus(chart, 'other', { namespace: 'monitoring' });
  new MonitoredApp(chart, 'web', { namespace: 'apps', image: 'example/web:1', prometheus: k8s });
  return { chart, k8s, other };
}

describe('Prometheus.renderedConfig()', () => {
  test('the operator\'s prometheus.yaml for this Prometheus, the same as RenderedConfigs renders', () => {
    const { chart, k8s, other } = twoPrometheuses();
    const config = k8s.renderedConfig();
    expect(config).toMatchObject({
      kind: 'Prometheus',
      namespace: 'monitoring',
      name: 'k8s',
      key: 'monitoring/k8s',
      constructPath: 'test/k8s/Resource',
      secretName: 'prometheus-k8s',
      fileName: 'prometheus-config/monitoring/prometheus-k8s.yaml',
      selected: ['ServiceMonitor apps/web'],
      warnings: [],
    });
    expect(config.config.scrape_configs.map((s: any) => s.job_name)).toEqual(['serviceMonitor/apps/web/0']);
    expect(config.config.scrape_configs[0].kubernetes_sd_configs).toEqual([{ role: 'endpoints', namespaces: { names: ['apps'] } }]);
    expect(config.yaml).toBe(RenderedConfigs.of(chart).forPrometheus(k8s).yaml);
    expect(config.yaml).toContain('- job_name: serviceMonitor/apps/web/0\n');
    expect(other.renderedConfig()).toMatchObject({ key: 'monitoring/other', selected: [] });
    expect(other.renderedConfig().config.scrape_configs).toEqual([]);
  });

  test('renders the app as it is when called: objects added later are in the next rendering', () => {
    const { k8s } = twoPrometheuses();
    const before = k8s.renderedConfig();
    k8s.addPodMonitor('workers', { metadata: { name: 'workers' }, selector: Selector.matchLabels({ app: 'worker' }), podMetricsEndpoints: [{ port: 'metrics' }] });
    const after = k8s.renderedConfig();
    expect(before.selected).toEqual(['ServiceMonitor apps/web']);
    expect(after.selected).toEqual(['ServiceMonitor apps/web', 'PodMonitor monitoring/workers']);
    expect(after.config.scrape_configs.map((s: any) => s.job_name)).toEqual(['serviceMonitor/apps/web/0', 'podMonitor/monitoring/workers/0']);
  });

  test('options say how the cluster\'s operator runs (EndpointSlice discovery)', () => {
    const { k8s } = twoPrometheuses();
    k8s.resource.addJsonPatch(JsonPatch.add('/spec/serviceDiscoveryRole', 'EndpointSlice'));
    const role = (config: any) => config.config.scrape_configs[0].kubernetes_sd_configs[0].role;
    expect(role(k8s.renderedConfig())).toBe('endpoints');
    expect(role(k8s.renderedConfig({ endpointSliceSupport: true }))).toBe('endpointslice');
  });

  test('a Prometheus the operator would refuse is an error naming the construct path and the field', () => {
    const { k8s } = twoPrometheuses();
    k8s.resource.addJsonPatch(JsonPatch.replace('/spec/serviceMonitorSelector', { matchExpressions: [{ key: 'app', operator: 'Bad' }] }));
    expect(() => k8s.renderedConfig()).toThrow('cannot render the Prometheus configuration: test/k8s/Resource: Prometheus monitoring/k8s: '
      + 'selecting ServiceMonitors failed: spec.serviceMonitorSelector: "Bad" is not a valid label selector operator');
  });
});
