import { baselineApp, messages, podMonitor } from './fixtures';

const ID = 'PORT-POD-TARGETPORT-DEPRECATED';

describe(ID, () => {
  test('targetPort on a PodMonitor endpoint', () => {
    const pm = podMonitor('apps', 'web', { release: 'prometheus' }, { selector: { matchLabels: { app: 'web' } }, podMetricsEndpoints: [{ targetPort: 9090 }] });
    expect(messages([...baselineApp(), pm], ID)).toEqual([
      '[PORT-POD-TARGETPORT-DEPRECATED] WARN PodMonitor apps/web spec.podMetricsEndpoints[0].targetPort: deprecated since operator v0.38. With '
      + 'several containers, each container of a pod becomes a target. Fix: use portNumber: 9090.',
    ]);
  });
});
