import { baselineApp, messages, prometheusRule } from './fixtures';

const ID = 'RULE-DUPLICATE';

describe(ID, () => {
  test('two groups with the same name in one PrometheusRule', () => {
    const rule = prometheusRule('apps', 'web-alerts', { release: 'prometheus' }, [
      { name: 'web', rules: [{ alert: 'A', expr: 'up == 0' }] },
      { name: 'other', rules: [{ alert: 'B', expr: 'up == 0' }] },
      { name: 'web', rules: [{ alert: 'C', expr: 'up == 0' }] },
    ]);
    expect(messages([...baselineApp(), rule], ID)).toEqual([
      '[RULE-DUPLICATE] ERROR PrometheusRule apps/web-alerts spec.groups[2].name: "web" repeats spec.groups[0].name. The operator will reject '
      + 'this PrometheusRule (groupname is repeated in the same file). Fix: rename or merge the groups.',
    ]);
  });

  test('the same group name in two PrometheusRules is legal', () => {
    const a = prometheusRule('apps', 'a', { release: 'prometheus' }, [{ name: 'web', rules: [{ alert: 'A', expr: 'up == 0' }] }]);
    const b = prometheusRule('apps', 'b', { release: 'prometheus' }, [{ name: 'web', rules: [{ alert: 'B', expr: 'up == 0' }] }]);
    expect(messages([...baselineApp(), a, b], ID)).toEqual([]);
  });
});
