import { Chart, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { parse } from 'yaml';
import { Alertmanager } from '../../src/alerting';
import { expectValidAgainstCrds } from '../support/crd-schema';
import { amtoolCheckConfig } from '../support/prometheus-tools';

/** A chart in namespace `monitoring` (or the given one). */
export function chart(namespace = 'monitoring'): Chart {
  return new Chart(Testing.app(), 'test', { namespace });
}

/** A reference to key `key` of an existing Secret. */
export function secretKey(c: Chart, secretName: string, key: string): kplus.SecretValue {
  const id = `Secret-${secretName}`;
  const secret = (c.node.tryFindChild(id) as kplus.ISecret | undefined) ?? kplus.Secret.fromSecretName(c, id, secretName);
  return { secret, key };
}

/** Runs `amtool check-config` on the rendered configuration and asserts it passes; returns the parsed config. */
export function expectAmtoolAccepts(alertmanager: Alertmanager): any {
  const result = amtoolCheckConfig(alertmanager.configYaml);
  expect({ output: result.output, status: result.status }).toMatchObject({ status: 0 });
  return parse(alertmanager.configYaml);
}

/**
 * Synthesizes the chart, validates every monitoring object against its CRD and runs amtool on the
 * configuration Secret of every Alertmanager. Returns the manifests.
 */
export function synthAndCheck(c: Chart): any[] {
  const manifests = Testing.synth(c);
  expectValidAgainstCrds(manifests);
  for (const secret of manifests.filter((m) => m.kind === 'Secret' && m.stringData?.['alertmanager.yaml'])) {
    const result = amtoolCheckConfig(secret.stringData['alertmanager.yaml']);
    expect({ secret: secret.metadata.name, output: result.output, status: result.status }).toMatchObject({ status: 0 });
  }
  return manifests;
}

/** The manifest of `kind` (and name, when given). */
export function manifestOf(manifests: any[], kind: string, name?: string): any {
  const found = manifests.filter((m) => m.kind === kind && (name === undefined || m.metadata.name === name));
  expect(found).toHaveLength(1);
  return found[0];
}
