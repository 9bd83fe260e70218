/**
 * PORT-TARGETPORT-MISUSE: a ServiceMonitor endpoint `targetPort` (a *container* port name or
 * number of the pods behind the Services) that no such pod declares — typically the Service's
 * port name or number put there. WARN when both `port` and `targetPort` are set (port wins).
 */

import { Check } from '../check';
import { CheckContext, describeObject } from '../context';
import { formatList, isDigits, q, servicePorts } from '../describe';
import { Finding, FindingSeverity } from '../finding';
import { monitorReach } from '../model/monitor-targets';
import { declaredPortsOf } from '../model/pod-templates';

const ID = 'PORT-TARGETPORT-MISUSE';

/** The check. */
export const portTargetPortMisuse: Check = {
  id: ID,
  description: 'A ServiceMonitor targetPort that no pod behind the selected Services declares',
  run(ctx: CheckContext): Finding[] {
    const findings: Finding[] = [];
    for (const sm of ctx.selectable('ServiceMonitor')) {
      const reach = monitorReach(ctx, sm);
      const endpoints: any[] = Array.isArray(sm.spec?.endpoints) ? sm.spec.endpoints : [];
      endpoints.forEach((ep, i) => {
        const tp = ep?.targetPort;
        if (tp === undefined || tp === null || tp === '') return;
        const field = `spec.endpoints[${i}].targetPort`;
        if (typeof ep.port === 'string' && ep.port !== '') {
          findings.push(ctx.finding(sm, {
            id: ID,
            severity: FindingSeverity.WARN,
            field,
            problem: `both port ${q(ep.port)} and targetPort ${q(tp)} are set`,
            effect: 'port takes precedence; targetPort is ignored',
            fix: 'remove one of them',
          }));
          return;
        }
        if (reach.templates.length === 0) return;
        const text = String(tp);
        const numeric = typeof tp === 'number' || isDigits(text);
        const ports = reach.templates.flatMap((t) => t.containers.flatMap((c) => c.ports));
        if (ports.some((p) => (numeric ? String(p.containerPort) === text : p.name === text))) return;
        const svcPort = reach.services.flatMap((s) => servicePorts(s)).find((p) => (numeric ? String(p?.port) === text : p?.name === text));
        findings.push(ctx.finding(sm, {
          id: ID,
          severity: FindingSeverity.ERROR,
          field,
          problem: `no container of the pods behind ${reach.services.map(describeObject).join(', ')} declares a port ${numeric ? text : q(text)}; `
            + reach.templates.map((t) => `${t.description} declares ${formatList(declaredPortsOf(t))}`).join('; ')
            + (svcPort ? `. ${numeric ? text : q(text)} is a Service port: targetPort refers to container ports` : ''),
          effect: 'Prometheus will drop every target of this endpoint',
          fix: svcPort?.name ? `use port: ${svcPort.name} (the Service port name) instead of targetPort` : 'set targetPort to a declared container port, or use port with a Service port name',
        }));
      });
    }
    return findings;
  },
};
