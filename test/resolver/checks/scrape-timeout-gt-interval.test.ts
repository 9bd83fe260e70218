import { baselineApp, messages, modify, prometheus } from './fixtures';

const ID = 'SCRAPE-TIMEOUT-GT-INTERVAL';

describe(ID, () => {
  test('a timeout above the inherited default interval', () => {
    const app = modify(baselineApp(), 'ServiceMonitor', 'web', (m) => { m.spec.endpoints[0] = { port: 'metrics', scrapeTimeout: '45s' }; });
    expect(messages(app, ID)).toEqual([
      '[SCRAPE-TIMEOUT-GT-INTERVAL] ERROR ServiceMonitor apps/web spec.endpoints[0].scrapeTimeout: "45s" is greater than the effective '
      + 'interval "30s" (inherited from Prometheus monitoring/k8s spec.scrapeInterval default). The operator will reject this ServiceMonitor. '
      + 'Fix: set interval: 45s or more, or scrapeTimeout ≤ 30s.',
    ]);
    // The operator's own rejection is not reported again.
    expect(messages(app).filter((m) => m.startsWith('[OPERATOR-REJECTED]'))).toEqual([]);
  });

  test('the inherited interval differs per selecting Prometheus', () => {
    const fast = prometheus('monitoring', 'fast', {
      scrapeInterval: '10s',
      serviceMonitorSelector: {},
      serviceMonitorNamespaceSelector: {},
      storage: { volumeClaimTemplate: {} },
      serviceAccountName: 'prometheus-k8s',
    });
    const app = modify([...baselineApp(), fast], 'ServiceMonitor', 'web', (m) => { m.spec.endpoints[0] = { port: 'metrics', scrapeTimeout: '15s' }; });
    expect(messages(app, ID)).toEqual([
      '[SCRAPE-TIMEOUT-GT-INTERVAL] ERROR ServiceMonitor apps/web spec.endpoints[0].scrapeTimeout: "15s" is greater than the effective '
      + 'interval "10s" (inherited from Prometheus monitoring/fast spec.scrapeInterval). The operator will reject this ServiceMonitor. '
      + 'Fix: set interval: 15s or more, or scrapeTimeout ≤ 10s.',
    ]);
  });

  test('a timeout above the endpoint interval', () => {
    const app = modify(baselineApp(), 'ServiceMonitor', 'web', (m) => { m.spec.endpoints[0] = { port: 'metrics', interval: '15s', scrapeTimeout: '20s' }; });
    expect(messages(app, ID)).toEqual([
      '[SCRAPE-TIMEOUT-GT-INTERVAL] ERROR ServiceMonitor apps/web spec.endpoints[0].scrapeTimeout: "20s" is greater than the effective '
      + 'interval "15s" (spec.endpoints[0].interval). The operator will reject this ServiceMonitor. Fix: set interval: 20s or more, or '
      + 'scrapeTimeout ≤ 15s.',
    ]);
  });

  test('on the Prometheus itself', () => {
    const app = modify(baselineApp(), 'Prometheus', 'k8s', (p) => { p.spec.scrapeInterval = '10s'; p.spec.scrapeTimeout = '20s'; });
    expect(messages(app, ID)).toEqual([
      '[SCRAPE-TIMEOUT-GT-INTERVAL] ERROR Prometheus monitoring/k8s spec.scrapeTimeout: "20s" is greater than spec.scrapeInterval "10s". '
      + 'The operator will not generate the configuration of this Prometheus. Fix: set scrapeTimeout ≤ 10s, or raise scrapeInterval.',
    ]);
  });
});
