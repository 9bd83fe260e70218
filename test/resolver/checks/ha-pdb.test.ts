import { alertmanager, alertmanagerPdb } from './alertmanager-fixtures';
import { baselineApp, messages } from './fixtures';

const ID = 'HA-PDB';

describe(ID, () => {
  test('three Alertmanager replicas without a PodDisruptionBudget', () => {
    expect(messages([...baselineApp(), alertmanager], ID)).toEqual([
      '[HA-PDB] WARN Alertmanager monitoring/main spec.replicas: 3 replicas but no PodDisruptionBudget selects its pods. A node drain may '
      + 'evict all replicas at once. Fix: add a PodDisruptionBudget with maxUnavailable: 1 selecting {alertmanager=main}.',
    ]);
  });

  test('a PodDisruptionBudget on the operator pod labels', () => {
    expect(messages([...baselineApp(), alertmanager, alertmanagerPdb], ID)).toEqual([]);
  });

  test('a PodDisruptionBudget that blocks drains', () => {
    const blocking = { ...alertmanagerPdb, spec: { minAvailable: 3, selector: alertmanagerPdb.spec.selector } };
    expect(messages([...baselineApp(), alertmanager, blocking], ID)).toEqual([
      '[HA-PDB] WARN Alertmanager monitoring/main spec.replicas: PodDisruptionBudget monitoring/alertmanager-main sets minAvailable: 3 with 3 '
      + 'replicas, so no pod may ever be evicted. Node drains and cluster upgrades will block. Fix: set maxUnavailable: 1 on the '
      + 'PodDisruptionBudget.',
    ]);
  });
});
