import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { stringify } from 'yaml';

/** Runs the real promtool and amtool (fetched by scripts/fetch-prometheus-tools.sh) on rendered output. */

let binDir: string | undefined;

/** The folder holding prometheus, promtool and amtool, fetching them on first use. */
export function prometheusToolsBin(): string {
  if (!binDir) {
    const script = path.join(__dirname, '..', '..', 'scripts', 'fetch-prometheus-tools.sh');
    binDir = execFileSync('bash', [script], { encoding: 'utf8' }).trim().split('\n').pop()!;
  }
  return binDir;
}

/** Result of one tool run. */
export interface ToolResult {
  readonly status: number;
  readonly output: string;
}

function runTool(tool: string, args: string[], fileName: string, content: string): ToolResult {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `${tool}-`));
  try {
    const file = path.join(dir, fileName);
    fs.writeFileSync(file, content);
    const res = spawnSync(path.join(prometheusToolsBin(), tool), [...args, file], { encoding: 'utf8', cwd: dir });
    return { status: res.status ?? -1, output: `${res.stdout}${res.stderr}` };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** `promtool check rules` on the `{groups: ...}` of a PrometheusRule (or a plain rule file object). */
export function promtoolCheckRules(ruleFile: { groups: unknown[] }): ToolResult {
  return runTool('promtool', ['check', 'rules'], 'rules.yaml', stringify(ruleFile));
}

/** `promtool check config --syntax-only` on a rendered prometheus.yaml (text). */
export function promtoolCheckConfig(configYaml: string): ToolResult {
  return runTool('promtool', ['check', 'config', '--syntax-only'], 'prometheus.yaml', configYaml);
}

/** `amtool check-config` on a rendered alertmanager.yaml (text). */
export function amtoolCheckConfig(configYaml: string): ToolResult {
  return runTool('amtool', ['check-config'], 'alertmanager.yaml', configYaml);
}
