/**
 * `cdk8s-prometheus targets`: what each Prometheus will scrape. Resolves every Prometheus in the
 * manifests, simulates Kubernetes service discovery over the app's objects (the Pods its
 * workloads will create, the Endpoints and EndpointSlices of its Services) and lists per scrape
 * pool the targets with their final labels, as Prometheus's /api/v1/targets would, and the
 * targets relabeling drops.
 */

import { InputError } from '../../resolver/input';
import { resolve } from '../../resolver/resolve';
import { DroppedTarget, PreviewTarget, previewResolution, ResolutionPreview } from '../../resolver/targets';
import { Command, ParsedOptions, UsageError } from '../command';
import { CliIo } from '../io';
import {
  FILENAME_OPTION, NO_DEFAULTS_OPTION, OPERATOR_OPTIONS, operatorOptions, PROMETHEUS_OPTION, prometheusKey, readInputs, requirePrometheuses,
} from '../options';

/** The targets command. */
export const command: Command = {
  name: 'targets',
  summary: 'List the targets each Prometheus will scrape, with their final labels, and the dropped ones.',
  usage: 'targets -f <path>... [--prometheus <namespace>/<name>] [-o table|json] [options]',
  options: {
    ...FILENAME_OPTION,
    ...PROMETHEUS_OPTION,
    output: { type: 'string', short: 'o', value: '<format>', description: 'table (default) or json: {"targets": [...], "dropped": [...]}' },
    ...NO_DEFAULTS_OPTION,
    ...OPERATOR_OPTIONS,
  },
  details: [
    'Simulates Prometheus 2.53\'s Kubernetes service discovery over the input: the Pods that',
    'Deployments, StatefulSets, DaemonSets, ReplicaSets and Jobs will create (placeholder names and',
    'addresses, running and ready), the Endpoints and EndpointSlices of the Services; Pods, Endpoints,',
    'EndpointSlices and Nodes in the input are used as they are. Then applies relabel_configs as',
    'Prometheus does. Labels are those /api/v1/targets shows; a sharded Prometheus lists each shard\'s',
    'targets. Warnings (rejected monitors, discovery that is not simulated) go to stderr.',
  ].join('\n'),
  run: async (options: ParsedOptions, io: CliIo) => {
    const format = String(options.output ?? 'table');
    if (!['table', 'json'].includes(format)) throw new UsageError(`--output takes table or json, not ${JSON.stringify(format)}`);
    const only = prometheusKey(options);
    const flags = operatorOptions(options);
    const objects = await readInputs(options, io);
    const resolution = resolve(objects, { ...flags, prometheus: only, noDefaults: options['no-defaults'] === true });
    requirePrometheuses(resolution.prometheuses.length);
    let preview: ResolutionPreview;
    try {
      preview = previewResolution(resolution, objects);
    } catch (e) {
      throw new InputError((e as Error).message);
    }
    const warnings = [
      ...resolution.warnings,
      ...resolution.prometheuses.flatMap((r) => r.warnings.map((w) => `${r.kind} ${r.key}: ${w}`)),
      ...preview.warnings,
    ];
    io.stdout(format === 'json' ? formatJson(preview) : formatTable(preview));
    io.stderr(warnings.map((w) => `warning: ${w}\n`).join(''));
    return 0;
  },
};

/** `{"targets": [...], "dropped": [...]}`, indented, with a final newline. */
function formatJson(preview: ResolutionPreview): string {
  return `${JSON.stringify({ targets: preview.targets, dropped: preview.dropped }, null, 2)}\n`;
}

/** One row per target (Prometheus, scrape pool, shard when sharded, URL, labels), then a summary of the dropped ones. */
function formatTable(preview: ResolutionPreview): string {
  const sharded = preview.targets.some((t) => t.shard !== undefined) || preview.dropped.some((d) => d.shard !== undefined);
  const header = ['PROMETHEUS', 'SCRAPE POOL', ...(sharded ? ['SHARD'] : []), 'URL', 'LABELS'];
  const rows = preview.targets.map((t: PreviewTarget) => [
    t.prometheus, t.scrapePool, ...(sharded ? [String(t.shard ?? 0)] : []), t.scrapeUrl, formatLabels(t.labels),
  ]);
  const lines = rows.length > 0 ? alignColumns([header, ...rows]) : ['No targets.'];
  const relabeled = preview.dropped.filter((d) => d.kind === 'relabeling');
  if (relabeled.length > 0) {
    lines.push('', `Dropped by relabeling: ${relabeled.length} (-o json lists their discovered labels)`);
    for (const [pool, reasons] of groupCounts(relabeled)) {
      lines.push(`  ${pool}: ${reasons}`);
    }
  }
  const rejected = preview.dropped.filter((d) => d.kind === 'error');
  if (rejected.length > 0) {
    lines.push('', `Rejected by Prometheus: ${rejected.length}`);
    for (const d of rejected) {
      lines.push(`  ${d.prometheus} ${d.scrapePool}${d.shard !== undefined ? ` shard ${d.shard}` : ''}: ${d.discoveredLabels.__address__ ?? '(no address)'}: ${d.reason}`);
    }
  }
  lines.push('', 'Names and addresses of Pods that are not in the input are placeholders.');
  return `${lines.join('\n')}\n`;
}

/** Prometheus's label notation: `a="x", b="y"`. */
function formatLabels(labels: Readonly<Record<string, string>>): string {
  return Object.entries(labels).map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(', ');
}

/** `prometheus scrapePool` → `4 by relabel_configs[3] (action keep), 2 by ...`. */
function groupCounts(dropped: readonly DroppedTarget[]): Map<string, string> {
  const byPool = new Map<string, Map<string, number>>();
  for (const d of dropped) {
    const pool = `${d.prometheus} ${d.scrapePool}${d.shard !== undefined ? ` (shard ${d.shard})` : ''}`;
    const reasons = byPool.get(pool) ?? new Map<string, number>();
    const reason = d.reason.replace(/ dropped it$/, '');
    reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
    byPool.set(pool, reasons);
  }
  return new Map([...byPool].map(([pool, reasons]) => [pool, [...reasons].map(([r, n]) => `${n} by ${r}`).join(', ')]));
}

function alignColumns(rows: string[][]): string[] {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return rows.map((r) => r.map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i]))).join('  ').trimEnd());
}
