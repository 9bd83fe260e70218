import { baselineApp, messages, modify, podMonitor } from './fixtures';

const ID = 'WIRE-NO-MATCHING-TARGET-OBJECT';

describe(ID, () => {
  test('a ServiceMonitor selector that matches no Service names the closest one', () => {
    const app = modify(baselineApp(), 'ServiceMonitor', 'web', (m) => { m.spec.selector.matchLabels.app = 'web-svc'; });
    expect(messages(app, ID)).toEqual([
      '[WIRE-NO-MATCHING-TARGET-OBJECT] ERROR ServiceMonitor apps/web spec.selector: {app=web-svc} matches no Service in namespace apps. '
      + 'Closest: Service apps/web with labels {app=web} fails app=web-svc (has app=web). Prometheus will discover no targets. Fix: set '
      + 'spec.selector to labels Service apps/web carries, or add {app=web-svc} to its metadata.labels (a ServiceMonitor matches Service '
      + 'labels, not pod labels).',
    ]);
  });

  test('a ServiceMonitor selecting pod labels the Service does not carry', () => {
    const app = modify(baselineApp(), 'Service', 'web', (s) => { s.metadata.labels = { 'app.kubernetes.io/name': 'web' }; });
    expect(messages(app, ID)).toEqual([
      '[WIRE-NO-MATCHING-TARGET-OBJECT] ERROR ServiceMonitor apps/web spec.selector: {app=web} matches no Service in namespace apps. '
      + 'Closest: Service apps/web with labels {app.kubernetes.io/name=web} fails app=web (missing). Prometheus will discover no targets. '
      + 'Fix: set spec.selector to labels Service apps/web carries, or add {app=web} to its metadata.labels (a ServiceMonitor matches '
      + 'Service labels, not pod labels).',
    ]);
  });

  test('a PodMonitor in a namespace without workloads in the app: WARN', () => {
    const pm = podMonitor('other', 'x', { release: 'prometheus' }, { selector: { matchLabels: { app: 'x' } }, podMetricsEndpoints: [{ port: 'metrics' }] });
    expect(messages([...baselineApp(), pm], ID)).toEqual([
      '[WIRE-NO-MATCHING-TARGET-OBJECT] WARN PodMonitor other/x spec.selector: cannot verify {app=x}: the app defines no pod template in '
      + 'namespace other. If no pod template there carries these labels, Prometheus will discover no targets. Fix: include the workloads '
      + 'in the checked objects, or acknowledge this finding.',
    ]);
  });

  test('a PodMonitor matching a Deployment pod template has no finding', () => {
    const pm = podMonitor('apps', 'web', { release: 'prometheus' }, { selector: { matchLabels: { app: 'web' } }, podMetricsEndpoints: [{ port: 'metrics' }] });
    expect(messages([...baselineApp(), pm], ID)).toEqual([]);
  });

  test('the operator-created prometheus-operated Service can be monitored', () => {
    const app = modify(baselineApp(), 'ServiceMonitor', 'web', (m) => {
      m.metadata.namespace = 'monitoring';
      m.spec = { selector: { matchLabels: { 'operated-prometheus': 'true' } }, endpoints: [{ port: 'web' }] };
    });
    expect(messages(app).filter((m) => m.includes('ServiceMonitor monitoring/web'))).toEqual([]);
  });
});
