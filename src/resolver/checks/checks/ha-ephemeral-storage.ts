/**
 * HA-EPHEMERAL-STORAGE: a Prometheus, Alertmanager or ThanosRuler without persistent storage
 * (no spec.storage, or spec.storage.emptyDir): data lives on an emptyDir and is lost whenever a
 * pod is recreated. A WARN to acknowledge when ephemeral data is intended.
 */

import { Check } from '../check';
import { CheckContext } from '../context';
import { Finding, FindingSeverity } from '../finding';

const ID = 'HA-EPHEMERAL-STORAGE';
const LOST: Record<string, string> = {
  Prometheus: 'metrics',
  Alertmanager: 'silences and the notification log',
  ThanosRuler: 'rule evaluation results not yet uploaded',
};

/** The check. */
export const haEphemeralStorage: Check = {
  id: ID,
  description: 'Prometheus, Alertmanager or ThanosRuler storing data on emptyDir',
  run(ctx: CheckContext): Finding[] {
    const findings: Finding[] = [];
    for (const kind of Object.keys(LOST)) {
      for (const obj of ctx.ofKind(kind)) {
        const storage = obj.spec?.storage;
        if (storage?.volumeClaimTemplate || storage?.ephemeral) continue;
        const retention = kind === 'Prometheus' ? ` (retention ${obj.spec?.retention ?? '24h'} cannot outlive a restart)` : '';
        findings.push(ctx.finding(obj, {
          id: ID,
          severity: FindingSeverity.WARN,
          field: storage?.emptyDir ? 'spec.storage.emptyDir' : 'spec.storage',
          problem: storage?.emptyDir ? `emptyDir storage${retention}` : `unset, so data lives on an emptyDir volume${retention}`,
          effect: `${LOST[kind].charAt(0).toUpperCase()}${LOST[kind].slice(1)} are lost whenever a pod is recreated`,
          fix: 'set spec.storage.volumeClaimTemplate, or acknowledge this finding if ephemeral data is intended',
        }));
      }
    }
    return findings;
  },
};
