/**
 * HA-PDB: a Prometheus, Alertmanager or ThanosRuler with more than one replica and no
 * PodDisruptionBudget selecting its pods (a node drain may evict them all at once); and a PDB
 * that allows no disruption at all (minAvailable ≥ replicas, or maxUnavailable 0), which blocks
 * node drains.
 */

import { compileLabelSelector } from '../../select/label-selector';
import { KubeObject } from '../../types';
import { Check } from '../check';
import { CheckContext, describeObject } from '../context';
import { Finding, FindingSeverity } from '../finding';
import { operatedPodTemplate } from '../model/operator-objects';

const ID = 'HA-PDB';
const KINDS = ['Prometheus', 'Alertmanager', 'ThanosRuler'];

/** The check. */
export const haPdb: Check = {
  id: ID,
  description: 'Replicas without a PodDisruptionBudget, or a PodDisruptionBudget that blocks drains',
  run(ctx: CheckContext): Finding[] {
    const findings: Finding[] = [];
    for (const obj of KINDS.flatMap((k) => ctx.ofKind(k))) {
      const template = operatedPodTemplate(obj);
      if (!template) continue;
      const replicas = typeof obj.spec?.replicas === 'number' ? obj.spec.replicas : 1;
      const pdbs = ctx.ofKind('PodDisruptionBudget').filter((pdb) => pdb.metadata.namespace === template.namespace && selects(pdb, template.labels));
      if (pdbs.length === 0) {
        if (replicas <= 1) continue;
        findings.push(ctx.finding(obj, {
          id: ID,
          severity: FindingSeverity.WARN,
          field: 'spec.replicas',
          problem: `${replicas} replicas but no PodDisruptionBudget selects its pods`,
          effect: 'A node drain may evict all replicas at once',
          fix: `add a PodDisruptionBudget with maxUnavailable: 1 selecting {${kindLabel(obj)}}`,
        }));
        continue;
      }
      for (const pdb of pdbs) {
        const blocking = blocks(pdb, replicas);
        if (!blocking) continue;
        findings.push(ctx.finding(obj, {
          id: ID,
          severity: FindingSeverity.WARN,
          field: 'spec.replicas',
          problem: `${describeObject(pdb)} sets ${blocking} with ${replicas} replica${replicas === 1 ? '' : 's'}, so no pod may ever be evicted`,
          effect: 'Node drains and cluster upgrades will block',
          fix: replicas > 1 ? 'set maxUnavailable: 1 on the PodDisruptionBudget' : 'remove the PodDisruptionBudget, or run at least 2 replicas',
        }));
      }
    }
    return findings;
  },
};

function selects(pdb: KubeObject, labels: Readonly<Record<string, string>>): boolean {
  try {
    return compileLabelSelector(pdb.spec?.selector ?? null).matches(labels);
  } catch {
    return false;
  }
}

function blocks(pdb: KubeObject, replicas: number): string | undefined {
  const min = pdb.spec?.minAvailable;
  const max = pdb.spec?.maxUnavailable;
  if (typeof min === 'number' && min >= replicas) return `minAvailable: ${min}`;
  if (min === '100%') return 'minAvailable: 100%';
  if (max === 0 || max === '0%') return `maxUnavailable: ${max}`;
  return undefined;
}

function kindLabel(obj: KubeObject): string {
  const key = obj.kind === 'Prometheus' ? 'prometheus' : obj.kind === 'Alertmanager' ? 'alertmanager' : 'thanos-ruler';
  return `${key}=${obj.metadata.name}`;
}
