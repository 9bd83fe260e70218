/**
 * PORT-SERVICE-PORT-NAME: a ServiceMonitor endpoint whose `port` is not the name of a port of any
 * Service the monitor selects. Prometheus keeps only endpoints whose port name equals it, so
 * every target is dropped. The message lists the ports that exist and spots the usual causes: a
 * number instead of a name, a container port name, an unnamed Service port (cdk8s-plus
 * `portNumber`).
 */

import { Check } from '../check';
import { CheckContext, describeObject } from '../context';
import { describeServicePort, formatList, isDigits, likelyTypo, q, servicePorts } from '../describe';
import { Finding, FindingSeverity } from '../finding';
import { monitorReach } from '../model/monitor-targets';

const ID = 'PORT-SERVICE-PORT-NAME';

/** The check. */
export const portServicePortName: Check = {
  id: ID,
  description: 'A ServiceMonitor endpoint port that is not a port name of the selected Services',
  run(ctx: CheckContext): Finding[] {
    const findings: Finding[] = [];
    for (const sm of ctx.selectable('ServiceMonitor')) {
      const services = monitorReach(ctx, sm).services;
      if (services.length === 0) continue;
      const endpoints: any[] = Array.isArray(sm.spec?.endpoints) ? sm.spec.endpoints : [];
      endpoints.forEach((ep, i) => {
        if (typeof ep?.port !== 'string' || ep.port === '') return;
        const port: string = ep.port;
        const ports = services.flatMap((s) => servicePorts(s).map((p) => ({ svc: s, p })));
        if (ports.some(({ p }) => p?.name === port)) return;
        const listing = services.map((s) => `${describeObject(s)} has ports ${formatList(servicePorts(s).map(describeServicePort))}`).join('; ');
        const named = ports.filter(({ p }) => typeof p?.name === 'string' && p.name !== '');
        const byNumber = isDigits(port) ? ports.find(({ p }) => String(p?.port) === port || String(p?.targetPort) === port) : undefined;
        const byTarget = ports.find(({ p }) => String(p?.targetPort) === port);
        const unnamed = ports.find(({ p }) => !p?.name);
        let hint = '';
        let fix: string;
        if (isDigits(port)) {
          hint = ' (port takes the Service port name, not its number)';
          fix = byNumber?.p?.name ? `set port: ${byNumber.p.name}` : 'name that Service port (e.g. "metrics") and set port to the name';
        } else if (byTarget) {
          hint = ` (${q(port)} is the targetPort of ${describeObject(byTarget.svc)} port ${describeServicePort(byTarget.p)}; port takes the Service port name)`;
          fix = byTarget.p?.name ? `set port: ${byTarget.p.name}, or targetPort: ${port}` : `name that Service port ${port} (or set targetPort: ${port} instead of port)`;
        } else if (unnamed) {
          fix = `name the Service port ${q(port)} (cdk8s-plus: ports: [{ name: '${port}', number: ${unnamed.p?.port} }] instead of portNumber)`
            + (named.length > 0 ? `, or set port to one of ${formatList(named.map(({ p }) => p.name))}` : '');
        } else if (likelyTypo(port, named.map(({ p }) => p.name as string))) {
          fix = `set port: ${likelyTypo(port, named.map(({ p }) => p.name as string))}`;
        } else {
          fix = `set port to one of ${formatList([...new Set(named.map(({ p }) => p.name as string))])}, or add a port named ${q(port)} to the Service`;
        }
        findings.push(ctx.finding(sm, {
          id: ID,
          severity: FindingSeverity.ERROR,
          field: `spec.endpoints[${i}].port`,
          problem: `${q(port)} is not a port name of the selected Services: ${listing}${hint}`,
          effect: 'Prometheus will drop every target of this endpoint',
          fix,
        }));
      });
    }
    return findings;
  },
};
