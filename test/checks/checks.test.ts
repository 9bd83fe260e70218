import { ApiObject, Chart, JsonPatch, Testing } from 'cdk8s';
import { webApp } from './app-fixture';
import { Checks, FindingSeverity } from '../../src/checks';

const MISSING_RELEASE = '[SEL-MONITOR-UNSELECTED] ERROR ServiceMonitor apps/web (Web/Monitor) metadata.labels: no Prometheus selects it: '
  + 'Prometheus monitoring/k8s needs labels release=prometheus (missing). Prometheus will not scrape its targets. Fix: add labels '
  + '{release=prometheus} to the ServiceMonitor (what Prometheus monitoring/k8s selects), or widen spec.serviceMonitorSelector of '
  + 'Prometheus monitoring/k8s.';
const WRONG_PORT = '[PORT-SERVICE-PORT-NAME] ERROR ServiceMonitor apps/web (Web/Monitor) spec.endpoints[0].port: "metric" is not a port '
  + 'name of the selected Services: Service apps/web has ports [http 80→http, metrics 9090→metrics]. Prometheus will drop every target '
  + 'of this endpoint. Fix: set port: metrics.';

let stderr: jest.SpyInstance;
beforeEach(() => {
  stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
});
afterEach(() => stderr.mockRestore());

function printed(): string {
  return stderr.mock.calls.map((c) => String(c[0])).join('');
}

describe('Checks at synth', () => {
  test('a correct app synthesizes without findings', () => {
    const { app } = webApp();
    Checks.enable(app);
    expect(Checks.of(app).run()).toEqual([]);
    expect(() => app.synthYaml()).not.toThrow();
    expect(printed()).toBe('');
  });

  test('the demo mistakes fail synth with every error listed at once, naming the construct path', () => {
    const { app } = webApp({ monitorLabels: {}, monitorPort: 'metric' });
    Checks.enable(app);
    expect(() => app.synthYaml()).toThrow(
      'Validation failed with the following errors:\n'
      + `  [cdk8s-prometheus-checks] ${WRONG_PORT}\n`
      + `  [cdk8s-prometheus-checks] ${MISSING_RELEASE}`,
    );
  });

  test('without Checks.enable nothing is checked', () => {
    const { app } = webApp({ monitorLabels: {} });
    expect(() => app.synthYaml()).not.toThrow();
  });

  test('warnings are printed and do not fail synth', () => {
    const { app, monitoring } = webApp();
    monitoring.prometheus.addJsonPatch(JsonPatch.remove('/spec/storage'));
    Checks.enable(app);
    expect(() => app.synthYaml()).not.toThrow();
    expect(printed()).toBe(
      'cdk8s-prometheus checks: 0 error(s), 1 warning(s), 0 note(s), 0 acknowledged\n'
      + '  [HA-EPHEMERAL-STORAGE] WARN Prometheus monitoring/k8s (Monitoring/Prometheus) spec.storage: unset, so data lives on an emptyDir '
      + 'volume (retention 24h cannot outlive a restart). Metrics are lost whenever a pod is recreated. Fix: set spec.storage.volumeClaimTemplate, '
      + 'or acknowledge this finding if ephemeral data is intended.\n',
    );
  });

  test('printing can be turned off', () => {
    const { app, monitoring } = webApp();
    monitoring.prometheus.addJsonPatch(JsonPatch.remove('/spec/storage'));
    Checks.enable(app, { printFindings: false });
    app.synthYaml();
    expect(printed()).toBe('');
  });

  test('the checks see objects after JSON patches', () => {
    const { app, web } = webApp({ monitorLabels: {} });
    Checks.enable(app);
    web.monitor.addJsonPatch(JsonPatch.add('/metadata/labels', { release: 'prometheus' }));
    expect(() => app.synthYaml()).not.toThrow();
  });

  test('an acknowledged error is listed with its reason and does not fail synth', () => {
    const { app, web } = webApp({ monitorLabels: {} });
    Checks.enable(app);
    Checks.acknowledge(web, 'SEL-MONITOR-UNSELECTED', 'scraped by the platform team\'s Prometheus');
    expect(() => app.synthYaml()).not.toThrow();
    const [finding] = Checks.of(app).run();
    expect(finding.acknowledgement).toBe('scraped by the platform team\'s Prometheus');
    expect(finding.severity).toBe(FindingSeverity.ERROR);
    expect(printed()).toBe(
      'cdk8s-prometheus checks: 0 error(s), 0 warning(s), 0 note(s), 1 acknowledged\n'
      + `  ${MISSING_RELEASE} Acknowledged: scraped by the platform team's Prometheus.\n`,
    );
  });

  test('an acknowledgement covers only the constructs under its scope and only its ID', () => {
    const { app, monitoring, web } = webApp({ monitorLabels: {}, monitorPort: 'metric' });
    Checks.enable(app);
    Checks.acknowledge(monitoring, 'SEL-MONITOR-UNSELECTED', 'not here');
    Checks.acknowledge(web, 'HA-PDB', 'other ID');
    expect(Checks.of(app).run().map((f) => [f.id, f.acknowledgement])).toEqual([
      ['PORT-SERVICE-PORT-NAME', undefined],
      ['SEL-MONITOR-UNSELECTED', undefined],
    ]);
  });

  test('acknowledging on the app covers app-wide findings', () => {
    const app = Testing.app();
    const chart = new Chart(app, 'Only');
    new ApiObject(chart, 'Monitor', {
      apiVersion: 'monitoring.coreos.com/v1',
      kind: 'ServiceMonitor',
      metadata: { name: 'm', namespace: 'apps' },
      spec: { selector: {}, endpoints: [{ port: 'metrics' }] },
    });
    Checks.enable(app);
    Checks.acknowledge(app, 'SEL-MONITOR-UNSELECTED', 'the Prometheus is deployed by another team');
    Checks.acknowledge(app, 'WIRE-NO-MATCHING-TARGET-OBJECT', 'the Service comes from a Helm chart');
    const findings = Checks.of(app).run();
    expect(findings.map((f) => [f.id, f.severity, f.acknowledgement])).toEqual([
      ['SEL-MONITOR-UNSELECTED', FindingSeverity.WARN, 'the Prometheus is deployed by another team'],
      ['WIRE-NO-MATCHING-TARGET-OBJECT', FindingSeverity.WARN, 'the Service comes from a Helm chart'],
    ]);
  });

  test('one Checks per app, validated once however many charts', () => {
    const { app, monitoring, web } = webApp({ monitorLabels: {} });
    expect(Checks.of(monitoring)).toBe(Checks.of(web));
    expect(Checks.enable(app)).toBe(Checks.of(app));
    let error = '';
    try {
      app.synthYaml();
    } catch (e) {
      error = (e as Error).message;
    }
    expect(error.split('SEL-MONITOR-UNSELECTED').length - 1).toBe(1);
  });

  test('report() lists the findings as text', () => {
    const { app } = webApp({ monitorLabels: {} });
    expect(Checks.of(app).report()).toBe(`cdk8s-prometheus checks: 1 error(s), 0 warning(s), 0 note(s), 0 acknowledged\n  ${MISSING_RELEASE}`);
    expect(Checks.of(webApp().app).report()).toBe('No findings.');
  });

  test('acknowledge rejects unknown IDs and empty reasons, naming the construct', () => {
    const { web } = webApp();
    expect(() => Checks.acknowledge(web, 'SEL-MONITOR-UNSELECTD', 'x')).toThrow(
      'Web: id: "SEL-MONITOR-UNSELECTD" is not a check ID. Use one of the IDs the findings show, e.g. SEL-MONITOR-UNSELECTED.');
    expect(() => Checks.acknowledge(web, 'HA-PDB', ' ')).toThrow('Web: reason: acknowledging HA-PDB needs a reason. Say why the finding is acceptable here.');
  });
});

describe('Checks and constructs that create objects when validated', () => {
  test('objects a construct adds in its own validation are checked, wherever it sits in the tree', () => {
    const { app, web } = webApp();
    Checks.enable(app);
    // A construct after the checks in validation order, adding an object when validated (as the
    // Prometheus RBAC construct does).
    const late = new Chart(app, 'Late', { namespace: 'apps' });
    late.node.addValidation({
      validate: () => {
        late.node.tryRemoveChild('Extra');
        new ApiObject(late, 'Extra', {
          apiVersion: 'monitoring.coreos.com/v1',
          kind: 'ServiceMonitor',
          metadata: { name: 'late' },
          spec: { selector: { matchLabels: { app: 'web' } }, endpoints: [{ port: 'metrics' }] },
        });
        return [];
      },
    });
    expect(web.node.path).toBe('Web');
    expect(() => app.synthYaml()).toThrow(/\[SEL-MONITOR-UNSELECTED\] ERROR ServiceMonitor apps\/late \(Late\/Extra\)/);
  });
});

describe('objects outside the app', () => {
  test('a declared external Prometheus is used for selection but gets no findings of its own', () => {
    const app = Testing.app();
    const chart = new Chart(app, 'Web', { namespace: 'apps' });
    new ApiObject(chart, 'Monitor', {
      apiVersion: 'monitoring.coreos.com/v1',
      kind: 'ServiceMonitor',
      metadata: { name: 'web' },
      spec: { selector: { matchLabels: { app: 'web' } }, endpoints: [{ port: 'metrics' }] },
    });
    const checks = Checks.enable(app, { printFindings: false });
    expect(checks.run().map((f) => f.id)).toEqual(['SEL-MONITOR-UNSELECTED', 'WIRE-NO-MATCHING-TARGET-OBJECT']);
    checks.declareExternal({
      apiVersion: 'monitoring.coreos.com/v1',
      kind: 'Prometheus',
      metadata: { name: 'k8s', namespace: 'monitoring' },
      spec: { serviceMonitorSelector: { matchLabels: { release: 'prometheus' } }, serviceMonitorNamespaceSelector: {} },
    });
    expect(checks.run().map((f) => f.message)).toEqual([
      '[SEL-MONITOR-UNSELECTED] ERROR ServiceMonitor apps/web (Web/Monitor) metadata.labels: no Prometheus selects it: Prometheus '
      + 'monitoring/k8s needs labels release=prometheus (missing). Prometheus will not scrape its targets. Fix: add labels '
      + '{release=prometheus} to the ServiceMonitor (what Prometheus monitoring/k8s selects), or widen spec.serviceMonitorSelector of '
      + 'Prometheus monitoring/k8s.',
      '[WIRE-NO-MATCHING-TARGET-OBJECT] WARN ServiceMonitor apps/web (Web/Monitor) spec.selector: cannot verify {app=web}: the app defines no '
      + 'Service in namespace apps. If no Service there carries these labels, Prometheus will discover no targets. Fix: include the Services '
      + 'in the checked objects, or acknowledge this finding.',
    ]);
    Checks.acknowledge(chart, 'SEL-MONITOR-UNSELECTED', 'a test of external objects');
    expect(Testing.synth(chart).map((o) => o.kind)).toEqual(['ServiceMonitor']);
  });

  test('a declared external object needs apiVersion, kind and name', () => {
    const checks = Checks.of(Testing.app());
    expect(() => checks.declareExternal({ kind: 'Namespace' })).toThrow(
      'cdk8s-prometheus-checks: declareExternal: the manifest needs apiVersion, kind and metadata.name');
  });
});
