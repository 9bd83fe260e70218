import { baselineApp, messages, modify } from './fixtures';

const ID = 'PORT-UNFILTERED-ENDPOINT';

describe(ID, () => {
  test('an endpoint without port on a two-port Service', () => {
    const app = modify(baselineApp(), 'ServiceMonitor', 'web', (m) => { m.spec.endpoints[0] = { path: '/metrics' }; });
    expect(messages(app, ID)).toEqual([
      '[PORT-UNFILTERED-ENDPOINT] WARN ServiceMonitor apps/web spec.endpoints[0]: no port or targetPort, so all 2 ports of the selected '
      + 'Services become targets: [http 80→http (Service apps/web), metrics 9090→metrics (Service apps/web)]. Non-metrics ports are scraped '
      + 'too and show as down. Fix: set port to the name of the metrics port.',
    ]);
  });
});
