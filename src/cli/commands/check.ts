/**
 * `cdk8s-prometheus check`: the synth-time checks over any manifests — monitors no Prometheus
 * selects, port names a Service does not have, missing RBAC, invalid PromQL, ... — one finding
 * per line. Exit status 1 when any finding is an error, 0 otherwise, 2 for bad input.
 */

import { CHECKS, findCheck, Finding, FindingSeverity, formatFinding, runChecks } from '../../resolver/checks';
import { InputError, sourceOf } from '../../resolver/input';
import { isDns1123Label } from '../../resolver/select/kube-names';
import { Command, ParsedOptions, UsageError } from '../command';
import { CliIo } from '../io';
import { FILENAME_OPTION, readInputs } from '../options';

/** Exit status when a finding is an error. */
const EXIT_FINDINGS = 1;

/** The check command. */
export const command: Command = {
  name: 'check',
  summary: 'Find the mistakes that make prometheus-operator lose targets, rules or alerts; exit 1 on errors.',
  usage: 'check -f <path>... [--only <ID,...>] [--namespace <name>] [-o text|json]',
  options: {
    ...FILENAME_OPTION,
    only: { type: 'string', value: '<ID,...>', description: 'run only these checks (comma-separated IDs, e.g. SEL-MONITOR-UNSELECTED)' },
    namespace: { type: 'string', short: 'n', value: '<name>', description: 'namespace assumed for objects without one (default: default)' },
    output: { type: 'string', short: 'o', value: '<format>', description: 'text (default): one finding per line; json: the findings as a list' },
  },
  details: [
    'Each finding is one line: [ID] SEVERITY Kind namespace/name (file:line) field: problem. effect. Fix: fix.',
    'ERROR: the operator, the API server or Prometheus will reject the object, or it will certainly',
    'produce nothing. WARN: likely wrong, or cannot be verified from the input (a referenced object is',
    'not in it). INFO: a silent default. A summary goes to stderr.',
    '',
    `Checks: ${CHECKS.map((c) => c.id).join(', ')}, OPERATOR-REJECTED.`,
  ].join('\n'),
  run: async (options: ParsedOptions, io: CliIo) => {
    const format = String(options.output ?? 'text');
    if (!['text', 'json'].includes(format)) throw new UsageError(`--output takes text or json, not ${JSON.stringify(format)}`);
    const only = parseOnly(options.only as string | undefined);
    const namespace = options.namespace as string | undefined;
    if (namespace !== undefined && !isDns1123Label(namespace)) {
      throw new UsageError(`--namespace takes a namespace name (lowercase letters, digits and "-"), not ${JSON.stringify(namespace)}`);
    }
    const objects = await readInputs(options, io);
    if (objects.length === 0) throw new InputError('no Kubernetes objects in the input');
    const findings = runChecks(objects, { sources: objects.map(sourceOf), only, defaultNamespace: namespace });
    io.stdout(format === 'json' ? `${JSON.stringify(findings.map(toJson), null, 2)}\n` : findings.map((f) => `${formatFinding(f)}\n`).join(''));
    io.stderr(`${summary(findings)}\n`);
    return findings.some((f) => f.severity === FindingSeverity.ERROR) ? EXIT_FINDINGS : 0;
  },
};

function parseOnly(text: string | undefined): string[] | undefined {
  if (text === undefined) return undefined;
  const ids = text.split(',').map((s) => s.trim()).filter((s) => s !== '');
  const unknown = ids.filter((id) => !findCheck(id) && id !== 'OPERATOR-REJECTED');
  if (ids.length === 0 || unknown.length > 0) {
    throw new UsageError(`--only takes check IDs, unknown: ${JSON.stringify(unknown.join(',') || text)} (see check --help for the IDs)`);
  }
  return ids;
}

function summary(findings: readonly Finding[]): string {
  if (findings.length === 0) return 'No findings.';
  const count = (s: FindingSeverity) => findings.filter((f) => f.severity === s).length;
  return `${count(FindingSeverity.ERROR)} error(s), ${count(FindingSeverity.WARN)} warning(s), ${count(FindingSeverity.INFO)} note(s)`;
}

function toJson(f: Finding): Record<string, unknown> {
  return {
    id: f.id,
    severity: f.severity,
    kind: f.kind,
    namespace: f.namespace,
    name: f.name,
    source: f.source,
    field: f.field,
    problem: f.problem,
    effect: f.effect,
    fix: f.fix,
    message: formatFinding(f),
  };
}
