/**
 * PORT-POD-PORT-UNDECLARED: a PodMetricsEndpoint whose `port` (a container port name; the
 * operator matches it as an anchored regex), `portNumber` or deprecated `targetPort` no
 * container of the selected pod templates declares. Prometheus keeps only declared ports, so
 * every target is dropped.
 */

import { RelabelRegexp } from '../../relabel/regexp';
import { Check } from '../check';
import { CheckContext } from '../context';
import { formatList, isDigits, likelyTypo, q } from '../describe';
import { Finding, FindingSeverity } from '../finding';
import { monitorReach } from '../model/monitor-targets';
import { declaredPortsOf, DeclaredPort, PodTemplate } from '../model/pod-templates';

const ID = 'PORT-POD-PORT-UNDECLARED';

/** The check. */
export const portPodPortUndeclared: Check = {
  id: ID,
  description: 'A PodMonitor port no container of the selected pods declares',
  run(ctx: CheckContext): Finding[] {
    const findings: Finding[] = [];
    for (const pm of ctx.selectable('PodMonitor')) {
      const templates = monitorReach(ctx, pm).templates;
      if (templates.length === 0) continue;
      const endpoints: any[] = Array.isArray(pm.spec?.podMetricsEndpoints) ? pm.spec.podMetricsEndpoints : [];
      endpoints.forEach((ep, i) => {
        const problem = undeclared(ep, templates);
        if (!problem) return;
        findings.push(ctx.finding(pm, {
          id: ID,
          severity: FindingSeverity.ERROR,
          field: `spec.podMetricsEndpoints[${i}].${problem.field}`,
          problem: `${problem.text}; ${templates.map((t) => `${t.description} declares ${formatList(declaredPortsOf(t))}`).join('; ')}`,
          effect: 'Prometheus will drop every target of this endpoint (ports a sidecar injector adds at admission time are not visible here)',
          fix: problem.fix,
        }));
      });
    }
    return findings;
  },
};

interface Undeclared {
  readonly field: string;
  readonly text: string;
  readonly fix: string;
}

function undeclared(ep: any, templates: readonly PodTemplate[]): Undeclared | undefined {
  const ports: DeclaredPort[] = templates.flatMap((t) => t.containers.flatMap((c) => c.ports));
  if (typeof ep?.port === 'string' && ep.port !== '') {
    const name: string = ep.port;
    if (ports.some((p) => p.name !== undefined && nameMatches(name, p.name))) return undefined;
    if (isDigits(name)) {
      const same = ports.find((p) => String(p.containerPort) === name);
      return {
        field: 'port',
        text: `${q(name)} is not a declared container port name (port takes a name, and port names must contain a letter)`,
        fix: same?.name ? `set port: ${same.name}` : `name container port ${name} (e.g. "metrics") and set port to that name, or use portNumber: ${name}`,
      };
    }
    const typo = likelyTypo(name, names(ports));
    return {
      field: 'port',
      text: `no container declares a port named ${q(name)}`,
      fix: typo ? `set port: ${typo}` : `name the container port ${q(name)}, or set port to one of ${formatList(names(ports))}`,
    };
  }
  if (typeof ep?.portNumber === 'number') {
    if (ports.some((p) => p.containerPort === ep.portNumber)) return undefined;
    return {
      field: 'portNumber',
      text: `no container declares containerPort ${ep.portNumber}`,
      fix: `declare containerPort ${ep.portNumber} on the container, or set portNumber to a declared port`,
    };
  }
  if (ep?.targetPort !== undefined && ep.targetPort !== null && ep.targetPort !== '') {
    const tp = String(ep.targetPort);
    const ok = typeof ep.targetPort === 'number' || isDigits(tp)
      ? ports.some((p) => String(p.containerPort) === tp)
      : ports.some((p) => p.name === tp);
    if (ok) return undefined;
    return {
      field: 'targetPort',
      text: `no container declares a port ${typeof ep.targetPort === 'number' ? tp : q(tp)}`,
      fix: 'set port to a declared container port name (targetPort is deprecated)',
    };
  }
  return undefined;
}

function nameMatches(pattern: string, name: string): boolean {
  try {
    return new RelabelRegexp(pattern).matches(name);
  } catch {
    return pattern === name;
  }
}

function names(ports: readonly DeclaredPort[]): string[] {
  return [...new Set(ports.map((p) => p.name).filter((n): n is string => n !== undefined))];
}
