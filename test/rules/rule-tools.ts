import { Chart, Testing } from 'cdk8s';
import { Construct } from 'constructs';
import { ValidationError } from '../../src/common/errors';
import { ISelectingPrometheus, SelectableKind } from '../../src/common/selecting';
import { expectValidAgainstCrds } from '../support/crd-schema';
import { promtoolCheckRules } from '../support/prometheus-tools';

/**
 * The rule file the operator writes from a PrometheusRule for a Prometheus 2.x such as the
 * promtool 2.53.3 of the test tools: it drops `partial_response_strategy` (Thanos only) and group
 * `labels` (Prometheus >= 3.0), as `sanitizePrometheusRulesSpec` does.
 */
export function ruleFileOf(prometheusRule: any): { groups: unknown[] } {
  const groups = (prometheusRule.spec.groups ?? []).map((g: any) => {
    const { partial_response_strategy: _strategy, labels: _labels, ...rest } = g;
    return rest;
  });
  return { groups };
}

/**
 * Synthesizes the chart, validates every monitoring object against its CRD and runs
 * `promtool check rules` on the rules of every PrometheusRule. Returns the manifests.
 */
export function synthAndCheckRules(chart: Chart): any[] {
  const manifests = Testing.synth(chart);
  expectValidAgainstCrds(manifests);
  const rules = manifests.filter((m) => m.kind === 'PrometheusRule');
  expect(rules.length).toBeGreaterThan(0);
  for (const rule of rules) {
    const result = promtoolCheckRules(ruleFileOf(rule));
    expect({ name: rule.metadata.name, output: result.output, status: result.status }).toMatchObject({ status: 0 });
  }
  return manifests;
}

/** A Prometheus that selects PrometheusRules carrying `ruleLabels` (or none, when undefined). */
export class RuleSelectingPrometheus extends Construct implements ISelectingPrometheus {
  public readonly prometheusKey: string;

  constructor(scope: Construct, id: string, public readonly namespace: string, private readonly ruleLabels?: { [key: string]: string }) {
    super(scope, id);
    this.prometheusKey = `${namespace}/${id.toLowerCase()}`;
  }

  public selectionLabels(kind: SelectableKind): { [key: string]: string } {
    if (kind !== SelectableKind.PROMETHEUS_RULE || !this.ruleLabels) {
      throw new ValidationError(this, 'ruleSelector', `Prometheus ${this.prometheusKey} selects no ${kind}s (the selector is none).`);
    }
    return { ...this.ruleLabels };
  }
}
