import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parse, parseAllDocuments } from 'yaml';
import { run, STACK } from './run';

const jobs = (yamlText: string) => (parse(yamlText).scrape_configs as any[]).map((j) => j.job_name);

function tmpFile(name: string, text: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-'));
  fs.writeFileSync(path.join(dir, name), text);
  return path.join(dir, name);
}

const PROM = 'apiVersion: monitoring.coreos.com/v1\nkind: Prometheus\nmetadata: {name: p, namespace: m}\nspec: {serviceMonitorSelector: {}}\n';

describe('render', () => {
  test('--prometheus prints that configuration alone', async () => {
    const r = await run(['render', '-f', STACK, '-R', '--prometheus', 'monitoring/k8s']);
    expect(r.status).toBe(0);
    expect(r.stdout).not.toMatch(/^#/);
    expect(jobs(r.stdout)).toEqual(['serviceMonitor/apps/web/0']);
    expect(parse(r.stdout).rule_files).toHaveLength(3);
  });

  test('without --prometheus each configuration is a document preceded by a comment naming it', async () => {
    const r = await run(['render', '-f', STACK, '-R']);
    expect(r.status).toBe(0);
    const docs = parseAllDocuments(r.stdout);
    expect(docs).toHaveLength(2);
    expect(r.stdout).toMatch(/^# Prometheus monitoring\/k8s\n/);
    expect(r.stdout).toContain('---\n# PrometheusAgent monitoring/edge\n');
    expect((docs[1].toJS().scrape_configs as any[]).map((j) => j.job_name)).toEqual(['serviceMonitor/apps/edge-web/0']);
  });

  test('rejected and undecided monitors are warnings on stderr, and the exit status is 0', async () => {
    const r = await run(['render', '-f', STACK, '-R', '--prometheus', 'monitoring/k8s']);
    expect(r.stderr.split('\n').filter((l) => l !== '')).toEqual([
      'warning: Prometheus monitoring/k8s: ServiceMonitor apps/broken rejected: endpoints[0]: scrapeTimeout "20s" greater than scrapeInterval "10s"',
      'warning: Prometheus monitoring/k8s: ServiceMonitor unlabelled/elsewhere may or may not be selected: Namespace "unlabelled" is not among '
        + 'the input objects, so whether serviceMonitorNamespaceSelector (monitoring=enabled) selects it cannot be told',
    ]);
  });

  test('-f - reads the manifests from stdin', async () => {
    const r = await run(['render', '-f', '-'], `${PROM}---\napiVersion: monitoring.coreos.com/v1\nkind: ServiceMonitor\nmetadata: {name: s, namespace: m}\nspec: {endpoints: [{port: web}]}\n`);
    expect(r.status).toBe(0);
    expect(jobs(r.stdout.replace(/^#.*\n/, ''))).toEqual(['serviceMonitor/m/s/0']);
  });

  test('several -f are read together', async () => {
    const sm = tmpFile('sm.yaml', 'apiVersion: monitoring.coreos.com/v1\nkind: ServiceMonitor\nmetadata: {name: s, namespace: m}\nspec: {endpoints: [{port: web}]}\n');
    const r = await run(['render', '-f', tmpFile('p.yaml', PROM), '-f', sm, '--prometheus', 'm/p']);
    expect(jobs(r.stdout)).toEqual(['serviceMonitor/m/s/0']);
  });

  test('--skip-selection renders every monitor', async () => {
    const r = await run(['render', '-f', STACK, '-R', '--prometheus', 'monitoring/k8s', '--skip-selection']);
    expect(jobs(r.stdout)).toEqual(['serviceMonitor/apps/broken/0', 'serviceMonitor/apps/edge-web/0', 'serviceMonitor/apps/web/0', 'serviceMonitor/unlabelled/elsewhere/0']);
  });

  test('--no-defaults leaves out the CRD defaults', async () => {
    const withDefaults = await run(['render', '-f', STACK, '-R', '--prometheus', 'monitoring/k8s']);
    const without = await run(['render', '-f', STACK, '-R', '--prometheus', 'monitoring/k8s', '--no-defaults']);
    expect(parse(withDefaults.stdout).global.scrape_interval).toBe('30s');
    expect(parse(without.stdout).global.scrape_interval).toBe('');
  });

  test('--endpointslice, --feature-gates and --pod-topology-labels reach the renderer', async () => {
    const p = tmpFile('p.yaml', [
      'apiVersion: monitoring.coreos.com/v1', 'kind: Prometheus', 'metadata: {name: p, namespace: m}',
      'spec: {serviceMonitorSelector: {}, serviceDiscoveryRole: EndpointSlice, shards: 2,',
      '  shardingStrategy: {mode: Topology, topology: {values: [a, b]}}}',
      '---', 'apiVersion: monitoring.coreos.com/v1', 'kind: ServiceMonitor', 'metadata: {name: s, namespace: m}', 'spec: {endpoints: [{port: web}]}',
    ].join('\n'));
    const plain = await run(['render', '-f', p, '--prometheus', 'm/p']);
    const flagged = await run(['render', '-f', p, '--prometheus', 'm/p', '--endpointslice', '--feature-gates', 'PrometheusTopologySharding', '--pod-topology-labels']);
    expect(parse(plain.stdout).scrape_configs[0].kubernetes_sd_configs[0].role).toBe('endpoints');
    expect(parse(flagged.stdout).scrape_configs[0].kubernetes_sd_configs[0].role).toBe('endpointslice');
    expect(flagged.stdout).toContain('$(TOPOLOGY_ZONE)');
    expect(plain.stdout).not.toContain('$(TOPOLOGY_ZONE)');
  });

  test('an unknown feature gate is an error', async () => {
    const r = await run(['render', '-f', STACK, '-R', '--feature-gates', 'Nope']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^cdk8s-prometheus render: unknown feature gate "Nope" \(known: PrometheusAgentDaemonSet, /);
  });

  test('without -f it is an error', async () => {
    const r = await run(['render']);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('cdk8s-prometheus render: no input: give -f <path> (a file, a folder, or - for stdin) (see cdk8s-prometheus render --help)\n');
  });

  test('malformed YAML is a one-line error naming the file and document, with nothing on stdout', async () => {
    const file = tmpFile('bad.yaml', `${PROM}---\nkind: [Secret\n`);
    const r = await run(['render', '-f', file]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(new RegExp(`^error: ${file.replace(/[.]/g, '\\.')}:\\d+ \\(document 2\\): malformed YAML: [^\\n]+\\n$`));
  });

  test('an object without kind is an error naming the file and document', async () => {
    const file = tmpFile('nokind.yaml', `${PROM}---\napiVersion: v1\nmetadata: {name: x}\n`);
    const r = await run(['render', '-f', file]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`error: ${file}:6 (document 2): the object has no kind (every Kubernetes object needs apiVersion, kind and metadata.name)\n`);
  });

  test('a missing Secret key the Prometheus refers to is an error naming the file and document', async () => {
    const file = tmpFile('rw.yaml', [
      'apiVersion: v1', 'kind: Secret', 'metadata: {name: rw, namespace: m}', 'stringData: {user: u}', '---',
      'apiVersion: monitoring.coreos.com/v1', 'kind: Prometheus', 'metadata: {name: p, namespace: m}',
      'spec: {remoteWrite: [{url: "http://r", basicAuth: {username: {name: rw, key: user}, password: {name: rw, key: pass}}}]}',
    ].join('\n'));
    const r = await run(['render', '-f', file]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(new RegExp(`^error: ${file.replace(/[.]/g, '\\.')}:6 \\(document 2\\): Prometheus m/p spec\\.remoteWrite\\[0\\]\\.basicAuth\\.password: key "pass" in secret m/rw not found`));
    expect(r.stderr.trimEnd()).not.toContain('\n');
  });

  test('an unknown --prometheus is an error listing the known ones', async () => {
    const r = await run(['render', '-f', STACK, '-R', '--prometheus', 'monitoring/nope']);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('error: no Prometheus or PrometheusAgent "monitoring/nope" in the input (expected namespace/name; found: monitoring/k8s, monitoring/edge)\n');
  });

  test('--prometheus must be namespace/name', async () => {
    const r = await run(['render', '-f', STACK, '-R', '--prometheus', 'k8s']);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('cdk8s-prometheus render: --prometheus takes namespace/name (e.g. monitoring/k8s), not "k8s" (see cdk8s-prometheus render --help)\n');
  });

  test('input without any Prometheus is an error', async () => {
    const r = await run(['render', '-f', '-'], 'apiVersion: v1\nkind: Secret\nmetadata: {name: s}\n');
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('error: no Prometheus (monitoring.coreos.com/v1) or PrometheusAgent (v1alpha1) in the input\n');
  });
});

describe('folders', () => {
  test('subfolders are read only with -R, as kubectl apply does', async () => {
    const flat = await run(['render', '-f', STACK, '--prometheus', 'monitoring/k8s']);
    expect(flat.status).toBe(0);
    expect(jobs(flat.stdout)).toEqual([]);
    const recursive = await run(['render', '-f', STACK, '--recursive', '--prometheus', 'monitoring/k8s']);
    expect(jobs(recursive.stdout)).toEqual(['serviceMonitor/apps/web/0']);
  });
});
