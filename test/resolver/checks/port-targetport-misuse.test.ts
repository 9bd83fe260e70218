import { baselineApp, messages, modify } from './fixtures';

const ID = 'PORT-TARGETPORT-MISUSE';

describe(ID, () => {
  test('a targetPort no pod declares', () => {
    const app = modify(baselineApp(), 'ServiceMonitor', 'web', (m) => { m.spec.endpoints[0] = { targetPort: 'http-metrics' }; });
    expect(messages(app, ID)).toEqual([
      '[PORT-TARGETPORT-MISUSE] ERROR ServiceMonitor apps/web spec.endpoints[0].targetPort: no container of the pods behind Service apps/web '
      + 'declares a port "http-metrics"; Deployment apps/web declares [http 8080, metrics 9090]. Prometheus will drop every target of this '
      + 'endpoint. Fix: set targetPort to a declared container port, or use port with a Service port name.',
    ]);
  });

  test('the Service port number used as targetPort', () => {
    const app = modify(baselineApp(), 'ServiceMonitor', 'web', (m) => { m.spec.endpoints[0] = { targetPort: 80 }; });
    expect(messages(app, ID)).toEqual([
      '[PORT-TARGETPORT-MISUSE] ERROR ServiceMonitor apps/web spec.endpoints[0].targetPort: no container of the pods behind Service apps/web '
      + 'declares a port 80; Deployment apps/web declares [http 8080, metrics 9090]. 80 is a Service port: targetPort refers to container '
      + 'ports. Prometheus will drop every target of this endpoint. Fix: use port: http (the Service port name) instead of targetPort.',
    ]);
  });

  test('port and targetPort both set', () => {
    const app = modify(baselineApp(), 'ServiceMonitor', 'web', (m) => { m.spec.endpoints[0].targetPort = 9090; });
    expect(messages(app, ID)).toEqual([
      '[PORT-TARGETPORT-MISUSE] WARN ServiceMonitor apps/web spec.endpoints[0].targetPort: both port "metrics" and targetPort "9090" are set. '
      + 'port takes precedence; targetPort is ignored. Fix: remove one of them.',
    ]);
  });
});
