import { Chart, Testing } from 'cdk8s';
import { expectValidAgainstCrds } from '../support/crd-schema';
import { promtoolCheckRules } from '../support/prometheus-tools';

/**
 * Checks every monitoring.coreos.com object of a synthesized chart and returns how many were
 * checked: each against its CRD schema, and the rules of PrometheusRules also with the real
 * `promtool check rules`.
 */
export function expectValidMonitoringObjects(objects: any[]): number {
  const count = expectValidAgainstCrds(objects);
  const promtoolErrors = objects
    .filter((o) => o?.kind === 'PrometheusRule')
    .map((o) => ({ name: o.metadata.name, res: promtoolCheckRules(o.spec) }))
    .filter(({ res }) => res.status !== 0)
    .map(({ name, res }) => `PrometheusRule ${name}: ${res.output}`);
  expect(promtoolErrors).toEqual([]);
  return count;
}

/** Synthesizes a chart (validating the whole app) and checks its monitoring objects. */
export function synthValid(chart: Chart): any[] {
  const objects = Testing.synth(chart);
  expect(expectValidMonitoringObjects(objects)).toBeGreaterThan(0);
  return objects;
}

/** The first object of `kind` (in `namespace`, when given). */
export function findObject(objects: any[], kind: string, namespace?: string): any {
  return objects.find((o) => o.kind === kind && (namespace === undefined || o.metadata?.namespace === namespace));
}
