import { ChildProcess, spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';
import { stringify } from 'yaml';
import { prometheusToolsBin } from '../../support/prometheus-tools';

/** A running Prometheus on 127.0.0.1 with its own temporary storage. */
export interface PrometheusProcess {
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  /** What Prometheus has logged so far (for failure messages). */
  log(): string;
  /** GET a JSON API path (e.g. `/api/v1/targets`). */
  getJson(pathAndQuery: string): Promise<any>;
  /** Stops Prometheus (SIGTERM, then SIGKILL after 5 s) and removes its files. */
  stop(): Promise<void>;
}

/** A free TCP port on 127.0.0.1 (released again before returning). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * The configuration as Prometheus would run it in a test cluster: every kubernetes_sd_configs
 * entry (scrape and alerting) gets `api_server: <url>`. Nothing else changes.
 */
export function pointAtApiServer(config: any, apiServer: string): any {
  const visit = (value: any): any => {
    if (Array.isArray(value)) {
      return value.map(visit);
    }
    if (value && typeof value === 'object') {
      const out: Record<string, any> = {};
      for (const [k, v] of Object.entries(value)) {
        out[k] = k === 'kubernetes_sd_configs' && Array.isArray(v) ? v.map((sd) => ({ ...sd, api_server: apiServer })) : visit(v);
      }
      return out;
    }
    return value;
  };
  return visit(config);
}

/** `promtool check config` on a configuration object; returns its exit status and output. */
export function promtoolCheckConfigFile(config: any): { status: number; output: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'promtool-e2e-'));
  try {
    const file = path.join(dir, 'prometheus.yaml');
    fs.writeFileSync(file, stringify(config));
    const res = spawnSync(path.join(prometheusToolsBin(), 'promtool'), ['check', 'config', file], { encoding: 'utf8', cwd: dir, timeout: 30_000 });
    return { status: res.status ?? -1, output: `${res.stdout}${res.stderr}` };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Polls `check` every `everyMs` until it returns a value other than undefined, or throws after `timeoutMs`. */
export async function waitFor<T>(what: string, timeoutMs: number, check: () => Promise<T | undefined>, everyMs = 200): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined) {
        return value;
      }
    } catch (e) {
      lastError = e;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${lastError ? ` (last error: ${(lastError as Error).message})` : ''}`);
    }
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/** Starts the real Prometheus on a configuration object and waits until it is ready. */
export async function startPrometheus(config: any, readyTimeoutMs = 30_000): Promise<PrometheusProcess> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'prometheus-e2e-'));
  const configFile = path.join(dir, 'prometheus.yaml');
  fs.writeFileSync(configFile, stringify(config));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let output = '';
  const child: ChildProcess = spawn(path.join(prometheusToolsBin(), 'prometheus'), [
    `--config.file=${configFile}`,
    `--web.listen-address=127.0.0.1:${port}`,
    `--storage.tsdb.path=${path.join(dir, 'data')}`,
    '--log.level=info',
  ], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };
  const getJson = async (pathAndQuery: string) => {
    const res = await fetch(`${url}${pathAndQuery}`);
    if (!res.ok) {
      throw new Error(`GET ${pathAndQuery}: HTTP ${res.status}`);
    }
    return res.json();
  };
  try {
    const state = await waitFor('Prometheus to be ready', readyTimeoutMs, async () => {
      if (child.exitCode !== null) {
        return 'exited';
      }
      const res = await fetch(`${url}/-/ready`);
      return res.ok ? 'ready' : undefined;
    });
    if (state === 'exited') {
      throw new Error(`Prometheus exited with status ${child.exitCode}`);
    }
  } catch (e) {
    await stop();
    throw new Error(`${(e as Error).message}\n--- prometheus log ---\n${output}`);
  }
  return { url, log: () => output, getJson, stop };
}
