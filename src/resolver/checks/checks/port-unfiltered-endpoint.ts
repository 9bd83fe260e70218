/**
 * PORT-UNFILTERED-ENDPOINT: a monitor endpoint with no port filter (no port, targetPort or
 * portNumber) while the selected Services (or pods) have several ports, or the pods declare
 * none: every port becomes a target, admin and gRPC ports included.
 */

import { Check } from '../check';
import { CheckContext, describeObject } from '../context';
import { describeServicePort, formatList, servicePorts } from '../describe';
import { Finding, FindingSeverity } from '../finding';
import { monitorReach } from '../model/monitor-targets';
import { declaredPortsOf } from '../model/pod-templates';

const ID = 'PORT-UNFILTERED-ENDPOINT';

/** The check. */
export const portUnfilteredEndpoint: Check = {
  id: ID,
  description: 'A monitor endpoint without a port, so every port becomes a target',
  run(ctx: CheckContext): Finding[] {
    const findings: Finding[] = [];
    const empty = (v: unknown) => v === undefined || v === null || v === '';
    for (const sm of ctx.selectable('ServiceMonitor')) {
      const services = monitorReach(ctx, sm).services;
      const ports = services.flatMap((s) => servicePorts(s).map((p) => `${describeServicePort(p)} (${describeObject(s)})`));
      (Array.isArray(sm.spec?.endpoints) ? sm.spec.endpoints : []).forEach((ep: any, i: number) => {
        if (!empty(ep?.port) || !empty(ep?.targetPort) || ports.length <= 1) return;
        findings.push(ctx.finding(sm, {
          id: ID,
          severity: FindingSeverity.WARN,
          field: `spec.endpoints[${i}]`,
          problem: `no port or targetPort, so all ${ports.length} ports of the selected Services become targets: ${formatList(ports)}`,
          effect: 'Non-metrics ports are scraped too and show as down',
          fix: 'set port to the name of the metrics port',
        }));
      });
    }
    for (const pm of ctx.selectable('PodMonitor')) {
      const templates = monitorReach(ctx, pm).templates;
      if (templates.length === 0) continue;
      const ports = [...new Set(templates.flatMap(declaredPortsOf))];
      (Array.isArray(pm.spec?.podMetricsEndpoints) ? pm.spec.podMetricsEndpoints : []).forEach((ep: any, i: number) => {
        if (!empty(ep?.port) || !empty(ep?.portNumber) || !empty(ep?.targetPort) || ports.length === 1) return;
        findings.push(ctx.finding(pm, {
          id: ID,
          severity: FindingSeverity.WARN,
          field: `spec.podMetricsEndpoints[${i}]`,
          problem: ports.length === 0
            ? 'no port, and the selected pods declare no ports, so each pod is scraped on its bare IP (port 80)'
            : `no port or portNumber, so all ${ports.length} declared ports become targets: ${formatList(ports)}`,
          effect: 'Non-metrics ports are scraped too and show as down',
          fix: 'set port to the name of the metrics container port',
        }));
      });
    }
    return findings;
  },
};
