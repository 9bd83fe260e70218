/**
 * AM-ALERTING-ENDPOINT: a Prometheus `spec.alerting.alertmanagers[]` entry that does not lead to
 * Alertmanager pods: the Service is not in the app (often the Alertmanager's name is used instead
 * of its Service's, e.g. `alertmanager-operated`), the port is not one of the Service's port
 * names (or, given as a number, not a declared container port), or the Service selects no pods.
 * WARN when the namespace has nothing in the app to verify against.
 */

import { Check } from '../check';
import { CheckContext, describeObject } from '../context';
import { describeServicePort, formatList, isDigits, likelyTypo, q, servicePorts } from '../describe';
import { Finding, FindingSeverity } from '../finding';
import { serviceTemplates } from '../model/monitor-targets';

const ID = 'AM-ALERTING-ENDPOINT';
const EFFECT = 'Prometheus will discover no Alertmanager and send no alerts';

/** The check. */
export const amAlertingEndpoint: Check = {
  id: ID,
  description: 'Prometheus alerting pointing at an Alertmanager Service or port that does not exist',
  run(ctx: CheckContext): Finding[] {
    const findings: Finding[] = [];
    for (const p of ctx.prometheuses()) {
      const entries: any[] = Array.isArray(p.spec?.alerting?.alertmanagers) ? p.spec.alerting.alertmanagers : [];
      entries.forEach((am, i) => {
        const field = `spec.alerting.alertmanagers[${i}]`;
        const ns = typeof am?.namespace === 'string' && am.namespace !== '' ? am.namespace : p.metadata.namespace ?? '';
        const name = String(am?.name ?? '');
        const services = ctx.services(ns);
        const svc = services.find((s) => s.metadata.name === name);
        if (!svc) {
          const crNamed = ctx.ofKind('Alertmanager').find((a) => a.metadata.namespace === ns && a.metadata.name === name);
          const known = ctx.namespaceKnown(ns);
          const names = services.map((s) => s.metadata.name ?? '');
          findings.push(ctx.finding(p, {
            id: ID,
            severity: known ? FindingSeverity.ERROR : FindingSeverity.WARN,
            field: `${field}.name`,
            problem: known
              ? `Service ${ns}/${name} is not in the app (Services in ${ns}: ${formatList(names)})`
                + (crNamed ? `; ${q(name)} is the name of the Alertmanager, not of a Service` : '')
              : `cannot verify: namespace ${ns} has no objects in the app, so Service ${ns}/${name} cannot be checked`,
            effect: known ? EFFECT : `If Service ${ns}/${name} does not exist, ${EFFECT}`,
            fix: crNamed || names.includes('alertmanager-operated')
              ? 'set name: alertmanager-operated (the Service the operator creates) or the name of your Alertmanager Service'
              : likelyTypo(name, names) ? `set name: ${likelyTypo(name, names)}` : 'set name to the Service in front of the Alertmanager pods',
          }));
          return;
        }
        const templates = serviceTemplates(ctx, svc);
        const port = am?.port;
        if (typeof port === 'string' && port !== '' && !servicePorts(svc).some((sp) => sp?.name === port)) {
          const named = servicePorts(svc).filter((sp) => sp?.name);
          const byNumber = isDigits(port) ? named.find((sp) => String(sp.port) === port) : undefined;
          findings.push(ctx.finding(p, {
            id: ID,
            severity: FindingSeverity.ERROR,
            field: `${field}.port`,
            problem: `${q(port)} is not a port name of ${describeObject(svc)} (ports: ${formatList(servicePorts(svc).map(describeServicePort))})`,
            effect: EFFECT,
            fix: byNumber ? `set port: ${byNumber.name} (the port name, not its number)`
              : `set port to one of ${formatList(named.map((sp) => String(sp.name)))}`,
          }));
        } else if (typeof port === 'number' && templates.length > 0
          && !templates.some((t) => t.containers.some((c) => c.ports.some((cp) => cp.containerPort === port)))) {
          findings.push(ctx.finding(p, {
            id: ID,
            severity: FindingSeverity.ERROR,
            field: `${field}.port`,
            problem: `no pod behind ${describeObject(svc)} declares containerPort ${port}`,
            effect: EFFECT,
            fix: 'set port to the name of the Service port (e.g. web)',
          }));
        }
        const selector = svc.spec?.selector;
        if (templates.length === 0 && selector && Object.keys(selector).length > 0 && ctx.podTemplates(ns).length > 0) {
          findings.push(ctx.finding(p, {
            id: ID,
            severity: FindingSeverity.ERROR,
            field: `${field}.name`,
            problem: `${describeObject(svc)} selects no pods in namespace ${ns}`,
            effect: EFFECT,
            fix: 'point at the Service whose selector matches the Alertmanager pods (alertmanager-operated)',
          }));
        }
      });
    }
    return findings;
  },
};
