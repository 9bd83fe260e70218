import { baselineApp, messages, modify } from './fixtures';

const ID = 'WIRE-SERVICE-TARGETPORT-UNDECLARED';

describe(ID, () => {
  test('a named targetPort no container declares', () => {
    const app = modify(baselineApp(), 'Service', 'web', (s) => { s.spec.ports[1].targetPort = 'metric'; });
    expect(messages(app, ID)).toEqual([
      '[WIRE-SERVICE-TARGETPORT-UNDECLARED] ERROR Service apps/web spec.ports[1].targetPort: "metric" (port metrics 9090→metric): no container '
      + 'declares a port named "metric"; Deployment apps/web declares [http 8080, metrics 9090]. Kubernetes will publish no endpoint for '
      + 'this port, so ServiceMonitor apps/web will find no target on it. Fix: name container port 9090 "metric", or set targetPort: metrics.',
    ]);
  });

  test('numeric targetPorts are not checked against declarations', () => {
    const app = modify(baselineApp(), 'Service', 'web', (s) => { s.spec.ports[1].targetPort = 9999; });
    expect(messages(app, ID)).toEqual([]);
  });
});
