// `npm run demo`: synthesizes the example stack into dist/ and prints what it wrote, the rendered
// Prometheus configuration and the findings of the synth-time checks.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App } from 'cdk8s';
import { DemoAppChart } from './demo-app';
import { formatDemoFailure, formatDemoReport } from './demo-report';
import { DemoMistake, findMistake } from './mistakes';
import { MonitoringChart } from './monitoring-stack';
import { summarizeManifests, WrittenFile } from './summary';
import { MonitorKind, PrometheusOperatorCrds } from '../src';
import { CheckFinding, Checks, FindingSeverity } from '../src/checks';
import { RenderedConfig, RenderedConfigs } from '../src/synth';

/** Where `npm run demo` writes the manifests. */
export const DEMO_OUTDIR = 'dist';
/** The PodMonitor variant's file, relative to the output directory (kubectl apply -f dist/ does not read subfolders). */
export const POD_MONITOR_VARIANT_FILE = 'variants/demo-podmonitor.k8s.yaml';

/** The charts of the demo stack; each becomes one file, in this order. */
export interface DemoCharts {
  /** The operator's CRDs, applied first (server-side). */
  readonly crds: PrometheusOperatorCrds;
  /** The monitoring stack: operator, Prometheus, Alertmanager and the alert rules. */
  readonly monitoring: MonitoringChart;
  /** The demo app and its monitor. */
  readonly demo: DemoAppChart;
}

/** Options of {@link buildDemo}. */
export interface BuildDemoOptions {
  /**
   * Which monitor scrapes the demo app.
   * @default MonitorKind.SERVICE_MONITOR
   */
  readonly monitorKind?: MonitorKind;
}

/** Builds the demo stack in `app`. */
export function buildDemo(app: App, options: BuildDemoOptions = {}): DemoCharts {
  const monitoring = new MonitoringChart(app, 'monitoring');
  const demo = new DemoAppChart(app, 'demo', { prometheus: monitoring.stack, monitorKind: options.monitorKind });
  // The demo app's monitor lives in the namespace the monitoring chart creates.
  demo.addDependency(monitoring);
  return { crds: monitoring.stack.crds!, monitoring, demo };
}

/**
 * Builds the PodMonitor variant: the same stack, the demo app scraped by a PodMonitor instead of
 * the ServiceMonitor. Only its demo chart differs from the stack's; it is an alternative to the
 * stack's demo file, not an addition (both monitors would scrape the pods twice).
 */
export function buildPodMonitorVariant(app: App): DemoCharts {
  return buildDemo(app, { monitorKind: MonitorKind.POD_MONITOR });
}

/** Options of {@link synthDemo}. */
export interface SynthDemoOptions {
  /**
   * Output directory, replaced as a whole when the synth succeeds.
   * @default DEMO_OUTDIR
   */
  readonly outdir?: string;
  /**
   * A mistake to plant in the stack.
   * @default - none
   */
  readonly mistake?: DemoMistake;
}

/** What {@link synthDemo} did. */
export interface DemoResult {
  /** False when the checks found errors: nothing was written then. */
  readonly written: boolean;
  /** The output directory. */
  readonly outdir: string;
  /** The manifest files written, in apply order, the PodMonitor variant last. */
  readonly files: WrittenFile[];
  /** The file with the operator's CRDs, applied first. */
  readonly crdFile?: string;
  /** The stack's demo app file. */
  readonly demoFile?: string;
  /** The PodMonitor variant's file, an alternative to `demoFile`. */
  readonly variantFile?: string;
  /** The rendered configuration of each Prometheus of the stack, as written under prometheus-config/. */
  readonly configs: RenderedConfig[];
  /** The findings of the checks on the stack. */
  readonly findings: CheckFinding[];
  /** The findings as the checks print them. */
  readonly checksReport: string;
}

/**
 * Synthesizes the stack (with its rendered Prometheus configurations) and the PodMonitor variant
 * into `outdir`. Everything is synthesized aside first; `outdir` is replaced only when the checks
 * found no error and every synth succeeded, and is not touched otherwise.
 */
export function synthDemo(options: SynthDemoOptions = {}): DemoResult {
  const outdir = options.outdir ?? DEMO_OUTDIR;
  const staging = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk8s-prometheus-demo-'));
  try {
    const app = new App({ outdir: path.join(staging, 'stack') });
    const charts = buildDemo(app);
    options.mistake?.plant(charts);
    const checks = Checks.enable(app, { printFindings: false });
    const findings = checks.run();
    const checksReport = checks.report();
    if (findings.some((f) => f.severity === FindingSeverity.ERROR && f.acknowledgement === undefined)) {
      return { written: false, outdir, files: [], configs: [], findings, checksReport };
    }
    const configs = RenderedConfigs.synth(app).configs;
    const variant = new App({ outdir: path.join(staging, 'variant') });
    const variantDemo = buildPodMonitorVariant(variant).demo;
    Checks.enable(variant, { printFindings: false });
    variant.synth();

    const manifests = fs.readdirSync(app.outdir).filter((f) => f.endsWith(app.outputFileExtension)).sort();
    fs.rmSync(outdir, { recursive: true, force: true });
    fs.cpSync(app.outdir, outdir, { recursive: true });
    fs.mkdirSync(path.dirname(path.join(outdir, POD_MONITOR_VARIANT_FILE)), { recursive: true });
    fs.copyFileSync(path.join(variant.outdir, chartFile(variant, variantDemo.node.id)), path.join(outdir, POD_MONITOR_VARIANT_FILE));
    const files = summarizeManifests(outdir, [...manifests, POD_MONITOR_VARIANT_FILE]);
    return {
      written: true,
      outdir,
      files,
      configs,
      findings,
      checksReport,
      crdFile: chartFile(app, charts.crds.node.id),
      demoFile: chartFile(app, charts.demo.node.id),
      variantFile: POD_MONITOR_VARIANT_FILE,
    };
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}

/** The file cdk8s wrote for the chart `id` (`<id>.k8s.yaml`, or `NNNN-<id>.k8s.yaml` when charts depend on each other). */
function chartFile(app: App, id: string): string {
  const suffix = `${id}${app.outputFileExtension}`;
  const file = fs.readdirSync(app.outdir).find((f) => f === suffix || new RegExp(`^\\d{4}-${suffix.replace(/\./g, '\\.')}$`).test(f));
  if (!file) {
    throw new Error(`no manifest file for chart ${id} in ${app.outdir}`);
  }
  return file;
}

/** Reads `--mistake <name>` (or `--mistake=<name>`) from the command line. */
export function parseDemoArgs(args: readonly string[]): { mistake?: DemoMistake } {
  let mistake: DemoMistake | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--mistake' || arg.startsWith('--mistake=')) {
      const name = arg === '--mistake' ? args[++i] : arg.slice('--mistake='.length);
      if (name === undefined) {
        throw new Error('--mistake needs a name');
      }
      mistake = findMistake(name);
    } else {
      throw new Error(`unknown argument ${JSON.stringify(arg)}. Usage: npm run demo [-- --mistake <name>]`);
    }
  }
  return { mistake };
}

/** Runs the demo, writing to `outdir`: returns the exit status after printing to `out` and `err`. */
export function runDemo(args: readonly string[], out: (text: string) => void, err: (text: string) => void, outdir: string = DEMO_OUTDIR): number {
  let mistake: DemoMistake | undefined;
  try {
    mistake = parseDemoArgs(args).mistake;
  } catch (e) {
    err(`demo: ${(e as Error).message}`);
    return 2;
  }
  const result = synthDemo({ outdir, mistake });
  if (!result.written) {
    err(formatDemoFailure(result, mistake));
    return 1;
  }
  out(formatDemoReport(result));
  return 0;
}

if (require.main === module) {
  try {
    process.exitCode = runDemo(process.argv.slice(2), (t) => console.log(t), (t) => console.error(t));
  } catch (e) {
    console.error(`demo: ${(e as Error).message}`);
    process.exitCode = 1;
  }
}
