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

/** The charts of the demo; each becomes one `<id>.k8s.yaml` file. */
export interface DemoCharts {
  /** demo.k8s.yaml: the demo app scraped by a ServiceMonitor. */
  readonly demo: DemoAppChart;
  /** demo-podmonitor.k8s.yaml: the same app scraped by a PodMonitor instead (apply one or the other). */
  readonly demoPodMonitor: DemoAppChart;
}

/** Builds the demo's charts in `app`. Extend the stack here. */
export function buildDemo(app: App): DemoCharts {
  return {
    demo: new DemoAppChart(app, 'demo'),
    demoPodMonitor: new DemoAppChart(app, 'demo-podmonitor', { monitorKind: MonitorKind.POD_MONITOR }),
  };
}

/**
 * Synthesizes the demo into `outdir`, replacing its contents only when the whole synth succeeded,
 * and returns what was written.
 */
export function synthDemo(outdir: string = DEMO_OUTDIR): WrittenFile[] {
  const staging = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk8s-prometheus-demo-'));
  try {
    const app = new App({ outdir: staging });
    buildDemo(app);
    app.synth();
    const files = app.charts.map((chart) => `${chart.node.id}${app.outputFileExtension}`);
    fs.rmSync(outdir, { recursive: true, force: true });
    fs.mkdirSync(outdir, { recursive: true });
    for (const file of files) {
      fs.copyFileSync(path.join(staging, file), path.join(outdir, file));
    }
    return summarizeManifests(outdir, files);
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}

if (require.main === module) {
  try {
    console.log(formatSummary(DEMO_OUTDIR, synthDemo(DEMO_OUTDIR)));
    console.log('demo-podmonitor.k8s.yaml is the same app scraped by a PodMonitor instead of the ServiceMonitor: apply one file or the other.');
  } catch (e) {
    console.error(`demo: ${(e as Error).message}`);
    process.exit(1);
  }
}
