import { baselineApp, messages, modify } from './fixtures';

const ID = 'VERSION-IGNORED-FIELD';

describe(ID, () => {
  test('a reserved external label name', () => {
    const app = modify(baselineApp(), 'Prometheus', 'k8s', (p) => { p.spec.externalLabels = { prometheus: 'x', cluster: 'eu' }; });
    expect(messages(app, ID)).toEqual([
      '[VERSION-IGNORED-FIELD] WARN Prometheus monitoring/k8s: the operator will log: ignoring external label "prometheus" because it is a '
      + 'reserved key. The setting has no effect. Fix: remove or rename the setting.',
    ]);
  });
});
