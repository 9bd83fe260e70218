import { alertmanager } from './alertmanager-fixtures';
import { baselineApp, messages, modify } from './fixtures';

const ID = 'HA-EPHEMERAL-STORAGE';

describe(ID, () => {
  test('a Prometheus without storage', () => {
    const app = modify(baselineApp(), 'Prometheus', 'k8s', (p) => { delete p.spec.storage; p.spec.retention = '15d'; });
    expect(messages(app, ID)).toEqual([
      '[HA-EPHEMERAL-STORAGE] WARN Prometheus monitoring/k8s spec.storage: unset, so data lives on an emptyDir volume (retention 15d cannot '
      + 'outlive a restart). Metrics are lost whenever a pod is recreated. Fix: set spec.storage.volumeClaimTemplate, or acknowledge this '
      + 'finding if ephemeral data is intended.',
    ]);
  });

  test('an Alertmanager on an explicit emptyDir', () => {
    const am = { ...alertmanager, spec: { ...alertmanager.spec, storage: { emptyDir: { medium: 'Memory' } } } };
    expect(messages([...baselineApp(), am], ID)).toEqual([
      '[HA-EPHEMERAL-STORAGE] WARN Alertmanager monitoring/main spec.storage.emptyDir: emptyDir storage. Silences and the notification log are '
      + 'lost whenever a pod is recreated. Fix: set spec.storage.volumeClaimTemplate, or acknowledge this finding if ephemeral data is intended.',
    ]);
  });
});
