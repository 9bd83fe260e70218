/** `cdk8s-prometheus selection`: what each Prometheus picks up, rejects (with reasons) and cannot decide. */

import YAML from 'yaml';
import { describeSource, sourceOf } from '../../resolver/input';
import { resolveSelections } from '../../resolver/resolve';
import { describeNamespaceSelector, formatLabelSelector, MONITOR_KINDS, PrometheusSelection, RULE_KIND } from '../../resolver/select';
import { KubeObject, objectKey } from '../../resolver/types';
import { Command, ParsedOptions, UsageError } from '../command';
import { CliIo } from '../io';
import { FILENAME_OPTION, NO_DEFAULTS_OPTION, PROMETHEUS_OPTION, prometheusKey, readInputs, requirePrometheuses } from '../options';

const LISTS: Record<string, keyof PrometheusSelection['selected']> = {
  ServiceMonitor: 'serviceMonitors',
  PodMonitor: 'podMonitors',
  Probe: 'probes',
  ScrapeConfig: 'scrapeConfigs',
  PrometheusRule: 'rules',
};

/** The selection command. */
export const command: Command = {
  name: 'selection',
  summary: 'Show what each Prometheus selects, what the operator rejects and why, and what cannot be decided.',
  usage: 'selection -f <path>... [--prometheus <namespace>/<name>] [-o text|json|yaml]',
  options: {
    ...FILENAME_OPTION,
    ...PROMETHEUS_OPTION,
    ...NO_DEFAULTS_OPTION,
    output: { type: 'string', short: 'o', value: '<format>', description: 'text (default), json or yaml' },
  },
  run: async (options: ParsedOptions, io: CliIo) => {
    const format = String(options.output ?? 'text');
    if (!['text', 'json', 'yaml'].includes(format)) throw new UsageError(`--output takes text, json or yaml, not ${JSON.stringify(format)}`);
    const only = prometheusKey(options);
    const objects = await readInputs(options, io);
    const { selections, warnings } = resolveSelections(objects, { prometheus: only, noDefaults: options['no-defaults'] === true });
    requirePrometheuses(selections.length);
    let out: string;
    if (format === 'text') {
      out = selections.map(describeSelection).join('\n');
    } else {
      const data = selections.map(toData);
      out = format === 'json' ? `${JSON.stringify(data, null, 2)}\n` : YAML.stringify(data);
    }
    io.stdout(out);
    io.stderr(warnings.map((w) => `warning: ${w}\n`).join(''));
    return 0;
  },
};

function ref(obj: KubeObject): string {
  return objectKey(obj);
}

/** The selection as plain data, objects named `namespace/name`. */
function toData(s: PrometheusSelection) {
  return {
    kind: s.prometheus.kind,
    prometheus: ref(s.prometheus),
    source: describeSource(sourceOf(s.prometheus)),
    unmanaged: s.unmanaged,
    selected: Object.fromEntries(Object.entries(s.selected).map(([k, list]) => [k, list.map(ref)])),
    rejected: s.rejected.map((r) => ({ kind: r.object.kind, object: ref(r.object), source: describeSource(sourceOf(r.object)), reason: r.reason })),
    undecided: s.undecided.map((u) => ({ kind: u.object.kind, object: ref(u.object), reason: u.reason })),
    ruleConfigMapNames: s.ruleConfigMapNames,
  };
}

/** The selection in words, one block per Prometheus. */
function describeSelection(s: PrometheusSelection): string {
  const p = s.prometheus;
  const where = describeSource(sourceOf(p));
  const lines = [`${p.kind} ${ref(p)}${where ? ` (${where})` : ''}`];
  if (s.unmanaged) lines.push('  configuration unmanaged: no serviceMonitorSelector, podMonitorSelector, probeSelector or scrapeConfigSelector');
  const kinds = p.kind === 'PrometheusAgent' ? MONITOR_KINDS : [...MONITOR_KINDS, RULE_KIND];
  for (const k of kinds) {
    const selector = p.spec?.[k.selector];
    const scope = describeNamespaceSelector(p, k.namespaceSelector, p.spec?.[k.namespaceSelector]);
    const head = selector === undefined || selector === null
      ? `  ${k.plural}: none (${k.selector} unset)`
      : `  ${k.plural}: labels ${formatLabelSelector(selector)} in ${scope}`;
    lines.push(head);
    for (const o of s.selected[LISTS[k.kind]]) lines.push(`    selected   ${ref(o)}`);
    for (const r of s.rejected.filter((x) => x.object.kind === k.kind)) lines.push(`    rejected   ${ref(r.object)}: ${r.reason}`);
    for (const u of s.undecided.filter((x) => x.object.kind === k.kind)) lines.push(`    undecided  ${ref(u.object)}: ${u.reason}`);
  }
  if (p.kind !== 'PrometheusAgent') lines.push(`  rule ConfigMaps: ${s.ruleConfigMapNames.join(', ')}`);
  return `${lines.join('\n')}\n`;
}
