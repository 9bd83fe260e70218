/**
 * WIRE-SERVICE-NO-PODS: a Service whose spec.selector matches no pod template in its namespace,
 * so it gets no endpoints. ERROR when a ServiceMonitor selects the Service and the namespace has
 * workloads in the app; WARN when nothing monitors it, or when the namespace has no workloads in
 * the app (they may be deployed by something else). A monitored ExternalName Service is an
 * ERROR, a monitored Service without a selector a WARN (only hand-made Endpoints feed it).
 */

import { KubeObject } from '../../types';
import { Check } from '../check';
import { CheckContext, describeObject } from '../context';
import { formatLabels } from '../describe';
import { Finding, FindingSeverity } from '../finding';
import { monitorsOfService, serviceTemplates } from '../model/monitor-targets';
import { failingRequirements } from '../model/selection';

const ID = 'WIRE-SERVICE-NO-PODS';

/** The check. */
export const wireServiceNoPods: Check = {
  id: ID,
  description: 'A Service whose selector matches no pod template',
  run(ctx: CheckContext): Finding[] {
    const findings: Finding[] = [];
    for (const svc of ctx.ofKind('Service')) {
      if (svc.apiVersion !== 'v1') continue;
      const monitors = monitorsOfService(ctx, svc);
      const monitoredBy = monitors.length > 0 ? `${monitors.map(describeObject).join(', ')} will have no targets from it` : undefined;
      const selector = svc.spec?.selector;
      if (svc.spec?.type === 'ExternalName') {
        if (monitoredBy) {
          findings.push(ctx.finding(svc, {
            id: ID,
            severity: FindingSeverity.ERROR,
            field: 'spec.type',
            problem: 'ExternalName Services have no endpoints',
            effect: `${monitoredBy}`,
            fix: 'monitor the Service that fronts the pods, or scrape the external host with a Probe or ScrapeConfig',
          }));
        }
        continue;
      }
      if (!selector || typeof selector !== 'object' || Object.keys(selector).length === 0) {
        if (monitoredBy && !hasManualEndpoints(ctx, svc)) {
          findings.push(ctx.finding(svc, {
            id: ID,
            severity: FindingSeverity.WARN,
            field: 'spec.selector',
            problem: 'unset: targets come only from Endpoints or EndpointSlices managed by hand, and the app defines none',
            effect: `If none exist in the cluster, ${monitoredBy}`,
            fix: 'set spec.selector to the pod labels, or define the Endpoints/EndpointSlices',
          }));
        }
        continue;
      }
      if (serviceTemplates(ctx, svc).length > 0) continue;
      const ns = svc.metadata.namespace ?? '';
      const templates = ctx.podTemplates(ns);
      const matchLabels: Record<string, string> = {};
      for (const [k, v] of Object.entries(selector)) matchLabels[k] = String(v);
      if (templates.length === 0) {
        if (!monitoredBy) continue;
        findings.push(ctx.finding(svc, {
          id: ID,
          severity: FindingSeverity.WARN,
          field: 'spec.selector',
          problem: `cannot verify ${formatLabels(matchLabels)}: the app defines no workload in namespace ${ns}`,
          effect: `If no pods there carry these labels, ${monitoredBy}`,
          fix: 'include the workloads in the checked objects, or acknowledge this finding',
        }));
        continue;
      }
      let closest = templates[0];
      let fewest = Infinity;
      for (const t of templates) {
        const n = failingRequirements({ matchLabels }, t.labels).problems.length;
        if (n < fewest) {
          closest = t;
          fewest = n;
        }
      }
      const misses = failingRequirements({ matchLabels }, closest.labels).problems;
      findings.push(ctx.finding(svc, {
        id: ID,
        severity: monitoredBy ? FindingSeverity.ERROR : FindingSeverity.WARN,
        field: 'spec.selector',
        problem: `${formatLabels(matchLabels)} matches no pod template in namespace ${ns}. Closest: ${closest.description} `
          + `with pod labels ${formatLabels(closest.labels)} fails ${misses.join(', ')}`,
        effect: monitoredBy ? `The Service gets no endpoints, so ${monitoredBy}` : 'The Service gets no endpoints',
        fix: `set spec.selector to labels of the pod template (e.g. ${formatLabels(pick(closest.labels, Object.keys(matchLabels)))}), `
          + 'or add the selector labels to the pod template',
      }));
    }
    return findings;
  },
};

function hasManualEndpoints(ctx: CheckContext, svc: KubeObject): boolean {
  const ns = svc.metadata.namespace ?? '';
  const name = svc.metadata.name ?? '';
  return ctx.find('Endpoints', ns, name) !== undefined
    || ctx.ofKind('EndpointSlice').some((s) => s.metadata.namespace === ns && s.metadata.labels?.['kubernetes.io/service-name'] === name);
}

function pick(labels: Readonly<Record<string, string>>, preferred: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of preferred) if (labels[k] !== undefined) out[k] = labels[k];
  if (Object.keys(out).length > 0) return out;
  const [first] = Object.entries(labels);
  return first ? { [first[0]]: first[1] } : {};
}
