import { ApiObject, Chart, Duration, JsonPatch, Testing } from 'cdk8s';
import { RuleSelectingPrometheus, ruleFileOf, synthAndCheckRules } from './rule-tools';
import { AlertRuleGroup, PartialResponseStrategy, Rule } from '../../src/rules';
import { promtoolCheckRules } from '../support/prometheus-tools';

// The tests build partial apps on purpose: the checks' warnings about them are not printed (errors still fail synth).
process.env.CDK8S_PROMETHEUS_CHECKS = 'silent';

function chart(namespace = 'apps'): Chart {
  return new Chart(Testing.app(), 'test', { namespace });
}

describe('AlertRuleGroup', () => {
  test('defaults: name from the construct path, the chart\'s namespace, one group named after the PrometheusRule', () => {
    const c = chart();
    const rules = new AlertRuleGroup(c, 'WebRules', { rules: [Rule.alert({ alert: 'WebDown', expr: 'up{job="web"} == 0' })] });
    const [manifest] = synthAndCheckRules(c);
    expect(manifest.apiVersion).toBe('monitoring.coreos.com/v1');
    expect(manifest.kind).toBe('PrometheusRule');
    expect(manifest.metadata).toEqual({ name: rules.name, namespace: 'apps' });
    expect(rules.name).toMatch(/^test-webrules-/);
    expect(rules.namespace).toBe('apps');
    expect(manifest.spec.groups).toEqual([{ name: rules.name, rules: [{ alert: 'WebDown', expr: 'up{job="web"} == 0' }] }]);
  });

  test('alerting rules render for, keep_firing_for, labels and the summary, description and runbook_url annotations', () => {
    const c = chart();
    new AlertRuleGroup(c, 'Rules', {
      metadata: { name: 'web-alerts' },
      groupName: 'web.rules',
      rules: [Rule.alert({
        alert: 'HighErrorRate',
        expr: 'sum(rate(http_requests_total{code=~"5.."}[5m])) / sum(rate(http_requests_total[5m])) > 0.05',
        for: Duration.minutes(90),
        keepFiringFor: Duration.minutes(10),
        labels: { severity: 'critical', team: 'web' },
        summary: 'Error rate above 5% for {{ $labels.job }}',
        description: 'The error rate is {{ $value | humanizePercentage }}.',
        runbookUrl: 'https://runbooks.example.com/HighErrorRate',
        annotations: { dashboard: 'https://grafana.example.com/d/web' },
      })],
    });
    const [manifest] = synthAndCheckRules(c);
    expect(manifest.spec.groups[0]).toEqual({
      name: 'web.rules',
      rules: [{
        alert: 'HighErrorRate',
        expr: 'sum(rate(http_requests_total{code=~"5.."}[5m])) / sum(rate(http_requests_total[5m])) > 0.05',
        for: '1h30m',
        keep_firing_for: '10m',
        labels: { severity: 'critical', team: 'web' },
        annotations: {
          dashboard: 'https://grafana.example.com/d/web',
          summary: 'Error rate above 5% for {{ $labels.job }}',
          description: 'The error rate is {{ $value | humanizePercentage }}.',
          runbook_url: 'https://runbooks.example.com/HighErrorRate',
        },
      }],
    });
  });

  test('recording and alerting rules keep their order within a group', () => {
    const c = chart();
    const rules = new AlertRuleGroup(c, 'Rules', { metadata: { name: 'api' } });
    rules.addRecord({ record: 'job:http_requests:rate5m', expr: 'sum by (job) (rate(http_requests_total[5m]))', labels: { tier: 'api' } });
    rules.addAlert({ alert: 'NoTraffic', expr: 'job:http_requests:rate5m == 0', for: Duration.minutes(10) });
    rules.addRule(Rule.record({ record: 'job:http_requests:rate1h', expr: 'avg_over_time(job:http_requests:rate5m[1h])' }));
    const [manifest] = synthAndCheckRules(c);
    expect(manifest.spec.groups[0].rules.map((r: any) => r.record ?? r.alert)).toEqual(['job:http_requests:rate5m', 'NoTraffic', 'job:http_requests:rate1h']);
    expect(manifest.spec.groups[0].rules[0].labels).toEqual({ tier: 'api' });
    expect(rules.defaultGroup.ruleCount).toBe(3);
  });

  test('the labels the Prometheus\'s ruleSelector needs are added to the PrometheusRule\'s own labels', () => {
    const c = chart('monitoring');
    const prometheus = new RuleSelectingPrometheus(c, 'Example', 'monitoring', { role: 'alert-rules', prometheus: 'example' });
    new AlertRuleGroup(c, 'Rules', {
      prometheus,
      metadata: { name: 'example-alerts', labels: { team: 'sre' } },
      rules: [Rule.alert({ alert: 'ExampleAlert', expr: 'vector(1)', labels: { severity: 'none' } })],
    });
    const [manifest] = synthAndCheckRules(c);
    expect(manifest.metadata.labels).toEqual({ role: 'alert-rules', prometheus: 'example', team: 'sre' });
  });

  test('a label already set to the selected value is accepted', () => {
    const c = chart('monitoring');
    const prometheus = new RuleSelectingPrometheus(c, 'Example', 'monitoring', { role: 'alert-rules' });
    new AlertRuleGroup(c, 'Rules', { prometheus, metadata: { labels: { role: 'alert-rules' } }, rules: [Rule.alert({ alert: 'A', expr: 'up == 0' })] });
    expect(synthAndCheckRules(c)[0].metadata.labels).toEqual({ role: 'alert-rules' });
  });

  test('group settings: interval, limit, query_offset, partial_response_strategy and group labels', () => {
    const c = chart();
    const rules = new AlertRuleGroup(c, 'Rules', {
      metadata: { name: 'slo' },
      groupName: 'slo.fast',
      interval: Duration.seconds(30),
      limit: 100,
      queryOffset: Duration.minutes(1),
      partialResponseStrategy: PartialResponseStrategy.WARN,
      groupLabels: { slo: 'availability' },
      rules: [Rule.record({ record: 'slo:errors:ratio_rate5m', expr: 'sum(rate(errors_total[5m])) / sum(rate(requests_total[5m]))' })],
    });
    rules.addGroup({ name: 'slo.slow', interval: Duration.minutes(5), rules: [Rule.alert({ alert: 'SLOBurn', expr: 'slo:errors:ratio_rate5m > 0.01' })] });
    const [manifest] = synthAndCheckRules(c);
    expect(manifest.spec.groups).toEqual([
      {
        name: 'slo.fast',
        interval: '30s',
        limit: 100,
        query_offset: '1m',
        partial_response_strategy: 'warn',
        labels: { slo: 'availability' },
        rules: [{ record: 'slo:errors:ratio_rate5m', expr: 'sum(rate(errors_total[5m])) / sum(rate(requests_total[5m]))' }],
      },
      { name: 'slo.slow', interval: '5m', rules: [{ alert: 'SLOBurn', expr: 'slo:errors:ratio_rate5m > 0.01' }] },
    ]);
    expect(rules.groupNames).toEqual(['slo.fast', 'slo.slow']);
  });

  test('the operator\'s rule file for a Prometheus 2.x drops Thanos and Prometheus 3 fields, and promtool accepts it', () => {
    const c = chart();
    new AlertRuleGroup(c, 'Rules', {
      partialResponseStrategy: PartialResponseStrategy.ABORT,
      groupLabels: { team: 'x' },
      rules: [Rule.alert({ alert: 'A', expr: 'up == 0' })],
    });
    const manifest = Testing.synth(c)[0];
    expect(manifest.spec.groups[0].partial_response_strategy).toBe('abort');
    const file = ruleFileOf(manifest);
    expect(file.groups[0]).not.toHaveProperty('partial_response_strategy');
    expect(file.groups[0]).not.toHaveProperty('labels');
    // promtool 2.53 rejects the raw group, which is why the operator strips these fields for it.
    expect(promtoolCheckRules({ groups: manifest.spec.groups }).status).not.toBe(0);
    expect(promtoolCheckRules(file).status).toBe(0);
  });

  test('groups without rules are not rendered', () => {
    const c = chart();
    const rules = new AlertRuleGroup(c, 'Rules');
    rules.addGroup({ name: 'only', rules: [Rule.alert({ alert: 'A', expr: 'up == 0' })] });
    expect(synthAndCheckRules(c)[0].spec.groups.map((g: any) => g.name)).toEqual(['only']);
  });

  test('the PrometheusRule is the child "Resource" and JSON patches apply to it', () => {
    const c = chart();
    const rules = new AlertRuleGroup(c, 'Rules', { rules: [Rule.alert({ alert: 'A', expr: 'up == 0' })] });
    expect(rules.node.findChild('Resource')).toBe(rules.resource);
    ApiObject.of(rules.resource).addJsonPatch(JsonPatch.add('/metadata/annotations', { owner: 'sre' }));
    expect(synthAndCheckRules(c)[0].metadata.annotations).toEqual({ owner: 'sre' });
  });

  test('rules with templates, multi-line expressions and every common function pass promtool', () => {
    const c = chart();
    new AlertRuleGroup(c, 'Rules', {
      metadata: { name: 'node' },
      rules: [
        Rule.alert({
          alert: 'DiskWillFillIn4Hours',
          expr: 'predict_linear(node_filesystem_free_bytes{fstype!~"tmpfs|overlay"}[1h], 4 * 3600) < 0\nand on (instance, device) node_filesystem_readonly == 0',
          for: Duration.minutes(5),
          labels: { severity: 'warning' },
          description: 'Filesystem {{ $labels.device }} on {{ $labels.instance }} will fill up within 4 hours.',
        }),
        Rule.record({ record: 'instance:node_cpu:ratio', expr: '1 - avg without (cpu, mode) (rate(node_cpu_seconds_total{mode="idle"}[5m]))' }),
        Rule.alert({ alert: 'Watchdog', expr: 'vector(1)', labels: { severity: 'none' } }),
        Rule.alert({ alert: 'TargetMissing', expr: 'absent(up{job="node"})', keepFiringFor: Duration.minutes(15) }),
      ],
    });
    expect(synthAndCheckRules(c)[0].spec.groups[0].rules).toHaveLength(4);
  });

  test('snapshot of a PrometheusRule selected by a Prometheus', () => {
    const c = chart('monitoring');
    const prometheus = new RuleSelectingPrometheus(c, 'Example', 'monitoring', { role: 'alert-rules', prometheus: 'example' });
    const rules = new AlertRuleGroup(c, 'ExampleAlerts', { prometheus, metadata: { name: 'example-alerts' }, groupName: 'example.rules', interval: Duration.minutes(1) });
    rules.addRecord({ record: 'job:up:avg', expr: 'avg by (job) (up)' });
    rules.addAlert({
      alert: 'JobDown',
      expr: 'job:up:avg == 0',
      for: Duration.minutes(5),
      labels: { severity: 'critical' },
      summary: 'Job {{ $labels.job }} is down',
      runbookUrl: 'https://runbooks.example.com/JobDown',
    });
    expect(synthAndCheckRules(c)).toMatchSnapshot();
  });
});
