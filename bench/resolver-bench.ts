/**
 * `npm run bench`: synth and resolve time and peak memory for generated apps of 100, 1,000 and
 * 5,000 monitors over 50 namespaces, selected by 3 Prometheus with different selectors: plain
 * cdk8s synth (the baseline), and synth + resolve as `RenderedConfigs.synth` does it (one
 * synthesis session). Each size runs in a fresh child process. `--sizes 100,1000` measures other
 * sizes; `--chart-per-namespace` puts each namespace in its own chart.
 */

import { fork } from 'child_process';
import * as os from 'os';
import * as path from 'path';
import { BenchAppSize } from './generate-app';
import { Repetitions, SizeResult } from './measure-size';
import { formatReport } from './report';

const NAMESPACES = 50;
const DEFAULT_SIZES = [100, 1000, 5000];
const REPETITIONS: Repetitions = { min: 2, max: 7, budgetMs: 4000 };

/** Measures `size` in a child process. */
function measureInChild(size: BenchAppSize): Promise<SizeResult> {
  return new Promise((resolve, reject) => {
    const child = fork(path.join(__dirname, 'size-worker.ts'), [JSON.stringify(size), JSON.stringify(REPETITIONS)], {
      execArgv: ['--expose-gc', '-r', 'ts-node/register/transpile-only'],
    });
    let reply: { result?: SizeResult; error?: string } = {};
    child.on('message', (m: typeof reply) => { reply = m; });
    child.on('error', reject);
    child.on('exit', (code) => {
      if (reply.result) resolve(reply.result);
      else reject(new Error(`${size.monitors} monitors: ${reply.error ?? `the measuring process exited with status ${code}`}`));
    });
  });
}

/** The monitor counts of `--sizes`, or the default ones. */
function parseSizes(argv: string[]): number[] {
  const i = argv.indexOf('--sizes');
  if (i < 0) return DEFAULT_SIZES;
  const sizes = (argv[i + 1] ?? '').split(',').map(Number);
  if (sizes.length === 0 || sizes.some((n) => !Number.isInteger(n) || n < 1)) {
    throw new Error(`--sizes takes a comma-separated list of monitor counts, e.g. --sizes 100,1000 (got "${argv[i + 1] ?? ''}")`);
  }
  return sizes;
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const sizes = parseSizes(argv);
  const chartPerNamespace = argv.includes('--chart-per-namespace');
  console.log(`Resolver benchmark: ${sizes.map((n) => n.toLocaleString('en-US')).join(', ')} monitors (MonitoredApp: Deployment, ` +
    `Service, ServiceMonitor or every 10th a PodMonitor) over ${NAMESPACES} namespaces ` +
    `(${chartPerNamespace ? 'one chart per namespace' : 'in one chart'}); 3 Prometheus constructs with different selectors.`);
  console.log(`Each size in a fresh process, after a warm-up run; then ${REPETITIONS.min} to ${REPETITIONS.max} timed runs ` +
    `(more while under ${REPETITIONS.budgetMs / 1000} s), each a plain synth then a synth+resolve session; every run's selection `
    + 'and scrape jobs are checked, and its session\'s manifests against plain synth\'s.');
  const started = performance.now();
  const results: SizeResult[] = [];
  for (const monitors of sizes) {
    results.push(await measureInChild({ monitors, namespaces: NAMESPACES, chartPerNamespace }));
  }
  console.log(`Machine: ${os.cpus().length} CPUs, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} at the end ` +
    '(wall times grow with the load).\n');
  formatReport(results).forEach((line) => console.log(line));
  console.log(`\nTotal benchmark time: ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

main().catch((e) => {
  console.error(`bench: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
