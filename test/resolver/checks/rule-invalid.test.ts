import { baselineApp, messages, prometheusRule } from './fixtures';

const ID = 'RULE-INVALID';

describe(ID, () => {
  test('a type error, a syntax error and a bad duration, each with its position', () => {
    const rule = prometheusRule('apps', 'web-alerts', { release: 'prometheus' }, [{
      name: 'web',
      rules: [
        { alert: 'WebErrorsHigh', expr: 'rate(errors_total)[5m] > 1', for: '5 m' },
        { record: 'job:up:sum', expr: 'sum by (job) (up' },
      ],
    }]);
    expect(messages([...baselineApp(), rule], ID)).toEqual([
      '[RULE-INVALID] ERROR PrometheusRule apps/web-alerts spec.groups[0].rules[0].expr: (alert WebErrorsHigh) 1:19: ranges only allowed for '
      + 'vector selectors ("rate(errors_total)[5m] > 1"). The operator will reject the whole PrometheusRule (1 group, 2 rules). Fix: correct '
      + 'the expression (promtool check rules validates it).',
      '[RULE-INVALID] ERROR PrometheusRule apps/web-alerts spec.groups[0].rules[0].for: (alert WebErrorsHigh) "5 m" is not a Prometheus '
      + 'duration. The operator will reject the whole PrometheusRule (1 group, 2 rules). Fix: use a duration with units, e.g. 5m or 1h30m.',
      '[RULE-INVALID] ERROR PrometheusRule apps/web-alerts spec.groups[0].rules[1].expr: (record job:up:sum) 1:17: unclosed left parenthesis '
      + '("sum by (job) (up"). The operator will reject the whole PrometheusRule (1 group, 2 rules). Fix: correct the expression (promtool '
      + 'check rules validates it).',
    ]);
    // The selection's own rejection is not reported again.
    expect(messages([...baselineApp(), rule]).filter((m) => m.startsWith('[OPERATOR-REJECTED]'))).toEqual([]);
  });

  test('a rule with both alert and record', () => {
    const rule = prometheusRule('apps', 'r', { release: 'prometheus' }, [{ name: 'g', rules: [{ alert: 'A', record: 'a:b', expr: 'up' }] }]);
    expect(messages([...baselineApp(), rule], ID)).toEqual([
      '[RULE-INVALID] ERROR PrometheusRule apps/r spec.groups[0].rules[0].record: (alert A) both alert and record are set. The operator will '
      + 'reject the whole PrometheusRule (1 group, 1 rule). Fix: set exactly one of alert (an alerting rule) or record (a recording rule).',
    ]);
  });

  test('valid rules have no finding', () => {
    const rule = prometheusRule('apps', 'r', { release: 'prometheus' }, [{
      name: 'g', rules: [{ alert: 'A', expr: 'sum by (job) (rate(http_requests_total{code=~"5.."}[5m])) > 0', for: '10m' }],
    }]);
    expect(messages([...baselineApp(), rule], ID)).toEqual([]);
  });
});
