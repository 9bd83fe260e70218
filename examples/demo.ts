// `npm run demo`: synthesizes the example stack into dist/ and prints what it wrote.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App } from 'cdk8s';
import { MonitorKind } from '../src';
import { DemoAppChart } from './demo-app';
import { formatSummary, summarizeManifests, WrittenFile } from './summary';

/** Where `npm run demo` writes the manifests. */
export const DEMO_OUTDIR = 'dist';

/** The charts of the demo stack; each becomes one `<id>.k8s.yaml` file. */
export interface DemoCharts {
  /** demo.k8s.yaml: the demo app scraped by a ServiceMonitor. */
  readonly demo: DemoAppChart;
}

/** Builds the demo stack in `app`. Extend the stack here: every chart added becomes a file. */
export function buildDemo(app: App): DemoCharts {
  return {
    demo: new DemoAppChart(app, 'demo'),
  };
}

/**
 * Builds the PodMonitor variant: the same app chart (same id and construct paths, so the Namespace,
 * Deployment and Service are identical to the stack's) scraped by a PodMonitor instead of the
 * ServiceMonitor. It is an alternative, not an addition: both monitors would scrape the pods twice.
 */
export function buildPodMonitorVariant(app: App): DemoAppChart {
  return new DemoAppChart(app, 'demo', { monitorKind: MonitorKind.POD_MONITOR });
}

/** Suffix of the variant's file names: `demo.k8s.yaml` becomes `demo-podmonitor.k8s.yaml`. */
export const POD_MONITOR_VARIANT_SUFFIX = '-podmonitor';

/**
 * Synthesizes the stack and its PodMonitor variant into `outdir`, replacing its contents only
 * when every synth succeeded, and returns what was written (stack files first).
 */
export function synthDemo(outdir: string = DEMO_OUTDIR): WrittenFile[] {
  const staging = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk8s-prometheus-demo-'));
  try {
    const files = [
      ...synthApp(path.join(staging, 'stack'), buildDemo, ''),
      ...synthApp(path.join(staging, 'variant'), buildPodMonitorVariant, POD_MONITOR_VARIANT_SUFFIX),
    ];
    fs.rmSync(outdir, { recursive: true, force: true });
    fs.mkdirSync(outdir, { recursive: true });
    for (const { source, file } of files) {
      fs.copyFileSync(source, path.join(outdir, file));
    }
    return summarizeManifests(outdir, files.map((f) => f.file));
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}

/** Synthesizes one app into `dir`; returns each chart's file and the name it gets in the output. */
function synthApp(dir: string, build: (app: App) => unknown, suffix: string): Array<{ source: string; file: string }> {
  const app = new App({ outdir: dir });
  build(app);
  app.synth();
  return app.charts.map((chart) => ({
    source: path.join(dir, `${chart.node.id}${app.outputFileExtension}`),
    file: `${chart.node.id}${suffix}${app.outputFileExtension}`,
  }));
}

if (require.main === module) {
  try {
    console.log(formatSummary(DEMO_OUTDIR, synthDemo(DEMO_OUTDIR)));
    console.log(`The *${POD_MONITOR_VARIANT_SUFFIX} file is the same app scraped by a PodMonitor instead of the ServiceMonitor: apply one or the other.`);
  } catch (e) {
    console.error(`demo: ${(e as Error).message}`);
    process.exit(1);
  }
}
