import { crdSchemaErrors } from './crd-schema';
import { amtoolCheckConfig, promtoolCheckRules } from './prometheus-tools';

describe('test support', () => {
  test('CRD schema validation rejects what the generated types allow', () => {
    const bad = {
      apiVersion: 'monitoring.coreos.com/v1',
      kind: 'ServiceMonitor',
      metadata: { name: 'x', namespace: 'y' },
      spec: { selector: {}, endpoints: [{ port: 'web', scheme: 'ftp', interval: '15 seconds' }] },
    };
    const errors = crdSchemaErrors(bad);
    expect(errors.some((e) => e.includes('/spec/endpoints/0/interval'))).toBe(true);
    expect(errors.some((e) => e.includes('/spec/endpoints/0/scheme'))).toBe(true);
    expect(crdSchemaErrors({ ...bad, spec: { selector: {}, endpoints: [{ port: 'web', interval: '15s' }] } })).toEqual([]);
  });

  test('promtool and amtool run and report errors', () => {
    expect(promtoolCheckRules({ groups: [{ name: 'g', rules: [{ alert: 'A', expr: 'up == 0' }] }] }).status).toBe(0);
    const bad = promtoolCheckRules({ groups: [{ name: 'g', rules: [{ alert: 'A', expr: 'sum(rate(x[5m]) by job' }] }] });
    expect(bad.status).not.toBe(0);
    expect(bad.output).toMatch(/parse error/);
    expect(amtoolCheckConfig('route:\n  receiver: missing\nreceivers:\n- name: other\n').status).not.toBe(0);
  });
});
