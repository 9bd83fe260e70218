/**
 * The benchmark's printed report: a time table, a memory and growth table, and the goals
 * (5,000 monitors resolved in at most 1 s; time growing close to linearly with the monitors).
 */

import { SizeResult } from './measure-size';

/** The resolve time goal: this many monitors resolved in at most `ms` milliseconds. */
export const RESOLVE_GOAL = { monitors: 5000, ms: 1000 };
/** Growth of time per monitor between two sizes still called close to linear. */
export const LINEAR_TOLERANCE = 1.5;

/** The report's lines. */
export function formatReport(results: readonly SizeResult[]): string[] {
  return [
    'Time (ms, median of the runs; wall clock unless cpu).',
    'synth: plain cdk8s synth, the baseline: app.synth() as cdk8s runs it (validation once for the app and once per chart,',
    'chart.toJson() of every chart, manifests YAML; the same text as App.synthYaml()). The library\'s constructs in the app',
    'turn on the synth-time checks and the Prometheus RBAC, so every validation pass runs them, reading the app afresh.',
    'synth+resolve: what RenderedConfigs.synth(app) does, in memory, in one synthesis session: read (the app\'s objects,',
    'each rendered once), resolve (resolve() of them: CRD defaults, selection, rendering and prometheus.yaml text of the',
    '3 Prometheus), session synth (the same synthesis as synth, same manifests, its validation passes reusing the reading).',
    'ratio: synth+resolve / synth. yaml text: the toPrometheusYaml part of resolve.',
    ...table(
      ['monitors', 'objects', 'scrape jobs', 'runs', 'build', 'synth', 'read', 'resolve', 'session synth', 'synth+resolve', 'ratio', 'resolve cpu', 'yaml text cpu'],
      results.map((r) => [
        count(r.size.monitors), count(r.objects), count(r.scrapeJobs), String(r.runs),
        ms(r.buildMs), ms(r.times.synth), ms(r.times.read), ms(r.times.resolve), ms(r.times.sessionSynth), ms(r.times.total),
        `${(r.times.total / r.times.synth).toFixed(2)}x`, ms(r.times.resolveCpu), ms(r.times.yamlTextCpu),
      ]),
    ),
    '',
    'Memory (MiB, resident set of a fresh process per size, first timed run: before it with the app built, peak',
    'during plain synth, peak during synth+resolve measured apart) and growth (time per monitor; cpu time includes',
    'V8\'s helper threads; growth: resolve cpu time per monitor relative to the previous size, 1.00 = linear):',
    ...table(
      ['monitors', 'rss base', 'peak synth', 'peak synth+resolve', 'manifests MB', 'prometheus.yaml MB',
        'synth/monitor', 'session synth/monitor', 'resolve/monitor', 'resolve cpu/monitor', 'growth'],
      results.map((r, i) => [
        count(r.size.monitors), mib(r.baseRssMiB), mib(r.synthPeakRssMiB), mib(r.fullPeakRssMiB),
        mb(r.manifestBytes), mb(r.configBytes), perMonitor(r.times.synth, r), perMonitor(r.times.sessionSynth, r),
        perMonitor(r.times.resolve, r), perMonitor(r.times.resolveCpu, r), i === 0 ? '-' : `${growth(results[i - 1], r).toFixed(2)}x`,
      ]),
    ),
    '',
    ...goals(results),
  ];
}

/** Resolve CPU time per monitor of `b` relative to `a`'s; 1 is exactly linear. */
export function growth(a: SizeResult, b: SizeResult): number {
  return (b.times.resolveCpu / b.size.monitors) / (a.times.resolveCpu / a.size.monitors);
}

function goals(results: readonly SizeResult[]): string[] {
  const lines: string[] = [];
  const goalSize = results.find((r) => r.size.monitors === RESOLVE_GOAL.monitors);
  if (goalSize) {
    lines.push(`Goal: ${count(RESOLVE_GOAL.monitors)} monitors resolved in at most ${RESOLVE_GOAL.ms} ms: ${ms(goalSize.times.resolve)} ms ` +
      `wall, ${ms(goalSize.times.resolveCpu)} ms cpu (of which yaml text ${ms(goalSize.times.yamlTextCpu)} ms cpu): ` +
      `${goalSize.times.resolve <= RESOLVE_GOAL.ms ? 'met' : 'NOT met'}`);
  }
  if (results.length > 1) {
    const worst = Math.max(...results.slice(1).map((r, i) => growth(results[i], r)));
    lines.push(`Goal: close to linear growth (resolve cpu time per monitor at most ${LINEAR_TOLERANCE}x the previous size's): ` +
      `worst ${worst.toFixed(2)}x: ${worst <= LINEAR_TOLERANCE ? 'met' : 'NOT met'}`);
  }
  return lines;
}

function table(header: string[], rows: string[][]): string[] {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
  const line = (cells: string[]) => cells.map((cell, c) => cell.padStart(widths[c])).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)];
}

function count(n: number): string {
  return n.toLocaleString('en-US');
}

function ms(value: number): string {
  return value >= 100 ? value.toFixed(0) : value.toFixed(1);
}

function mib(value: number): string {
  return value.toFixed(0);
}

function mb(bytes: number): string {
  return (bytes / 1e6).toFixed(1);
}

function perMonitor(totalMs: number, r: SizeResult): string {
  return `${((totalMs * 1000) / r.size.monitors).toFixed(0)} us`;
}
