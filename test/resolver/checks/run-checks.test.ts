import { baselineApp, modify } from './fixtures';
import { CHECKS, FindingSeverity, formatFinding, runChecks } from '../../../src/resolver/checks';

describe('runChecks', () => {
  test('every check has a unique catalogue-style ID and a description', () => {
    const ids = CHECKS.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const c of CHECKS) {
      expect(c.id).toMatch(/^[A-Z]+(-[A-Z0-9]+)+$/);
      expect(c.description.length).toBeGreaterThan(10);
    }
  });

  test('the baseline app is clean', () => {
    expect(runChecks(baselineApp())).toEqual([]);
  });

  test('messages name the construct path or file given as source', () => {
    const app = modify(baselineApp(), 'ServiceMonitor', 'web', (m) => { m.metadata.labels = {}; });
    const sources = app.map((o) => (o.kind === 'ServiceMonitor' ? { constructPath: 'Demo/Web/Monitor/Resource' } : { file: 'app.yaml', document: 2 }));
    const [finding] = runChecks(app, { sources });
    expect(finding.source).toEqual({ constructPath: 'Demo/Web/Monitor/Resource' });
    expect(formatFinding(finding)).toMatch(/^\[SEL-MONITOR-UNSELECTED\] ERROR ServiceMonitor apps\/web \(Demo\/Web\/Monitor\/Resource\) metadata.labels: /);
    expect(formatFinding({ ...finding, source: { file: 'app.yaml', document: 2 } })).toContain('ServiceMonitor apps/web (app.yaml#3) metadata.labels:');
  });

  test('findings are ordered by severity, then namespace, kind and name', () => {
    const app = modify(modify(baselineApp(), 'ServiceMonitor', 'web', (m) => { m.spec.endpoints[0] = { port: 'metrics', path: 'metrics' }; }),
      'Prometheus', 'k8s', (p) => { delete p.spec.storage; });
    expect(runChecks(app).map((f) => `${f.severity} ${f.id}`)).toEqual([
      'WARN HA-EPHEMERAL-STORAGE',
      'INFO SCRAPE-PATH',
    ]);
  });

  test('only runs the named checks', () => {
    const app = modify(baselineApp(), 'ServiceMonitor', 'web', (m) => { m.metadata.labels = {}; m.spec.endpoints[0].port = 'x'; });
    expect(runChecks(app, { only: ['PORT-SERVICE-PORT-NAME'] }).map((f) => f.id)).toEqual(['PORT-SERVICE-PORT-NAME']);
  });

  test('an acknowledged finding says so and why', () => {
    const line = formatFinding({
      id: 'HA-EPHEMERAL-STORAGE',
      severity: FindingSeverity.WARN,
      kind: 'Prometheus',
      namespace: 'monitoring',
      name: 'k8s',
      field: 'spec.storage',
      problem: 'unset',
      acknowledgement: 'a test cluster',
    });
    expect(line).toBe('[HA-EPHEMERAL-STORAGE] WARN Prometheus monitoring/k8s spec.storage: unset. Acknowledged: a test cluster.');
  });

  test('the demo mistakes: a missing release label and a wrong port name, every finding at once', () => {
    const app = modify(baselineApp(), 'ServiceMonitor', 'web', (m) => { m.metadata.labels = {}; m.spec.endpoints[0].port = 'metric'; });
    expect(runChecks(app).map(formatFinding)).toEqual([
      '[PORT-SERVICE-PORT-NAME] ERROR ServiceMonitor apps/web spec.endpoints[0].port: "metric" is not a port name of the selected Services: '
      + 'Service apps/web has ports [http 80→http, metrics 9090→metrics]. Prometheus will drop every target of this endpoint. Fix: set port: '
      + 'metrics.',
      '[SEL-MONITOR-UNSELECTED] ERROR ServiceMonitor apps/web metadata.labels: no Prometheus selects it: Prometheus monitoring/k8s needs labels '
      + 'release=prometheus (missing). Prometheus will not scrape its targets. Fix: add labels {release=prometheus} to the ServiceMonitor '
      + '(what Prometheus monitoring/k8s selects), or widen spec.serviceMonitorSelector of Prometheus monitoring/k8s.',
    ]);
  });

  test('objects are not modified', () => {
    const app = baselineApp().map((o) => (o.kind === 'Namespace' ? o : { ...o, metadata: { ...o.metadata, namespace: undefined } }));
    const before = JSON.stringify(app);
    runChecks(app);
    expect(JSON.stringify(app)).toBe(before);
  });
});
