import * as fs from 'fs';
import * as path from 'path';
import { command } from '../../../src/cli/commands/targets';
import { CliIo } from '../../../src/cli/io';
import { main } from '../../../src/cli/main';

const FIXTURES = path.join(__dirname, '..', '..', 'e2e', 'fixtures');
const files = [path.join(FIXTURES, 'app.yaml'), path.join(FIXTURES, 'monitoring.yaml')];

async function runTargets(options: Record<string, unknown>, stdin = '') {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), readStdin: async () => stdin };
  const status = await command.run(options as any, io);
  return { status, stdout, stderr };
}

describe('cdk8s-prometheus targets', () => {
  test('-o json prints {targets, dropped} for every Prometheus', async () => {
    const { status, stdout } = await runTargets({ filename: files, output: 'json' });
    expect(status).toBe(0);
    const out = JSON.parse(stdout);
    expect(Object.keys(out)).toEqual(['targets', 'dropped']);
    expect(out.targets.map((t: any) => [t.prometheus, t.scrapePool, t.labels.job, t.labels.pod])).toEqual([
      ['monitoring/main', 'podMonitor/shop/web-proxy/0', 'shop/web-proxy', expect.stringMatching(/^web-/)],
      ['monitoring/main', 'podMonitor/shop/web-proxy/0', 'shop/web-proxy', expect.stringMatching(/^web-/)],
      ['monitoring/main', 'serviceMonitor/shop/web/0', 'web', expect.stringMatching(/^web-/)],
      ['monitoring/main', 'serviceMonitor/shop/web/0', 'web', expect.stringMatching(/^web-/)],
      ['monitoring/main', 'serviceMonitor/shop/web/0', 'web', 'web-debug'],
    ]);
    expect(out.targets[0].labels.instance).toMatch(/^10\.244\.0\.\d+:9901$/);
    expect(out.dropped.length).toBeGreaterThan(0);
    expect(out.dropped[0]).toEqual(expect.objectContaining({ prometheus: 'monitoring/main', kind: 'relabeling', discoveredLabels: expect.any(Object) }));
  });

  test('the default table has a row per target and a summary of the dropped ones', async () => {
    const { stdout, stderr } = await runTargets({ filename: files });
    const lines = stdout.split('\n');
    expect(lines[0]).toMatch(/^PROMETHEUS\s+SCRAPE POOL\s+URL\s+LABELS$/);
    expect(lines[1]).toMatch(/^monitoring\/main\s+podMonitor\/shop\/web-proxy\/0\s+http:\/\/10\.244\.0\.\d+:9901\/metrics\s+container="proxy", endpoint="proxy-metrics", instance=/);
    expect(stdout).toContain('Dropped by relabeling: ');
    expect(stdout).toMatch(/ {2}monitoring\/main serviceMonitor\/shop\/web\/0: \d+ by relabel_configs\[\d+\] \(action keep\)/);
    expect(stdout).toContain('Names and addresses of Pods that are not in the input are placeholders.');
    expect(stderr).toBe('');
  });

  test('--prometheus picks one Prometheus; an unknown one is an input error', async () => {
    const { stdout } = await runTargets({ filename: files, prometheus: 'monitoring/main', output: 'json' });
    expect(JSON.parse(stdout).targets).toHaveLength(5);
    await expect(runTargets({ filename: files, prometheus: 'x/y' })).rejects.toThrow('no Prometheus or PrometheusAgent "x/y" in the input');
  });

  test('reads stdin with -f -', async () => {
    const stdin = files.map((f) => fs.readFileSync(f, 'utf8')).join('\n---\n');
    const { stdout } = await runTargets({ filename: ['-'], output: 'json' }, stdin);
    expect(JSON.parse(stdout).targets).toHaveLength(5);
  });

  test('bad command lines and inputs without a Prometheus are refused with what to do', async () => {
    await expect(runTargets({})).rejects.toThrow('no input: give -f <path>');
    await expect(runTargets({ filename: files, output: 'yaml' })).rejects.toThrow('--output takes table or json, not "yaml"');
    await expect(runTargets({ filename: [path.join(FIXTURES, 'app.yaml')] })).rejects.toThrow('no Prometheus (monitoring.coreos.com/v1) or PrometheusAgent (v1alpha1) in the input');
  });

  test('the tool finds the command: cdk8s-prometheus targets', async () => {
    let stdout = '';
    const io: CliIo = { stdout: (t) => void (stdout += t), stderr: () => undefined, readStdin: async () => '' };
    expect(await main(['targets', '--help'], io)).toBe(0);
    expect(stdout).toMatch(/^Usage: cdk8s-prometheus targets -f <path>\.\.\. /);
    stdout = '';
    expect(await main(['targets', '-f', files[0], '-f', files[1], '-o', 'json'], io)).toBe(0);
    expect(JSON.parse(stdout).targets).toHaveLength(5);
    expect(await main(['targets', '-f', files[0], '-o', 'xml'], io)).toBe(2);
  });
});
