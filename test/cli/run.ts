/** Runs the tool in-process and captures what it writes. */
import * as path from 'path';
import { main } from '../../src/cli/main';

/** The example stack: a Prometheus and a PrometheusAgent, monitors, a rule, Namespaces. */
export const STACK = path.join(__dirname, 'fixtures', 'stack');

/** What one run of the tool produced. */
export interface Run {
  status: number;
  stdout: string;
  stderr: string;
}

/** Runs `cdk8s-prometheus <argv>` with `stdin` as standard input. */
export async function run(argv: string[], stdin = ''): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const status = await main(argv, {
    stdout: (t) => { stdout += t; },
    stderr: (t) => { stderr += t; },
    readStdin: async () => stdin,
  });
  return { status, stdout, stderr };
}
