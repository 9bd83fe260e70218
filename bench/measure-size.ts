/**
 * Measures one app size in the current process: runs of plain cdk8s synth (the baseline), each
 * followed by what `RenderedConfigs.synth` does (read, resolve and synth in one synthesis
 * session), after a warm-up, each step timed and the peak resident memory of each recorded. Run
 * it in a fresh process per size so that sizes do not share a heap.
 */

import { createHash } from 'crypto';
import * as fs from 'fs';
import { App } from 'cdk8s';
import { checkResolution } from './check-resolution';
import { BenchAppSize, ExpectedSelection, generateApp } from './generate-app';
import { synthesize, synthesizeInSession } from './synthesize';
import { toPrometheusYaml } from '../src/resolver/render';
import { Resolution } from '../src/resolver/resolve';

/** How many times each phase is repeated. */
export interface Repetitions {
  /** At least this many timed runs per phase. */
  readonly min: number;
  /** At most this many timed runs per phase. */
  readonly max: number;
  /** More runs (up to `max`) only while the phase has taken less than this. */
  readonly budgetMs: number;
}

/** Times, in milliseconds, of the steps of one run: wall clock unless named CPU. */
export interface RunTimes {
  /**
   * Plain cdk8s synth, the baseline: validation, every chart's objects and the manifests YAML
   * (what `App.synthYaml()` does, outside a synthesis session: the checks and the Prometheus RBAC
   * that the library's constructs turn on read the app afresh in each validation pass).
   */
  readonly synth: number;
  /** Reading the app's objects at the start of the synthesis session (each rendered once). */
  readonly read: number;
  /** `resolve()` of the objects read: CRD defaults, selection, rendering and prometheus.yaml text of every Prometheus. */
  readonly resolve: number;
  /** The same synthesis as `synth`, within the session (its validation passes reuse the reading). */
  readonly sessionSynth: number;
  /** Synth + resolve as `RenderedConfigs.synth` does it, in memory: the whole session (read, resolve, session synth). */
  readonly total: number;
  /** CPU time (user + system) of `resolve()`, which a busy machine inflates less than wall time. */
  readonly resolveCpu: number;
  /** CPU time of the prometheus.yaml texts within `resolve()` (`toPrometheusYaml` of each configuration, timed apart). */
  readonly yamlTextCpu: number;
}

/** The figures of one size. */
export interface SizeResult {
  /** The app size. */
  readonly size: BenchAppSize;
  /** Objects synthesized. */
  readonly objects: number;
  /** Bytes of manifests YAML. */
  readonly manifestBytes: number;
  /** Bytes of prometheus.yaml, all Prometheus together. */
  readonly configBytes: number;
  /** Scrape jobs rendered, all Prometheus together. */
  readonly scrapeJobs: number;
  /** Building the constructs, in milliseconds (once). */
  readonly buildMs: number;
  /** Median time of each step over the timed runs. */
  readonly times: RunTimes;
  /** Timed runs. */
  readonly runs: number;
  /**
   * Resident memory with the app built, before the first timed run, in MiB. The memory figures
   * come from that run: V8 keeps the heap a run has grown, so later runs start from its peak.
   */
  readonly baseRssMiB: number;
  /** Peak resident memory during the first run's plain synth, in MiB. */
  readonly synthPeakRssMiB: number;
  /** Peak resident memory during the first run's synth + resolve (the session, measured apart from plain synth), in MiB. */
  readonly fullPeakRssMiB: number;
}

/** Size of the app the warm-up runs on. */
const WARM_UP_SIZE: BenchAppSize = { monitors: 100, namespaces: 50 };

/**
 * Measures `size`: builds the app once, then repeats synth + resolve on it, each run checked
 * against the generator's expectation (throws if the resolver's result is not the expected one).
 */
export function measureSize(size: BenchAppSize, reps: Repetitions): SizeResult {
  const warmUp = generateApp(WARM_UP_SIZE);
  measureRun(warmUp.app, warmUp.expected);

  const start = performance.now();
  const { app, expected } = generateApp(size);
  const buildMs = performance.now() - start;

  const runs = repeat(reps, () => measureRun(app, expected));
  const last = runs[runs.length - 1];
  const medianOf = (step: keyof RunTimes) => median(runs.map((r) => r.times[step]));
  return {
    size,
    objects: last.objects,
    manifestBytes: last.manifestBytes,
    configBytes: last.configBytes,
    scrapeJobs: last.scrapeJobs,
    buildMs,
    times: {
      synth: medianOf('synth'),
      read: medianOf('read'),
      resolve: medianOf('resolve'),
      sessionSynth: medianOf('sessionSynth'),
      total: medianOf('total'),
      resolveCpu: medianOf('resolveCpu'),
      yamlTextCpu: medianOf('yamlTextCpu'),
    },
    runs: runs.length,
    baseRssMiB: runs[0].baseRssMiB,
    synthPeakRssMiB: runs[0].synthPeakRssMiB,
    fullPeakRssMiB: runs[0].fullPeakRssMiB,
  };
}

/**
 * One run: plain synth, then synth + resolve in a synthesis session, each timed step by step with
 * its memory peak; checked (the same manifests both ways, the expected selection).
 */
function measureRun(app: App, expected: readonly ExpectedSelection[]) {
  collectGarbage();
  const baseRssMiB = resetPeakRss();
  const t0 = performance.now();
  const plainHash = hash(synthesize(app).yaml);
  const synth = performance.now() - t0;
  const synthPeakRssMiB = peakRssMiB();

  collectGarbage();
  resetPeakRss();
  const t1 = performance.now();
  const { synthesized, resolution, times } = synthesizeInSession(app);
  const total = performance.now() - t1;
  const fullPeakRssMiB = peakRssMiB();
  if (hash(synthesized.yaml) !== plainHash) throw new Error('the synthesis session wrote other manifests than plain synth');
  checkResolution(resolution, expected);
  return {
    times: {
      synth,
      read: times.read,
      resolve: times.resolve,
      sessionSynth: times.synth,
      total,
      resolveCpu: times.resolveCpu,
      yamlTextCpu: yamlTextCpuMs(resolution),
    },
    baseRssMiB,
    synthPeakRssMiB,
    fullPeakRssMiB,
    objects: synthesized.objects.length,
    manifestBytes: synthesized.yaml.length,
    configBytes: resolution.prometheuses.reduce((n, r) => n + r.yaml.length, 0),
    scrapeJobs: resolution.prometheuses.reduce((n, r) => n + (r.config.scrape_configs as unknown[]).length, 0),
  };
}

/** CPU milliseconds `toPrometheusYaml` takes over the configurations of `resolution` (the text step inside `resolve()`). */
function yamlTextCpuMs(resolution: Resolution): number {
  collectGarbage();
  const cpu = process.cpuUsage();
  resolution.prometheuses.forEach((r) => toPrometheusYaml(r.config));
  return cpuMs(process.cpuUsage(cpu));
}

function hash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function cpuMs(usage: NodeJS.CpuUsage): number {
  return (usage.user + usage.system) / 1000;
}

/** Runs `run` at least `min` and at most `max` times, stopping after `min` once `budgetMs` is spent. */
function repeat<T>(reps: Repetitions, run: () => T): T[] {
  const results: T[] = [];
  const start = performance.now();
  while (results.length < reps.max && (results.length < reps.min || performance.now() - start < reps.budgetMs)) {
    results.push(run());
  }
  return results;
}

/** Collects garbage between runs when the process runs with --expose-gc, so no run pays for the previous one's. */
function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/** Resets the process's peak resident set size (Linux: /proc/self/clear_refs) and returns the current one, in MiB. */
function resetPeakRss(): number {
  fs.writeFileSync('/proc/self/clear_refs', '5');
  return procStatusMiB('VmRSS');
}

/** The process's peak resident set size since the last reset, in MiB. */
function peakRssMiB(): number {
  return procStatusMiB('VmHWM');
}

function procStatusMiB(field: string): number {
  const match = fs.readFileSync('/proc/self/status', 'utf8').match(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm'));
  if (!match) throw new Error(`/proc/self/status has no ${field}; the benchmark measures memory on Linux only`);
  return Number(match[1]) / 1024;
}

/** The median of `values` (the mean of the middle two for an even count). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
