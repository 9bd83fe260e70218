/**
 * WIRE-JOBLABEL: a monitor's `jobLabel` (the *key* of a Service or pod label whose value becomes
 * the job) or `targetLabels`/`podTargetLabels` naming a label that none of the selected Services
 * (or pod templates) carries. The job then silently falls back to the Service name (PodMonitor:
 * namespace/name of the monitor) and the target labels are missing.
 */

import { KubeObject } from '../../types';
import { Check } from '../check';
import { CheckContext, describeObject } from '../context';
import { q } from '../describe';
import { Finding, FindingSeverity } from '../finding';
import { monitorReach } from '../model/monitor-targets';

const ID = 'WIRE-JOBLABEL';

/** The check. */
export const wireJobLabel: Check = {
  id: ID,
  description: 'A jobLabel or target label key the selected Services or pods do not carry',
  run(ctx: CheckContext): Finding[] {
    const findings: Finding[] = [];
    for (const monitor of [...ctx.selectable('ServiceMonitor'), ...ctx.selectable('PodMonitor')]) {
      const reach = monitorReach(ctx, monitor);
      const isSM = monitor.kind === 'ServiceMonitor';
      const carriers: Array<{ what: string; labels: Readonly<Record<string, string>> }> = isSM
        ? reach.services.map((s: KubeObject) => ({ what: describeObject(s), labels: s.metadata.labels ?? {} }))
        : reach.templates.map((t) => ({ what: t.description, labels: t.labels }));
      if (carriers.length === 0) continue;
      const missing = (key: string) => !carriers.some((c) => c.labels[key] !== undefined);
      const names = carriers.map((c) => c.what).join(', ');
      const jobLabel = monitor.spec?.jobLabel;
      if (typeof jobLabel === 'string' && jobLabel !== '' && missing(jobLabel)) {
        findings.push(ctx.finding(monitor, {
          id: ID,
          severity: FindingSeverity.WARN,
          field: 'spec.jobLabel',
          problem: `${q(jobLabel)} is not a label of ${names}; jobLabel is a label *key* whose value becomes the job, not the job name`,
          effect: isSM ? 'The job label falls back to the Service name' : 'The job label falls back to the PodMonitor\'s namespace/name',
          fix: `set jobLabel to a label key ${isSM ? 'the Service carries' : 'the pods carry'} (e.g. app.kubernetes.io/name), or relabel targetLabel: job`,
        }));
      }
      const listField = isSM ? 'targetLabels' : 'podTargetLabels';
      (Array.isArray(monitor.spec?.[listField]) ? monitor.spec[listField] : []).forEach((key: unknown, i: number) => {
        if (typeof key !== 'string' || !missing(key)) return;
        findings.push(ctx.finding(monitor, {
          id: ID,
          severity: FindingSeverity.WARN,
          field: `spec.${listField}[${i}]`,
          problem: `${q(key)} is not a label of ${names}`,
          effect: 'The targets get no such label',
          fix: `remove it, or label ${isSM ? 'the Service' : 'the pod template'} with it`,
        }));
      });
    }
    return findings;
  },
};
