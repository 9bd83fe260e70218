/**
 * PORT-NAME-INVALID: port names the API server rejects — container port names and string
 * Service targetPorts must be IANA service names (at most 15 characters of a-z, 0-9 and "-",
 * at least one letter, no leading, trailing or double "-"); Service port names must be DNS-1123
 * labels; a Service with several ports must name each, uniquely.
 */

import { isDns1123Label } from '../../select/kube-names';
import { KubeObject } from '../../types';
import { Check } from '../check';
import { CheckContext } from '../context';
import { isDigits, q, servicePorts } from '../describe';
import { Finding, FindingSeverity } from '../finding';
import { podTemplateOf } from '../model/pod-templates';

const ID = 'PORT-NAME-INVALID';

/** Why `name` is not an IANA service name (IANA_SVC_NAME), or undefined. */
export function ianaServiceNameProblem(name: string): string | undefined {
  if (name.length > 15) return `is ${name.length} characters long (at most 15)`;
  if (!/^[a-z0-9-]+$/.test(name)) return 'may contain only a-z, 0-9 and "-"';
  if (!/[a-z]/.test(name)) return 'must contain at least one letter';
  if (name.startsWith('-') || name.endsWith('-') || name.includes('--')) return 'may not start or end with "-" or contain "--"';
  return undefined;
}

/** The check. */
export const portNameInvalid: Check = {
  id: ID,
  description: 'Port names Kubernetes rejects; unnamed ports on multi-port Services',
  run(ctx: CheckContext): Finding[] {
    const findings: Finding[] = [];
    const add = (obj: KubeObject, field: string, problem: string, fix: string) => findings.push(ctx.finding(obj, {
      id: ID, severity: FindingSeverity.ERROR, field, problem, effect: `The API server will reject this ${obj.kind}`, fix,
    }));
    for (const obj of ctx.objects) {
      if (!podTemplateOf(obj)) continue;
      const base = obj.kind === 'Pod' ? 'spec' : obj.kind === 'CronJob' ? 'spec.jobTemplate.spec.template.spec' : 'spec.template.spec';
      const spec = base.split('.').reduce((v: any, k) => v?.[k], obj);
      for (const list of ['containers', 'initContainers']) {
        (Array.isArray(spec?.[list]) ? spec[list] : []).forEach((c: any, ci: number) => {
          (Array.isArray(c?.ports) ? c.ports : []).forEach((p: any, pi: number) => {
            if (typeof p?.name !== 'string' || p.name === '') return;
            const problem = ianaServiceNameProblem(p.name);
            if (problem) {
              add(obj, `${base}.${list}[${ci}].ports[${pi}].name`, `${q(p.name)} ${problem} (container port names are IANA service names)`,
                'use a short name such as "metrics" (and update the Service targetPort and monitor port references)');
            }
          });
        });
      }
    }
    for (const svc of ctx.ofKind('Service')) {
      const ports = servicePorts(svc);
      const seen = new Set<string>();
      ports.forEach((p, i) => {
        const name = typeof p?.name === 'string' ? p.name : '';
        if (name === '') {
          if (ports.length > 1) add(svc, `spec.ports[${i}].name`, 'unset on a Service with several ports', 'name every port (e.g. http, metrics)');
        } else if (!isDns1123Label(name)) {
          add(svc, `spec.ports[${i}].name`, `${q(name)} is not a DNS-1123 label (at most 63 characters of a-z, 0-9 and "-")`, 'use a name such as "metrics"');
        } else if (seen.has(name)) {
          add(svc, `spec.ports[${i}].name`, `${q(name)} is used by two ports`, 'give each port its own name');
        }
        seen.add(name);
        const tp = p?.targetPort;
        if (typeof tp === 'string' && tp !== '' && !isDigits(tp)) {
          const problem = ianaServiceNameProblem(tp);
          if (problem) add(svc, `spec.ports[${i}].targetPort`, `${q(tp)} ${problem} (a named targetPort is an IANA service name)`, 'use the container port\'s (short) name or its number');
        }
      });
    }
    return findings;
  },
};
