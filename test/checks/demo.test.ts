/**
 * The acceptance test of the checks on the example: the demo with a deliberate mistake (the
 * monitor's `release` label missing, a wrong port name) fails synth with precise messages.
 */

import { ApiObject, App, Chart, JsonPatch, Testing } from 'cdk8s';
import { buildDemo } from '../../examples/demo';
import { PrometheusStack, Selector } from '../../src';
import { Checks } from '../../src/checks';

const MONITOR_PATH = 'demo/demo-go/ServiceMonitor/Resource';

/** The demo stack; a PrometheusStack selecting `release: prometheus` is added while the example has no Prometheus of its own. */
function demo(): { app: App; prometheus: string } {
  const app = Testing.app();
  buildDemo(app);
  const own = () => app.node.findAll().filter(ApiObject.isApiObject).filter((o) => o.kind === 'Prometheus');
  if (own().length === 0) {
    const chart = new Chart(app, 'monitoring');
    new PrometheusStack(chart, 'stack', { namespace: 'monitoring', prometheus: { serviceMonitorSelector: Selector.matchLabels({ release: 'prometheus' }) } });
  }
  const [p] = own();
  return { app, prometheus: `${p.metadata.namespace}/${p.name}` };
}

function monitor(app: App): ApiObject {
  return app.node.findAll().find((c) => c.node.path === MONITOR_PATH) as ApiObject;
}

let stderr: jest.SpyInstance;
beforeEach(() => {
  stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
});
afterEach(() => stderr.mockRestore());

describe('checks on the demo', () => {
  test('the demo as written has no findings', () => {
    const { app } = demo();
    expect(Checks.of(app).report()).toBe('No findings.');
    expect(() => app.synthYaml()).not.toThrow();
  });

  test('a missing release label and a wrong port name fail synth with precise messages', () => {
    const { app, prometheus } = demo();
    monitor(app).addJsonPatch(JsonPatch.remove('/metadata/labels/release'), JsonPatch.replace('/spec/endpoints/0/port', 'metric'));
    Checks.enable(app);
    expect(() => app.synthYaml()).toThrow([
      'Validation failed with the following errors:',
      `  [cdk8s-prometheus-checks] [PORT-SERVICE-PORT-NAME] ERROR ServiceMonitor monitoring/demo-go (${MONITOR_PATH}) spec.endpoints[0].port: `
      + '"metric" is not a port name of the selected Services: Service demo/demo-go has ports [metrics 8080→http]. Prometheus will drop '
      + 'every target of this endpoint. Fix: set port: metrics.',
      `  [cdk8s-prometheus-checks] [SEL-MONITOR-UNSELECTED] ERROR ServiceMonitor monitoring/demo-go (${MONITOR_PATH}) metadata.labels: no `
      + `Prometheus selects it: Prometheus ${prometheus} needs labels release=prometheus (missing). Prometheus will not scrape its targets. `
      + `Fix: add labels {release=prometheus} to the ServiceMonitor (what Prometheus ${prometheus} selects), or widen `
      + `spec.serviceMonitorSelector of Prometheus ${prometheus}.`,
    ].join('\n'));
  });

  test('the mistakes can be acknowledged on the demo chart: listed, not failing', () => {
    const { app } = demo();
    monitor(app).addJsonPatch(JsonPatch.remove('/metadata/labels/release'));
    Checks.enable(app);
    Checks.acknowledge(app.node.findChild('demo'), 'SEL-MONITOR-UNSELECTED', 'scraped by the cluster Prometheus');
    expect(() => app.synthYaml()).not.toThrow();
    expect(stderr.mock.calls.map((c) => String(c[0])).join('')).toMatch(
      /^cdk8s-prometheus checks: 0 error\(s\), 0 warning\(s\), 0 note\(s\), 1 acknowledged\n {2}\[SEL-MONITOR-UNSELECTED\] ERROR .* Acknowledged: scraped by the cluster Prometheus\.\n$/,
    );
  });
});
