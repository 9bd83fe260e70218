import { baselineApp, messages, modify, service } from './fixtures';

const ID = 'WIRE-SERVICE-NO-PODS';

describe(ID, () => {
  test('a monitored Service whose selector matches no pod template', () => {
    const app = modify(baselineApp(), 'Service', 'web', (s) => { s.spec.selector = { name: 'web' }; });
    expect(messages(app, ID)).toEqual([
      '[WIRE-SERVICE-NO-PODS] ERROR Service apps/web spec.selector: {name=web} matches no pod template in namespace apps. Closest: '
      + 'Deployment apps/web with pod labels {app=web} fails name=web (missing). The Service gets no endpoints, so ServiceMonitor apps/web '
      + 'will have no targets from it. Fix: set spec.selector to labels of the pod template (e.g. {app=web}), or add the selector labels to '
      + 'the pod template.',
    ]);
  });

  test('an unmonitored Service is a WARN', () => {
    const extra = service('apps', 'admin', { app: 'admin' }, { app: 'admin' }, [{ name: 'http', port: 80 }]);
    expect(messages([...baselineApp(), extra], ID)).toEqual([
      '[WIRE-SERVICE-NO-PODS] WARN Service apps/admin spec.selector: {app=admin} matches no pod template in namespace apps. Closest: '
      + 'Deployment apps/web with pod labels {app=web} fails app=admin (has app=web). The Service gets no endpoints. Fix: set spec.selector '
      + 'to labels of the pod template (e.g. {app=web}), or add the selector labels to the pod template.',
    ]);
  });

  test('a monitored ExternalName Service', () => {
    const app = modify(baselineApp(), 'Service', 'web', (s) => { s.spec = { type: 'ExternalName', externalName: 'web.example.com', ports: s.spec.ports }; });
    expect(messages(app, ID)).toEqual([
      '[WIRE-SERVICE-NO-PODS] ERROR Service apps/web spec.type: ExternalName Services have no endpoints. ServiceMonitor apps/web will have '
      + 'no targets from it. Fix: monitor the Service that fronts the pods, or scrape the external host with a Probe or ScrapeConfig.',
    ]);
  });

  test('a monitored Service without selector and without Endpoints', () => {
    const app = modify(baselineApp(), 'Service', 'web', (s) => { delete s.spec.selector; });
    expect(messages(app, ID)).toEqual([
      '[WIRE-SERVICE-NO-PODS] WARN Service apps/web spec.selector: unset: targets come only from Endpoints or EndpointSlices managed by hand, '
      + 'and the app defines none. If none exist in the cluster, ServiceMonitor apps/web will have no targets from it. Fix: set spec.selector '
      + 'to the pod labels, or define the Endpoints/EndpointSlices.',
    ]);
  });

  test('a Service selecting the pods the operator creates for a Prometheus', () => {
    const svc = service('monitoring', 'prometheus', {}, { prometheus: 'k8s' }, [{ name: 'web', port: 9090, targetPort: 'web' }]);
    expect(messages([...baselineApp(), svc], ID)).toEqual([]);
    expect(messages([...baselineApp(), svc], 'WIRE-SERVICE-TARGETPORT-UNDECLARED')).toEqual([]);
  });
});
