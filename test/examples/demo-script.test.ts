import { execFile } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { promisify } from 'util';
import { parseAllDocuments } from 'yaml';
import { DemoResult, runDemo, synthDemo } from '../../examples/demo';
import { formatDemoReport } from '../../examples/demo-report';
import { DEMO_MISTAKES, findMistake } from '../../examples/mistakes';
import { formatSummary } from '../../examples/summary';
import { FindingSeverity } from '../../src/checks';

jest.setTimeout(120_000);

const ROOT = path.join(__dirname, '..', '..');
const readYaml = (file: string) => parseAllDocuments(fs.readFileSync(file, 'utf8')).map((d) => d.toJS());

/** Lists every file under `dir`, relative to it. */
function listFiles(dir: string): string[] {
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
}

let dir: string;
let shared: { dir: string; result: DemoResult } | undefined;

/** One synthDemo result for the tests that only read it. */
function sharedResult(): DemoResult {
  if (!shared) {
    const sharedDir = fs.mkdtempSync(path.join(os.tmpdir(), 'demo-test-'));
    shared = { dir: sharedDir, result: synthDemo({ outdir: path.join(sharedDir, 'dist') }) };
  }
  return shared.result;
}

afterAll(() => shared && fs.rmSync(shared.dir, { recursive: true, force: true }));
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'demo-test-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('synthDemo', () => {
  test('replaces the output directory with the manifests in apply order, the rendered config and the PodMonitor variant', () => {
    const outdir = path.join(dir, 'dist');
    fs.mkdirSync(outdir);
    fs.writeFileSync(path.join(outdir, 'stale.k8s.yaml'), 'kind: Stale\n');
    const result = synthDemo({ outdir });
    expect(result.written).toBe(true);
    expect(listFiles(outdir)).toEqual([
      '0000-prometheus-operator-crds.k8s.yaml',
      '0001-monitoring.k8s.yaml',
      '0002-demo.k8s.yaml',
      'prometheus-config/monitoring/prometheus-example.yaml',
      'variants/demo-podmonitor.k8s.yaml',
    ]);
    expect(result.files.map((f) => f.file)).toEqual([
      '0000-prometheus-operator-crds.k8s.yaml', '0001-monitoring.k8s.yaml', '0002-demo.k8s.yaml', 'variants/demo-podmonitor.k8s.yaml',
    ]);
    expect(result).toMatchObject({ crdFile: '0000-prometheus-operator-crds.k8s.yaml', demoFile: '0002-demo.k8s.yaml', variantFile: 'variants/demo-podmonitor.k8s.yaml' });
    expect(result.files[2].objects).toEqual([
      { kind: 'Namespace', name: 'demo', namespace: undefined },
      { kind: 'Deployment', namespace: 'demo', name: 'demo-go' },
      { kind: 'Service', namespace: 'demo', name: 'demo-go' },
      { kind: 'ServiceMonitor', namespace: 'monitoring', name: 'demo-go' },
    ]);
    expect(readYaml(path.join(outdir, 'variants/demo-podmonitor.k8s.yaml')).map((o) => o.kind)).toEqual(['Namespace', 'Deployment', 'Service', 'PodMonitor']);
    const [config] = result.configs;
    expect(fs.readFileSync(path.join(outdir, config.fileName), 'utf8')).toBe(config.yaml);
    expect(result.findings).toEqual([]);
    expect(result.checksReport).toBe('No findings.');
  });

  test('a planted mistake: nothing is written, the output directory is left as it was', () => {
    const outdir = path.join(dir, 'dist');
    fs.mkdirSync(outdir);
    fs.writeFileSync(path.join(outdir, 'previous.k8s.yaml'), 'kind: Previous\n');
    const result = synthDemo({ outdir, mistake: findMistake('missing-release-label') });
    expect(result).toMatchObject({ written: false, files: [], configs: [] });
    expect(result.findings.map((f) => [f.id, f.severity, f.constructPath, f.field])).toEqual([
      ['SEL-MONITOR-UNSELECTED', FindingSeverity.ERROR, 'demo/demo-go/ServiceMonitor/Resource', 'metadata.labels'],
    ]);
    expect(listFiles(outdir)).toEqual(['previous.k8s.yaml']);
  });

  test('the summary lists every file and object, a run of CRDs on one wrapped line', () => {
    const result = sharedResult();
    const lines = formatSummary('dist', result.files).split('\n');
    expect(lines.slice(0, 6)).toEqual([
      'Wrote 36 objects in 4 files to dist/:',
      '  0000-prometheus-operator-crds.k8s.yaml',
      '    CustomResourceDefinition ×10  alertmanagerconfigs, alertmanagers, podmonitors, probes, prometheusagents,',
      '                                  prometheuses, prometheusrules, scrapeconfigs, servicemonitors,',
      '                                  thanosrulers (.monitoring.coreos.com)',
      '  0001-monitoring.k8s.yaml',
    ]);
    expect(lines.slice(-10)).toEqual([
      '  0002-demo.k8s.yaml',
      '    Namespace       demo',
      '    Deployment      demo/demo-go',
      '    Service         demo/demo-go',
      '    ServiceMonitor  monitoring/demo-go',
      '  variants/demo-podmonitor.k8s.yaml',
      '    Namespace   demo',
      '    Deployment  demo/demo-go',
      '    Service     demo/demo-go',
      '    PodMonitor  monitoring/demo-go',
    ]);
    expect(lines).toContain('    PrometheusRule       monitoring/demo-go-alerts');
    expect(lines).toHaveLength(1 + 4 + 3 + 18 + 4 + 4);
  });
});

describe('runDemo', () => {
  function run(args: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const status = runDemo(args, (t) => out.push(t), (t) => err.push(t), path.join(dir, 'dist'));
    return { status, stdout: out.join('\n'), stderr: err.join('\n') };
  }

  test('prints the summary, how to apply, the rendered Prometheus config in full and the checks', () => {
    const { status, stdout, stderr } = run([]);
    expect({ status, stderr }).toEqual({ status: 0, stderr: '' });
    const config = fs.readFileSync(path.join(dir, 'dist', 'prometheus-config', 'monitoring', 'prometheus-example.yaml'), 'utf8');
    expect(stdout).toContain(config.trimEnd());
    expect(stdout).toContain([
      'Apply the CRDs first, server-side (the Prometheus CRD is too large for client-side apply), then the rest:',
      '  kubectl apply --server-side -f dist/0000-prometheus-operator-crds.k8s.yaml',
      '  kubectl wait --for condition=Established --timeout 60s crd --all',
      '  kubectl apply --server-side -f dist/',
      'dist/variants/demo-podmonitor.k8s.yaml is the demo app scraped by a PodMonitor instead of the ServiceMonitor:',
      'apply it in place of dist/0002-demo.k8s.yaml, not beside it (kubectl apply -f dist/ skips subfolders).',
    ].join('\n').replace(/dist\//g, `${path.join(dir, 'dist')}/`));
    expect(stdout).toContain([
      `Prometheus monitoring/example: the prometheus.yaml the operator generates (Secret monitoring/prometheus-example), written to ${path.join(dir, 'dist')}/prometheus-config/monitoring/prometheus-example.yaml`,
      '  selects: ServiceMonitor monitoring/demo-go, PrometheusRule monitoring/demo-go-alerts',
      '  scrape jobs: serviceMonitor/monitoring/demo-go/0',
    ].join('\n'));
    expect(stdout.endsWith('\n\nSynth-time checks: No findings.')).toBe(true);
    // One or two screens beyond the config.
    expect(stdout.split('\n').length - config.trimEnd().split('\n').length).toBeLessThan(60);
  });

  const FINDINGS: { [mistake: string]: string } = {
    'missing-release-label': '  [SEL-MONITOR-UNSELECTED] ERROR ServiceMonitor monitoring/demo-go (demo/demo-go/ServiceMonitor/Resource) metadata.labels: '
      + 'no Prometheus selects it: Prometheus monitoring/example needs labels release=prometheus (missing).',
    'wrong-port-name': '  [PORT-SERVICE-PORT-NAME] ERROR ServiceMonitor monitoring/demo-go (demo/demo-go/ServiceMonitor/Resource) spec.endpoints[0].port: '
      + '"http" is not a port name of the selected Services: Service demo/demo-go has ports [metrics 8080→http]',
  };

  test('every mistake has its expected finding', () => {
    expect(DEMO_MISTAKES.map((m) => m.name)).toEqual(Object.keys(FINDINGS));
  });

  test.each(Object.entries(FINDINGS))('--mistake %s: one error naming the construct path and the field; exit 1, nothing written', (name, finding) => {
    const { status, stdout, stderr } = run(['--mistake', name]);
    expect({ status, stdout }).toEqual({ status: 1, stdout: '' });
    const lines = stderr.split('\n');
    expect(lines.slice(0, 3)).toEqual([`Planted mistake ${name}: ${findMistake(name).description}.`, '', 'cdk8s-prometheus checks: 1 error(s), 0 warning(s), 0 note(s), 0 acknowledged']);
    expect(lines[3].startsWith(finding)).toBe(true);
    expect(lines.slice(4)).toEqual(['', `Synth failed with 1 error(s); ${path.join(dir, 'dist')}/ was not touched.`]);
    expect(fs.existsSync(path.join(dir, 'dist'))).toBe(false);
  });

  test('bad arguments: exit status 2 and the known mistakes', () => {
    expect(run(['--mistake', 'typo'])).toEqual({ status: 2, stdout: '', stderr: 'demo: unknown mistake "typo". Use one of: missing-release-label, wrong-port-name.' });
    expect(run(['--mistake'])).toEqual({ status: 2, stdout: '', stderr: 'demo: --mistake needs a name' });
    expect(run(['--verbose'])).toEqual({ status: 2, stdout: '', stderr: 'demo: unknown argument "--verbose". Usage: npm run demo [-- --mistake <name>]' });
  });
});

describe('the demo script (the command npm run demo runs)', () => {
  const execFileAsync = promisify(execFile);
  const tsNode = path.join(ROOT, 'node_modules', '.bin', 'ts-node');
  type Run = { cwd: string; status: number; stdout: string; stderr: string };
  const runs = new Map<string, Run>();

  /** Runs the script in a new working directory (with an empty dist/ when `withDist`). */
  async function script(args: string[], withDist: boolean): Promise<Run> {
    const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'demo-script-'));
    if (withDist) fs.mkdirSync(path.join(cwd, 'dist'));
    try {
      const { stdout, stderr } = await execFileAsync(tsNode, ['--transpile-only', path.join(ROOT, 'examples', 'demo.ts'), ...args], { cwd, encoding: 'utf8' });
      return { cwd, status: 0, stdout, stderr };
    } catch (e: any) {
      return { cwd, status: e.code as number, stdout: e.stdout as string, stderr: e.stderr as string };
    }
  }

  beforeAll(async () => {
    const [clean, label] = await Promise.all([script([], false), script(['--mistake=missing-release-label'], true)]);
    runs.set('clean', clean).set('label', label);
  });
  afterAll(() => runs.forEach((r) => fs.rmSync(r.cwd, { recursive: true, force: true })));

  test('writes dist/ in the working directory and prints the summary, the config and the checks; exit 0', () => {
    const { cwd, status, stdout } = runs.get('clean')!;
    expect(status).toBe(0);
    expect(stdout.startsWith('Wrote 36 objects in 4 files to dist/:\n')).toBe(true);
    expect(stdout).toContain('written to dist/prometheus-config/monitoring/prometheus-example.yaml');
    expect(stdout).toContain('- job_name: serviceMonitor/monitoring/demo-go/0\n');
    expect(stdout).toContain('Synth-time checks: No findings.');
    expect(listFiles(path.join(cwd, 'dist'))).toContain('prometheus-config/monitoring/prometheus-example.yaml');
  });

  test('--mistake=missing-release-label: the finding names the construct path, the field and the missing label; exit 1, dist/ untouched', () => {
    const { cwd, status, stdout, stderr } = runs.get('label')!;
    expect({ status, stdout }).toEqual({ status: 1, stdout: '' });
    expect(stderr).toContain('  [SEL-MONITOR-UNSELECTED] ERROR ServiceMonitor monitoring/demo-go (demo/demo-go/ServiceMonitor/Resource) metadata.labels: '
      + 'no Prometheus selects it: Prometheus monitoring/example needs labels release=prometheus (missing).');
    expect(stderr).toContain('Fix: add labels {release=prometheus} to the ServiceMonitor');
    expect(stderr).toContain('Synth failed with 1 error(s); dist/ was not touched.');
    expect(fs.readdirSync(path.join(cwd, 'dist'))).toEqual([]);
  });

});

test('formatDemoReport names every Prometheus\'s operator warnings', () => {
  const result = sharedResult();
  const config = { ...result.configs[0], warnings: ['ServiceMonitor monitoring/x rejected: bad'] };
  expect(formatDemoReport({ ...result, configs: [config] })).toContain('  scrape jobs: serviceMonitor/monitoring/demo-go/0\n  operator warning: ServiceMonitor monitoring/x rejected: bad\n');
});
