import { baselineApp, messages, modify } from './fixtures';

const ID = 'SCRAPE-PATH';

describe(ID, () => {
  test('query string, URL and missing slash', () => {
    const app = modify(baselineApp(), 'ServiceMonitor', 'web', (m) => {
      m.spec.endpoints = [
        { port: 'metrics', path: '/metrics?format=prometheus' },
        { port: 'metrics', path: 'http://x/metrics' },
        { port: 'metrics', path: 'metrics' },
      ];
    });
    expect(messages(app, ID)).toEqual([
      '[SCRAPE-PATH] ERROR ServiceMonitor apps/web spec.endpoints[0].path: "/metrics?format=prometheus" contains a query string. Prometheus '
      + 'URL-escapes it into the path ("/metrics%3Fformat=prometheus"): the scrape fails. Fix: set path: /metrics and params: {format: [prometheus]}.',
      '[SCRAPE-PATH] ERROR ServiceMonitor apps/web spec.endpoints[1].path: "http://x/metrics" is a URL; path takes only the path part. '
      + 'Prometheus requests it as a path on the target ("/http://x/metrics"): the scrape fails. Fix: set path to the path only (e.g. /metrics), '
      + 'and the scheme in scheme.',
      '[SCRAPE-PATH] INFO ServiceMonitor apps/web spec.endpoints[2].path: "metrics" has no leading "/". Prometheus adds it, so this works. '
      + 'Fix: write /metrics for clarity.',
    ]);
  });
});
