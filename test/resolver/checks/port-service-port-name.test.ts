import { baselineApp, messages, modify } from './fixtures';

const ID = 'PORT-SERVICE-PORT-NAME';

describe(ID, () => {
  test('a wrong port name lists the ports and suggests the likely one', () => {
    const app = modify(baselineApp(), 'ServiceMonitor', 'web', (m) => { m.spec.endpoints[0].port = 'metric'; });
    expect(messages(app, ID)).toEqual([
      '[PORT-SERVICE-PORT-NAME] ERROR ServiceMonitor apps/web spec.endpoints[0].port: "metric" is not a port name of the selected Services: '
      + 'Service apps/web has ports [http 80→http, metrics 9090→metrics]. Prometheus will drop every target of this endpoint. Fix: set port: '
      + 'metrics.',
    ]);
  });

  test('a port number instead of the port name', () => {
    const app = modify(baselineApp(), 'ServiceMonitor', 'web', (m) => { m.spec.endpoints[0].port = '9090'; });
    expect(messages(app, ID)).toEqual([
      '[PORT-SERVICE-PORT-NAME] ERROR ServiceMonitor apps/web spec.endpoints[0].port: "9090" is not a port name of the selected Services: '
      + 'Service apps/web has ports [http 80→http, metrics 9090→metrics] (port takes the Service port name, not its number). Prometheus will '
      + 'drop every target of this endpoint. Fix: set port: metrics.',
    ]);
  });

  test('an unnamed Service port (cdk8s-plus portNumber)', () => {
    const app = modify(baselineApp(), 'Service', 'web', (s) => { s.spec.ports = [{ port: 9090, targetPort: 9090 }]; });
    expect(messages(app, ID)).toEqual([
      '[PORT-SERVICE-PORT-NAME] ERROR ServiceMonitor apps/web spec.endpoints[0].port: "metrics" is not a port name of the selected Services: '
      + 'Service apps/web has ports [<unnamed> 9090]. Prometheus will drop every target of this endpoint. Fix: name the Service port "metrics" '
      + "(cdk8s-plus: ports: [{ name: 'metrics', number: 9090 }] instead of portNumber).",
    ]);
  });

  test('the container port name instead of the Service port name', () => {
    const app = modify(baselineApp(), 'Service', 'web', (s) => { s.spec.ports[1].name = 'prom'; });
    expect(messages(app, ID)).toEqual([
      '[PORT-SERVICE-PORT-NAME] ERROR ServiceMonitor apps/web spec.endpoints[0].port: "metrics" is not a port name of the selected Services: '
      + 'Service apps/web has ports [http 80→http, prom 9090→metrics] ("metrics" is the targetPort of Service apps/web port prom 9090→metrics; '
      + 'port takes the Service port name). Prometheus will drop every target of this endpoint. Fix: set port: prom, or targetPort: metrics.',
    ]);
  });
});
