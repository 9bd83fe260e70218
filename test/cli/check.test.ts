import { run } from './run';

const GOOD = 'test/cli/check-fixtures/good.yaml';
const PLANTED = 'test/cli/check-fixtures/planted.yaml';

describe('cdk8s-prometheus check', () => {
  test('a correct app: no findings, exit 0', async () => {
    const r = await run(['check', '-f', GOOD]);
    expect(r).toEqual({ status: 0, stdout: '', stderr: 'No findings.\n' });
  });

  test('flags every planted mistake, one per line, and exits 1', async () => {
    const r = await run(['check', '-f', PLANTED]);
    expect(r.status).toBe(1);
    expect(r.stdout.split('\n')).toEqual([
      `[RULE-INVALID] ERROR PrometheusRule apps/web (${PLANTED}:161) spec.groups[0].rules[0].expr: (alert WebDown) 1:24: ranges only allowed for `
      + 'vector selectors ("rate(http_errors_total)[5m] > 0"). The operator will reject the whole PrometheusRule (1 group, 1 rule). Fix: '
      + 'correct the expression (promtool check rules validates it).',
      `[PORT-SERVICE-PORT-NAME] ERROR ServiceMonitor apps/web (${PLANTED}:147) spec.endpoints[0].port: "metric" is not a port name of the `
      + 'selected Services: Service apps/web has ports [http 80→http, metrics 9090→metrics]. Prometheus will drop every target of this '
      + 'endpoint. Fix: set port: metrics.',
      `[SCRAPE-TIMEOUT-GT-INTERVAL] ERROR ServiceMonitor apps/web (${PLANTED}:147) spec.endpoints[0].scrapeTimeout: "45s" is greater than the `
      + 'effective interval "30s" (spec.endpoints[0].interval). The operator will reject this ServiceMonitor. Fix: set interval: 45s or '
      + 'more, or scrapeTimeout ≤ 30s.',
      `[SEL-MONITOR-UNSELECTED] ERROR ServiceMonitor apps/web (${PLANTED}:147) metadata.labels: no Prometheus selects it: Prometheus `
      + 'monitoring/k8s needs labels release=prometheus (missing). Prometheus will not scrape its targets. Fix: add labels '
      + '{release=prometheus} to the ServiceMonitor (what Prometheus monitoring/k8s selects), or widen spec.serviceMonitorSelector of '
      + 'Prometheus monitoring/k8s.',
      `[AM-ALERTING-ENDPOINT] ERROR Prometheus monitoring/k8s (${PLANTED}:15) spec.alerting.alertmanagers[0].name: Service monitoring/main `
      + 'is not in the app (Services in monitoring: [prometheus-operated, alertmanager-operated]); "main" is the name of the Alertmanager, '
      + 'not of a Service. Prometheus will discover no Alertmanager and send no alerts. Fix: set name: alertmanager-operated (the Service '
      + 'the operator creates) or the name of your Alertmanager Service.',
      `[RBAC-DISCOVERY] ERROR Prometheus monitoring/k8s (${PLANTED}:15) spec.serviceAccountName: ServiceAccount monitoring/prometheus-k8s `
      + 'cannot list/watch services, endpoints, pods in namespace backend (needed by ServiceMonitor backend/api). Prometheus will log '
      + '"forbidden" and discover no targets there. Fix: add a Role and RoleBinding in backend granting get, list, watch on services, '
      + 'endpoints, pods, or a ClusterRoleBinding.',
      `[AM-CONFIG-INVALID] ERROR Secret monitoring/alertmanager-main (${PLANTED}:91) alertmanager.yaml: route.routes[0].receiver "null" is `
      + 'not defined (receivers: [team]). Alertmanager will refuse this configuration (it does not start, or keeps its previous '
      + 'configuration). Fix: add the receiver to receivers (e.g. receivers: [{name: "null"}]) or route to an existing one.',
      `[HA-EPHEMERAL-STORAGE] WARN Prometheus monitoring/k8s (${PLANTED}:15) spec.storage: unset, so data lives on an emptyDir volume `
      + '(retention 24h cannot outlive a restart). Metrics are lost whenever a pod is recreated. Fix: set spec.storage.volumeClaimTemplate, '
      + 'or acknowledge this finding if ephemeral data is intended.',
      '',
    ]);
    expect(r.stderr).toBe('7 error(s), 1 warning(s), 0 note(s)\n');
  });

  test('warnings alone exit 0', async () => {
    const r = await run(['check', '-f', PLANTED, '--only', 'HA-EPHEMERAL-STORAGE,HA-PDB']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^\[HA-EPHEMERAL-STORAGE\] WARN Prometheus monitoring\/k8s /);
    expect(r.stderr).toBe('0 error(s), 1 warning(s), 0 note(s)\n');
  });

  test('-o json lists the findings with their source', async () => {
    const r = await run(['check', '-f', PLANTED, '--only', 'SEL-MONITOR-UNSELECTED', '-o', 'json']);
    expect(r.status).toBe(1);
    const [finding] = JSON.parse(r.stdout);
    expect(finding).toMatchObject({
      id: 'SEL-MONITOR-UNSELECTED',
      severity: 'ERROR',
      kind: 'ServiceMonitor',
      namespace: 'apps',
      name: 'web',
      source: { file: PLANTED, document: 11, line: 147 },
      field: 'metadata.labels',
    });
    expect(finding.message).toMatch(/^\[SEL-MONITOR-UNSELECTED\] ERROR ServiceMonitor apps\/web /);
  });

  test('reads stdin and assumes --namespace for objects without one', async () => {
    const manifest = [
      'apiVersion: monitoring.coreos.com/v1',
      'kind: ServiceMonitor',
      'metadata: {name: web}',
      'spec: {selector: {matchLabels: {app: web}}, endpoints: [{port: metrics}]}',
    ].join('\n');
    const r = await run(['check', '-f', '-', '-n', 'apps', '--only', 'MANIFEST-NO-NAMESPACE,WIRE-NO-MATCHING-TARGET-OBJECT'], manifest);
    expect(r.status).toBe(0);
    expect(r.stdout.split('\n')).toEqual([
      '[MANIFEST-NO-NAMESPACE] WARN: 1 namespaced object has no metadata.namespace (ServiceMonitor web); the checks assumed namespace "apps". '
      + 'Selection and RBAC results change if they are applied to another namespace. Fix: set a namespace on the objects (for cdk8s, the '
      + "Chart's namespace).",
      '[WIRE-NO-MATCHING-TARGET-OBJECT] WARN ServiceMonitor apps/web (<stdin>:1) spec.selector: cannot verify {app=web}: the app defines no '
      + 'Service in namespace apps. If no Service there carries these labels, Prometheus will discover no targets. Fix: include the Services '
      + 'in the checked objects, or acknowledge this finding.',
      '',
    ]);
  });

  test('bad input and bad options exit 2 with one line on stderr', async () => {
    expect(await run(['check', '-f', '-'], 'kind: [\n')).toMatchObject({ status: 2, stdout: '' });
    expect(await run(['check', '-f', '-'], '')).toEqual({ status: 2, stdout: '', stderr: 'error: no Kubernetes objects in the input\n' });
    expect(await run(['check'])).toMatchObject({ status: 2, stdout: '' });
    expect(await run(['check', '-f', GOOD, '--only', 'SEL-NOPE'])).toEqual({
      status: 2,
      stdout: '',
      stderr: 'cdk8s-prometheus check: --only takes check IDs, unknown: "SEL-NOPE" (see check --help for the IDs) (see cdk8s-prometheus check --help)\n',
    });
    expect(await run(['check', '-f', GOOD, '-o', 'yaml'])).toMatchObject({ status: 2, stdout: '' });
  });

  test('--help lists the check IDs', async () => {
    const r = await run(['check', '--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Usage: cdk8s-prometheus check -f <path>...');
    expect(r.stdout).toContain('SEL-MONITOR-UNSELECTED');
    expect(r.stdout).toContain('OPERATOR-REJECTED');
  });
});
