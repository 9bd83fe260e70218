/**
 * AM-CONFIG-INVALID: an Alertmanager configuration Alertmanager refuses — a route to a receiver
 * that is not defined (the classic `"null"` receiver), duplicate receiver names, a root route
 * without a receiver, unknown time intervals — in any Secret key `alertmanager.yaml`; and an
 * AlertmanagerConfig whose routes name receivers it does not define (the operator rejects it).
 */

import { Check } from '../check';
import { CheckContext } from '../context';
import { Finding, FindingSeverity } from '../finding';
import { validateAlertmanagerYaml } from '../model/alertmanager-config';

const ID = 'AM-CONFIG-INVALID';
const KEY = 'alertmanager.yaml';

/** The check. */
export const amConfigInvalid: Check = {
  id: ID,
  description: 'An Alertmanager configuration with undefined or duplicate receivers',
  run(ctx: CheckContext): Finding[] {
    const findings: Finding[] = [];
    for (const secret of ctx.ofKind('Secret')) {
      const text = ctx.index.secret(secret.metadata.namespace ?? '', secret.metadata.name ?? '')?.get(KEY);
      if (text === undefined) continue;
      for (const problem of validateAlertmanagerYaml(text)) {
        findings.push(ctx.finding(secret, {
          id: ID,
          severity: FindingSeverity.ERROR,
          field: KEY,
          problem: `${problem.path ? `${problem.path} ` : ''}${problem.message}`,
          effect: 'Alertmanager will refuse this configuration (it does not start, or keeps its previous configuration)',
          fix: problem.message.includes('is not defined (receivers')
            ? 'add the receiver to receivers (e.g. receivers: [{name: "null"}]) or route to an existing one'
            : 'correct the configuration (amtool check-config validates it)',
        }));
      }
    }
    for (const amc of ctx.ofKind('AlertmanagerConfig')) {
      const defined = new Set((Array.isArray(amc.spec?.receivers) ? amc.spec.receivers : []).map((r: any) => String(r?.name ?? '')));
      const visit = (route: any, path: string) => {
        if (!route || typeof route !== 'object') return;
        if (typeof route.receiver === 'string' && route.receiver !== '' && !defined.has(route.receiver)) {
          findings.push(ctx.finding(amc, {
            id: ID,
            severity: FindingSeverity.ERROR,
            field: `${path}.receiver`,
            problem: `${JSON.stringify(route.receiver)} is not one of spec.receivers [${[...defined].join(', ')}]`,
            effect: 'The operator will reject this AlertmanagerConfig',
            fix: 'define the receiver in spec.receivers (receivers of the global configuration cannot be referenced)',
          }));
        }
        (Array.isArray(route.routes) ? route.routes : []).forEach((child: any, i: number) => visit(child, `${path}.routes[${i}]`));
      };
      visit(amc.spec?.route, 'spec.route');
    }
    return findings;
  },
};
