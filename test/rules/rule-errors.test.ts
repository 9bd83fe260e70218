import { Chart, Duration, Testing } from 'cdk8s';
import { RuleSelectingPrometheus } from './rule-tools';
import { AlertRuleGroup, Rule } from '../../src/rules';
import { validationError } from '../common/validation-error';
import { promtoolCheckRules } from '../support/prometheus-tools';

// The tests build partial apps on purpose: the checks' warnings about them are not printed (errors still fail synth).
process.env.CDK8S_PROMETHEUS_CHECKS = 'silent';

function group(): AlertRuleGroup {
  const chart = new Chart(Testing.app(), 'test', { namespace: 'apps' });
  return new AlertRuleGroup(chart, 'Rules', { metadata: { name: 'web' }, groupName: 'web.rules' });
}

describe('AlertRuleGroup rejects bad input with the construct path, the field and what is allowed', () => {
  test('a PromQL syntax error names the group, the rule and promtool\'s position', () => {
    const expr = 'sum(rate(http_requests_total[5m]) by job';
    const e = validationError(() => group().addAlert({ alert: 'WebDown', expr }));
    expect(promtoolCheckRules({ groups: [{ name: 'g', rules: [{ alert: 'WebDown', expr }] }] }).output).toContain('could not parse expression: 1:35: parse error');
    expect(e.message).toBe('test/Rules: groups[0].rules[0].expr: group "web.rules", alert "WebDown": PromQL error at 1:35: unexpected identifier "by" '
      + '(in "sum(rate(http_requests_total[5m]) by job"). Write an expression that Prometheus 3 parses without experimental features; '
      + 'promtool check rules reports the same position.');
    expect(e.constructPath).toBe('test/Rules');
    expect(e.field).toBe('groups[0].rules[0].expr');
  });

  test('a PromQL type error on a later line of a recording rule in a second group', () => {
    const g = group();
    g.addAlert({ alert: 'A', expr: 'up == 0' });
    const e = validationError(() => g.addGroup({ name: 'api.rules', rules: [Rule.record({ record: 'job:req:rate', expr: 'sum by (job) (\n  rate(http_requests_total)\n)' })] }));
    expect(e.field).toBe('groups[1].rules[0].expr');
    expect(e.message).toContain('group "api.rules", recording rule "job:req:rate": PromQL error at 2:8: expected type range vector in call to function "rate", got instant vector');
  });

  test('a misplaced range selector', () => {
    const e = validationError(() => group().addAlert({ alert: 'A', expr: 'rate(errors_total)[5m]' }));
    expect(e.message).toContain('PromQL error at 1:19: ranges only allowed for vector selectors');
  });

  test('an expression whose value no rule can evaluate (a range vector)', () => {
    const e = validationError(() => group().addRecord({ record: 'x:y', expr: 'errors_total[5m]' }));
    expect(e.field).toBe('groups[0].rules[0].expr');
    expect(e.message).toContain('the expression returns a range vector, which a rule cannot evaluate');
    expect(e.message).toContain('Use an expression that returns an instant vector or a scalar');
  });

  test('an empty expression', () => {
    const e = validationError(() => group().addAlert({ alert: 'A', expr: '  ' }));
    expect(e.message).toContain('groups[0].rules[0].expr: group "web.rules", alert "A": the expression is empty. Write a PromQL expression');
  });

  test('a recording rule name that is PromQL pasted in the wrong field', () => {
    const e = validationError(() => group().addRecord({ record: 'sum(rate(x[5m]))', expr: 'sum(rate(x[5m]))' }));
    expect(e.field).toBe('groups[0].rules[0].record');
    expect(e.message).toContain('"sum(rate(x[5m]))" is not a valid recording rule name. It looks like PromQL: the expression belongs in `expr`. Use a metric name');
  });

  test('a recording rule name with a dash', () => {
    const e = validationError(() => group().addRecord({ record: 'job-requests', expr: 'up' }));
    expect(e.message).toContain('"job-requests" is not a valid recording rule name. Use a metric name: letters, digits, \'_\' and \':\'');
  });

  test('an alert name with surrounding spaces', () => {
    const e = validationError(() => group().addAlert({ alert: ' WebDown', expr: 'up == 0' }));
    expect(e.field).toBe('groups[0].rules[0].alert');
    expect(e.message).toContain('" WebDown" is not a valid alert name. Use a non-empty name without leading or trailing spaces');
  });

  test('an invalid rule label name', () => {
    const e = validationError(() => group().addAlert({ alert: 'A', expr: 'up == 0', labels: { 'team-name': 'web' } }));
    expect(e.field).toBe('groups[0].rules[0].labels.team-name');
    expect(e.message).toContain('"team-name" is not a valid label name. Use letters, digits and \'_\'');
  });

  test('the reserved __name__ label on a recording rule', () => {
    const e = validationError(() => group().addRecord({ record: 'a:b', expr: 'up', labels: { __name__: 'c' } }));
    expect(e.message).toContain('groups[0].rules[0].labels.__name__: "__name__" is not a valid label name');
  });

  test('an invalid annotation name', () => {
    const e = validationError(() => group().addAlert({ alert: 'A', expr: 'up == 0', annotations: { 'runbook-url': 'https://x' } }));
    expect(e.field).toBe('groups[0].rules[0].annotations.runbook-url');
    expect(e.message).toContain('is not a valid annotation name. Use letters, digits and \'_\', not starting with a digit (e.g. summary, runbook_url)');
  });

  test('an unclosed template action in an annotation', () => {
    const e = validationError(() => group().addAlert({ alert: 'A', expr: 'up == 0', summary: 'Instance {{ $labels.instance is down' }));
    expect(e.field).toBe('groups[0].rules[0].annotations.summary');
    expect(e.message).toContain('is never closed. Close every "{{" with "}}"');
  });

  test('a fractional duration', () => {
    const e = validationError(() => group().addAlert({ alert: 'A', expr: 'up == 0', for: Duration.millis(1.5) }));
    expect(e.message).toBe('test/Rules: groups[0].rules[0].for: 1.5ms is not a valid Prometheus duration. Use a whole, non-negative number of milliseconds (e.g. Duration.seconds(30)).');
  });

  test('a zero evaluation interval', () => {
    const e = validationError(() => group().addGroup({ name: 'fast', interval: Duration.seconds(0) }));
    expect(e.message).toContain('test/Rules: groups[1].interval: a zero duration is not allowed here');
  });

  test('a negative limit', () => {
    const e = validationError(() => group().addGroup({ name: 'limited', limit: -1 }));
    expect(e.message).toBe('test/Rules: groups[1].limit: -1 is not a valid limit. Use a whole number >= 0 (0 means no limit).');
  });

  test('a repeated group name', () => {
    const g = group();
    const e = validationError(() => g.addGroup({ name: 'web.rules' }));
    expect(e.field).toBe('groups[1].name');
    expect(e.message).toContain('"web.rules" repeats groups[0].name. Group names must be unique within a PrometheusRule');
  });

  test('an empty group name', () => {
    const e = validationError(() => group().addGroup({ name: '' }));
    expect(e.message).toContain('groups[1].name: a rule group needs a non-empty name');
  });

  test('an invalid group label', () => {
    const e = validationError(() => group().addGroup({ name: 'g', labels: { '1x': 'y' } }));
    expect(e.message).toContain('groups[1].labels.1x: "1x" is not a valid label name');
  });

  test('an own label that contradicts the Prometheus\'s ruleSelector', () => {
    const chart = new Chart(Testing.app(), 'test', { namespace: 'monitoring' });
    const prometheus = new RuleSelectingPrometheus(chart, 'K8s', 'monitoring', { role: 'alert-rules' });
    const e = validationError(() => new AlertRuleGroup(chart, 'Rules', { prometheus, metadata: { labels: { role: 'recording' } } }));
    expect(e.message).toBe('test/Rules: metadata.labels.role: "recording" differs from "alert-rules", which Prometheus monitoring/k8s selects '
      + 'PrometheusRules by. Remove the label or set it to "alert-rules".');
  });

  test('a Prometheus that selects no rules', () => {
    const chart = new Chart(Testing.app(), 'test', { namespace: 'monitoring' });
    const prometheus = new RuleSelectingPrometheus(chart, 'K8s', 'monitoring');
    expect(() => new AlertRuleGroup(chart, 'Rules', { prometheus })).toThrow('test/K8s: ruleSelector: Prometheus monitoring/k8s selects no PrometheusRules');
  });

  test('an invalid Kubernetes label on the PrometheusRule', () => {
    const chart = new Chart(Testing.app(), 'test');
    const e = validationError(() => new AlertRuleGroup(chart, 'Rules', { metadata: { labels: { team: 'web ops' } } }));
    expect(e.message).toContain('test/Rules: metadata.labels.team: "web ops" is not a valid Kubernetes label value');
  });

  test('a PrometheusRule without any rule fails at synth', () => {
    const chart = new Chart(Testing.app(), 'test');
    new AlertRuleGroup(chart, 'Rules');
    expect(() => Testing.synth(chart)).toThrow(/spec\.groups: the PrometheusRule has no rules\. Pass rules or call addAlert\(\)/);
  });

  test('a PrometheusRule larger than the operator accepts fails at synth', () => {
    const chart = new Chart(Testing.app(), 'test');
    const g = new AlertRuleGroup(chart, 'Rules');
    const description = 'x'.repeat(6000);
    for (let i = 0; i < 100; i++) {
      g.addAlert({ alert: `Alert${i}`, expr: 'up == 0', description });
    }
    expect(() => Testing.synth(chart)).toThrow(/above the operator's limit of 524288 bytes per PrometheusRule; the operator would reject it. Split the groups/);
  });
});
