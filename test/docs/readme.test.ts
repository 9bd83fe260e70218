import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as ts from 'typescript';
import { parse } from 'yaml';

/** The README's usage example is real code: it compiles, synthesizes, and does what the README says. */

const README = fs.readFileSync(path.join(__dirname, '..', '..', 'README.md'), 'utf8');

function usageExample(): string {
  const match = /```ts\n([\s\S]*?)```/.exec(README);
  if (!match) {
    throw new Error('README has no ```ts block');
  }
  return match[1];
}

test('the README usage example synthesizes manifests and the rendered Prometheus config', () => {
  const js = ts.transpileModule(usageExample(), { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 } }).outputText;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'readme-'));
  const cwd = process.cwd();
  try {
    process.chdir(dir);
    // The example imports the package by name; serve it the library's source.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const moduleRequire = (id: string) => (id === 'cdk8s-prometheus' ? require('../../src') : require(id));
    new Function('require', 'exports', js)(moduleRequire, {});
    const config = parse(fs.readFileSync(path.join(dir, 'dist', 'prometheus-config', 'monitoring', 'prometheus-main.yaml'), 'utf8'));
    expect(config.scrape_configs.map((j: any) => j.job_name)).toEqual(['serviceMonitor/shop/shop/0']);
    const manifests = fs.readdirSync(path.join(dir, 'dist')).filter((f) => f.endsWith('.k8s.yaml'));
    expect(manifests.some((f) => f.includes('prometheus-operator-crds'))).toBe(true);
  } finally {
    process.chdir(cwd);
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
