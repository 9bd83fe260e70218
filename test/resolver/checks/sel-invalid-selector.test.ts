import { baselineApp, messages, modify } from './fixtures';

const ID = 'SEL-INVALID-SELECTOR';
const FIX = 'Fix: use keys of an optional DNS prefix and "/" plus at most 63 alphanumerics, "-", "_" or "."; values of at most 63 such '
  + 'characters; In/NotIn with at least one value, Exists/DoesNotExist without values.';

describe(ID, () => {
  test('In without values in a monitor selector', () => {
    const app = modify(baselineApp(), 'ServiceMonitor', 'web', (m) => {
      m.spec.selector = { matchExpressions: [{ key: 'app', operator: 'In', values: [] }] };
    });
    expect(messages(app, ID)).toEqual([
      "[SEL-INVALID-SELECTOR] ERROR ServiceMonitor apps/web spec.selector: values: Invalid value: []: for 'in', 'notin' operators, values set "
      + `can't be empty. The operator will reject this ServiceMonitor. ${FIX}`,
    ]);
  });

  test('an invalid Prometheus selector stops the whole reconcile', () => {
    const app = modify(baselineApp(), 'Prometheus', 'k8s', (p) => {
      p.spec.ruleSelector = { matchExpressions: [{ key: 'team', operator: 'Exists', values: ['a'] }] };
    });
    expect(messages(app, ID)).toEqual([
      '[SEL-INVALID-SELECTOR] ERROR Prometheus monitoring/k8s spec.ruleSelector: values: Invalid value: ["a"]: values set must be empty for '
      + `exists and does not exist. The operator will not reconcile this Prometheus at all. ${FIX}`,
    ]);
    // The operator's rejection of the whole Prometheus is not reported a second time.
    expect(messages(app).filter((m) => m.includes('OPERATOR-REJECTED'))).toEqual([]);
  });

  test('a label value over 63 characters', () => {
    const app = modify(baselineApp(), 'Service', 'web', (s) => { s.metadata.labels = { ...s.metadata.labels, owner: 'x'.repeat(64) }; });
    expect(messages(app, ID)).toEqual([
      `[SEL-INVALID-SELECTOR] ERROR Service apps/web metadata.labels["owner"]: must be no more than 63 characters. The API server will reject this Service. ${FIX}`,
    ]);
  });
});
