import { Chart, Testing } from 'cdk8s';
import { crdSchemaErrors } from '../support/crd-schema';
import { promtoolCheckRules } from '../support/prometheus-tools';

/**
 * Checks every monitoring.coreos.com object of a synthesized chart and returns how many were
 * checked: against its CRD schema, except PrometheusRules, whose CRD carries an RE2 `(?i)`
 * pattern the JavaScript regular expressions of the schema validator cannot compile; their rules
 * go through the real `promtool check rules` instead.
 */
export function expectValidMonitoringObjects(objects: any[]): number {
  const monitoring = objects.filter((o) => typeof o?.apiVersion === 'string' && o.apiVersion.startsWith('monitoring.coreos.com/'));
  const errors: string[] = [];
  for (const obj of monitoring) {
    if (obj.kind === 'PrometheusRule') {
      const res = promtoolCheckRules(obj.spec);
      if (res.status !== 0) errors.push(`PrometheusRule ${obj.metadata.name}: ${res.output}`);
    } else {
      errors.push(...crdSchemaErrors(obj));
    }
  }
  expect(errors).toEqual([]);
  return monitoring.length;
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
