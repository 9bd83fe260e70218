/**
 * Reading the operator parity corpus (../shared/operator-parity/cases) and running one case
 * through the renderer.
 */

import * as fs from 'fs';
import * as path from 'path';
import { parse } from 'yaml';
import { parseManifests } from '../../src/resolver/input/load';
import { renderPrometheusConfig, toPrometheusYaml } from '../../src/resolver/render';
import { KubeObject, OperatorOptions } from '../../src/resolver/types';

/** The corpus folder: PARITY_CASES_DIR, else <repo>/../shared/operator-parity/cases. */
export function casesDir(): string {
  return process.env.PARITY_CASES_DIR ?? path.resolve(__dirname, '..', '..', '..', 'shared', 'operator-parity', 'cases');
}

/** One conformance case. */
export interface ParityCase {
  readonly name: string;
  readonly area: string;
  readonly generator: string;
  readonly expectError: boolean;
  readonly objects: KubeObject[];
  readonly expected?: unknown;
  /** The golden file's text (for full cases). */
  readonly expectedText?: string;
  readonly options: OperatorOptions;
  readonly ruleConfigMapNames: string[];
  /** For partial cases: the job whose kubernetes_sd_configs is compared. */
  readonly partialJob?: string;
}

/** The outcome of one case. */
export interface CaseOutcome {
  readonly pass: boolean;
  /** Why it failed: the first differing path, or the error. */
  readonly reason?: string;
  /** For full cases that pass: whether the YAML text is byte-for-byte the golden file. */
  readonly textIdentical?: boolean;
}

/** Loads every case of the corpus, sorted by name. */
export function loadCases(dir: string): ParityCase[] {
  return fs.readdirSync(dir).sort().filter((n) => fs.existsSync(path.join(dir, n, 'case.yaml'))).map((name) => {
    const folder = path.join(dir, name);
    const meta = parse(fs.readFileSync(path.join(folder, 'case.yaml'), 'utf8'));
    const inputFile = path.join(folder, 'input.yaml');
    const objects = parseManifests(fs.readFileSync(inputFile, 'utf8'), inputFile);
    const expectedFile = path.join(folder, 'expected.yaml');
    const expectedText = fs.existsSync(expectedFile) ? fs.readFileSync(expectedFile, 'utf8') : undefined;
    const expected = expectedText !== undefined ? parse(expectedText, { version: '1.1' }) : undefined;
    const oo = meta.operatorOptions ?? {};
    const notes = (meta.notes ?? []).join('\n');
    const partial = String(meta.generator ?? '').startsWith('generateK8SSDConfig')
      ? /of job '([^']+)'/.exec(notes.replace(/\s+/g, ' '))?.[1]
      : undefined;
    return {
      name,
      area: meta.area,
      generator: meta.generator,
      expectError: meta.expectError === true,
      objects,
      expected,
      expectedText,
      options: {
        endpointSliceSupport: oo.endpointSliceSupport === true,
        featureGates: [
          ...(oo.featureGates ?? []),
          // The generator option WithPrometheusTopologySharding() is the feature gate's effect.
          ...(oo.prometheusTopologySharding === true ? ['PrometheusTopologySharding'] : []),
        ],
        podTopologyLabelsSupport: oo.podTopologyLabelsSupport === true,
      },
      ruleConfigMapNames: oo.ruleConfigMapNames ?? [],
      partialJob: partial,
    };
  });
}

const MONITOR_KINDS: Record<string, string> = {
  ServiceMonitor: 'serviceMonitors',
  PodMonitor: 'podMonitors',
  Probe: 'probes',
  ScrapeConfig: 'scrapeConfigs',
};

/** Renders a case (every monitor as selected) and returns its YAML text. */
export function renderCase(c: ParityCase): string {
  const proms = c.objects.filter((o) => o.kind === 'Prometheus' || o.kind === 'PrometheusAgent');
  if (proms.length !== 1) throw new Error(`case ${c.name}: expected exactly one Prometheus or PrometheusAgent, found ${proms.length}`);
  const monitors: Record<string, KubeObject[]> = { serviceMonitors: [], podMonitors: [], probes: [], scrapeConfigs: [] };
  const objects: KubeObject[] = [];
  for (const o of c.objects) {
    if (o === proms[0]) continue;
    const list = MONITOR_KINDS[o.kind];
    if (list && String(o.apiVersion).startsWith('monitoring.coreos.com/')) monitors[list].push(o);
    else objects.push(o);
  }
  const { config } = renderPrometheusConfig({
    prometheus: proms[0],
    ...monitors,
    objects,
    ruleConfigMapNames: c.ruleConfigMapNames,
    options: c.options,
    // The operator's tests call the generator directly, with an asset store they fill by hand.
    checkReferences: false,
  });
  return toPrometheusYaml(config);
}

/** Runs one case: renders it and compares with the golden file as data. */
export function runCase(c: ParityCase): CaseOutcome {
  let text: string;
  try {
    text = renderCase(c);
  } catch (e) {
    return c.expectError ? { pass: true } : { pass: false, reason: `threw: ${(e as Error).message}` };
  }
  if (c.expectError) return { pass: false, reason: 'rendered, but the operator rejects this input' };
  const actual: any = parse(text, { version: '1.1' });
  let want: unknown = structuredClone(c.expected);
  let got: unknown = actual;
  if (c.partialJob !== undefined) {
    want = (c.expected as any)?.scrape_configs?.[0]?.kubernetes_sd_configs;
    got = (actual?.scrape_configs ?? []).find((j: any) => j.job_name === c.partialJob)?.kubernetes_sd_configs;
  }
  for (const key of ignoredKeys()) {
    if (isMap(want)) delete want[key];
    if (isMap(got)) delete got[key];
  }
  const diff = firstDifference(want, got, '');
  if (diff !== undefined) return { pass: false, reason: diff };
  return { pass: true, textIdentical: c.partialJob === undefined ? text === c.expectedText : undefined };
}

/** Top-level sections left out of comparisons (PARITY_IGNORE=storage,otlp), for diagnosis only. */
function ignoredKeys(): string[] {
  return (process.env.PARITY_IGNORE ?? '').split(',').filter((k) => k !== '');
}

/** The first path where two YAML values differ, with both values; undefined when equal. */
export function firstDifference(want: unknown, got: unknown, at: string): string | undefined {
  if (Array.isArray(want) && Array.isArray(got)) {
    for (let i = 0; i < Math.max(want.length, got.length); i++) {
      const d = firstDifference(want[i], got[i], `${at}[${i}]`);
      if (d !== undefined) return d;
    }
    return undefined;
  }
  if (isMap(want) && isMap(got)) {
    for (const k of new Set([...Object.keys(want), ...Object.keys(got)])) {
      const d = firstDifference(want[k], got[k], at === '' ? k : `${at}.${k}`);
      if (d !== undefined) return d;
    }
    return undefined;
  }
  if (want === got) return undefined;
  return `${at || '<root>'}: expected ${JSON.stringify(want)}, got ${JSON.stringify(got)}`;
}

function isMap(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}
