import { baselineApp, messages, modify } from './fixtures';

const ID = 'OPERATOR-REJECTED';

describe(ID, () => {
  test('a rejection no other check explains is reported in the operator\'s words', () => {
    const app = modify(baselineApp(), 'ServiceMonitor', 'web', (m) => {
      m.spec.endpoints[0].relabelings = [{ action: 'hashmod', sourceLabels: ['a'], targetLabel: 'b' }];
    });
    expect(messages(app, ID)).toEqual([
      '[OPERATOR-REJECTED] ERROR ServiceMonitor apps/web: Prometheus monitoring/k8s selects it but the operator rejects it: endpoints[0]: '
      + 'relabelConfigs: [0]: relabel configuration for hashmod requires non-zero modulus. It is left out of the configuration (Event '
      + 'InvalidConfiguration on the ServiceMonitor). Fix: correct the field the message names.',
    ]);
  });
});
