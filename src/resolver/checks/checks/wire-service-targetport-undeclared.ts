/**
 * WIRE-SERVICE-TARGETPORT-UNDECLARED: a Service port whose `targetPort` is a name that no
 * container of the pods behind the Service declares. The endpoints controller then publishes no
 * endpoint for that port, silently.
 */

import { Check } from '../check';
import { CheckContext, describeObject } from '../context';
import { describeServicePort, formatList, isDigits, q, servicePorts } from '../describe';
import { Finding, FindingSeverity } from '../finding';
import { monitorsOfService, serviceTemplates } from '../model/monitor-targets';
import { declaredPortsOf } from '../model/pod-templates';

const ID = 'WIRE-SERVICE-TARGETPORT-UNDECLARED';

/** The check. */
export const wireServiceTargetPortUndeclared: Check = {
  id: ID,
  description: 'A Service targetPort name no container of its pods declares',
  run(ctx: CheckContext): Finding[] {
    const findings: Finding[] = [];
    for (const svc of ctx.ofKind('Service')) {
      if (svc.apiVersion !== 'v1') continue;
      const templates = serviceTemplates(ctx, svc);
      if (templates.length === 0) continue;
      servicePorts(svc).forEach((port, i) => {
        const tp = port?.targetPort;
        if (typeof tp !== 'string' || tp === '' || isDigits(tp)) return;
        if (templates.some((t) => t.containers.some((c) => c.ports.some((p) => p.name === tp)))) return;
        const numbered = templates.flatMap((t) => t.containers.flatMap((c) => c.ports)).find((p) => p.containerPort === port?.port);
        const monitors = monitorsOfService(ctx, svc);
        findings.push(ctx.finding(svc, {
          id: ID,
          severity: FindingSeverity.ERROR,
          field: `spec.ports[${i}].targetPort`,
          problem: `${q(tp)} (port ${describeServicePort(port)}): no container declares a port named ${q(tp)}; `
            + templates.map((t) => `${t.description} declares ${formatList(declaredPortsOf(t))}`).join('; '),
          effect: 'Kubernetes will publish no endpoint for this port'
            + (monitors.length > 0 ? `, so ${monitors.map(describeObject).join(', ')} will find no target on it` : ''),
          fix: numbered
            ? `name container port ${numbered.containerPort} ${q(tp)}, or set targetPort: ${numbered.name ?? numbered.containerPort}`
            : `name the container port ${q(tp)}, or set targetPort to a declared port name or number`,
        }));
      });
    }
    return findings;
  },
};
