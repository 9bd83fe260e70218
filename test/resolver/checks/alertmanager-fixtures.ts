import { KubeObject } from '../../../src/resolver/types';

/** Alertmanager monitoring/main with 3 replicas and persistent storage. */
export const alertmanager: KubeObject = {
  apiVersion: 'monitoring.coreos.com/v1',
  kind: 'Alertmanager',
  metadata: { name: 'main', namespace: 'monitoring' },
  spec: { replicas: 3, storage: { volumeClaimTemplate: {} } },
};

/** Its configuration Secret, with the given alertmanager.yaml. */
export function alertmanagerSecret(yaml: string, name = 'alertmanager-main', key = 'alertmanager.yaml'): KubeObject {
  return { apiVersion: 'v1', kind: 'Secret', metadata: { name, namespace: 'monitoring' }, stringData: { [key]: yaml } };
}

/** A PodDisruptionBudget for the Alertmanager pods. */
export const alertmanagerPdb: KubeObject = {
  apiVersion: 'policy/v1',
  kind: 'PodDisruptionBudget',
  metadata: { name: 'alertmanager-main', namespace: 'monitoring' },
  spec: { maxUnavailable: 1, selector: { matchLabels: { alertmanager: 'main' } } },
};
