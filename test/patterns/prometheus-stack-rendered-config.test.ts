import { Testing } from 'cdk8s';
import { MonitoredApp, PrometheusStack, RenderedConfigs } from '../../src';

describe('PrometheusStack.renderedConfig()', () => {
  test('the configuration of the stack\'s Prometheus: its monitors, its rules and its Alertmanager', () => {
    const chart = Testing.chart();
    const stack = new PrometheusStack(chart, 'stack', { namespace: 'monitoring' });
    new MonitoredApp(chart, 'web', { namespace: 'apps', image: 'example/web:1', prometheus: stack });
    stack.addRuleGroup('rules', { metadata: { name: 'rules' } }).addAlert({ alert: 'Down', expr: 'up == 0' });
    const config = stack.renderedConfig();
    expect(config).toMatchObject({
      key: 'monitoring/main',
      constructPath: 'test/stack/Prometheus/Resource',
      selected: ['ServiceMonitor apps/web', 'PrometheusRule monitoring/rules'],
      warnings: [],
    });
    expect(config.config.scrape_configs.map((s: any) => s.job_name)).toEqual(['serviceMonitor/apps/web/0']);
    expect(config.config.alerting.alertmanagers).toEqual([{
      kubernetes_sd_configs: [{ role: 'endpoints', namespaces: { names: ['monitoring'] } }],
      api_version: 'v2',
      relabel_configs: [
        { action: 'keep', source_labels: ['__meta_kubernetes_service_name'], regex: 'alertmanager-main' },
        { action: 'keep', source_labels: ['__meta_kubernetes_endpoint_port_name'], regex: 'web' },
      ],
    }]);
    expect(config.yaml).toBe(stack.prometheus.renderedConfig().yaml);
    expect(config.yaml).toBe(RenderedConfigs.of(chart).forPrometheus(stack).yaml);
    expect(() => Testing.synth(chart)).not.toThrow();
  });
});
