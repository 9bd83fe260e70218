import { baselineApp, messages, modify } from './fixtures';

const ID = 'SCRAPE-DUPLICATE-JOB';

const secret = {
  apiVersion: 'v1',
  kind: 'Secret',
  metadata: { name: 'extra', namespace: 'monitoring' },
  stringData: {
    'prometheus-additional.yaml': [
      '- job_name: node',
      '  static_configs: [{targets: ["a:9100"]}]',
      '- job_name: serviceMonitor/apps/web/0',
      '  static_configs: [{targets: ["b:1"]}]',
      '- job_name: node',
      '  static_configs: [{targets: ["c:9100"]}]',
    ].join('\n'),
  },
};

describe(ID, () => {
  test('duplicates within additionalScrapeConfigs and with a generated job', () => {
    const app = [...modify(baselineApp(), 'Prometheus', 'k8s', (p) => {
      p.spec.additionalScrapeConfigs = { name: 'extra', key: 'prometheus-additional.yaml' };
    }), secret];
    expect(messages(app, ID)).toEqual([
      '[SCRAPE-DUPLICATE-JOB] ERROR Prometheus monitoring/k8s spec.additionalScrapeConfigs: job_name "node" appears 2 times in the '
      + 'configuration (additionalScrapeConfigs item 0, additionalScrapeConfigs item 2). Prometheus will refuse to load the configuration. '
      + 'Fix: rename the job in the additionalScrapeConfigs Secret.',
      '[SCRAPE-DUPLICATE-JOB] ERROR Prometheus monitoring/k8s spec.additionalScrapeConfigs: job_name "serviceMonitor/apps/web/0" appears 2 '
      + 'times in the configuration (a generated job, additionalScrapeConfigs item 1). Prometheus will refuse to load the configuration. '
      + 'Fix: rename the job in the additionalScrapeConfigs Secret.',
    ]);
  });

  test('generated jobs alone are unique', () => {
    expect(messages(baselineApp(), ID)).toEqual([]);
  });
});
