import { parseManifests } from '../../../src/resolver/input';
import { resolve, resolveSelections } from '../../../src/resolver/resolve';
import { KubeObject } from '../../../src/resolver/types';
import { namespace, podMonitor, prometheus, prometheusRule, secret, serviceMonitor } from '../select/fixtures';

const jobs = (config: Record<string, unknown>) => (config.scrape_configs as any[]).map((j) => j.job_name);
const own = { namespace: 'monitoring' };

describe('resolve', () => {
  test('renders the monitors each Prometheus selects, and only those', () => {
    const { prometheuses: [r] } = resolve([
      prometheus({ serviceMonitorSelector: { matchLabels: { release: 'p' } } }),
      serviceMonitor({ name: 'in', ...own, labels: { release: 'p' } }),
      serviceMonitor({ name: 'out', ...own }),
    ]);
    expect(r.key).toBe('monitoring/k8s');
    expect(r.kind).toBe('Prometheus');
    expect(jobs(r.config)).toEqual(['serviceMonitor/monitoring/in/0']);
    expect(r.yaml).toContain('job_name: serviceMonitor/monitoring/in/0');
  });

  test('rejected monitors are not rendered and are reported as warnings', () => {
    const { prometheuses: [r] } = resolve([
      prometheus({ podMonitorSelector: {} }),
      podMonitor({ name: 'bad', ...own }, { selector: {}, podMetricsEndpoints: [{ port: 'web', scrapeClass: 'x', bearerTokenSecret: { name: 'nope', key: 't' } }] }),
    ]);
    expect(jobs(r.config)).toEqual([]);
    expect(r.warnings).toEqual(['PodMonitor monitoring/bad rejected: endpoint[0]: bearerTokenSecret: unable to get secret "nope": secrets "nope" not found']);
  });

  test('CRD defaults apply unless noDefaults', () => {
    const objects = [prometheus({ serviceMonitorSelector: {} })];
    expect((resolve(objects).prometheuses[0].config.global as any).scrape_interval).toBe('30s');
    expect((resolve(objects, { noDefaults: true }).prometheuses[0].config.global as any).scrape_interval).toBe('');
  });

  test('objects without a namespace land in "default" unless noDefaults', () => {
    const p = prometheus({ serviceMonitorSelector: {} });
    delete p.metadata.namespace;
    const sm = serviceMonitor({ name: 'web' });
    delete sm.metadata.namespace;
    expect(resolve([p, sm]).prometheuses[0].key).toBe('default/k8s');
    expect(jobs(resolve([p, sm]).prometheuses[0].config)).toEqual(['serviceMonitor/default/web/0']);
    expect(resolve([p, sm], { noDefaults: true }).prometheuses[0].key).toBe('/k8s');
  });

  test('skipSelection renders every monitor, selected or not', () => {
    const { prometheuses: [r] } = resolve([prometheus({}), serviceMonitor({ name: 'a', namespace: 'apps' }), podMonitor({ name: 'b', ...own })], { skipSelection: true });
    expect(jobs(r.config)).toEqual(['serviceMonitor/apps/a/0', 'podMonitor/monitoring/b/0']);
  });

  test('selected PrometheusRules give the rule ConfigMaps in rule_files', () => {
    const { prometheuses: [r] } = resolve([prometheus({ ruleSelector: {} }), prometheusRule({ name: 'r', ...own })]);
    expect(r.selection.selected.rules.map((o) => o.metadata.name)).toEqual(['r']);
    expect(r.config.rule_files).toEqual([0, 1, 2].map((i) => `/etc/prometheus/rules/prometheus-k8s-rulefiles-${i}/*.yaml`));
  });

  test('operator options reach the renderer', () => {
    const objects = [prometheus({ serviceMonitorSelector: {}, serviceDiscoveryRole: 'EndpointSlice' }), serviceMonitor({ name: 'a', ...own })];
    const role = (o: any) => (resolve(objects, o).prometheuses[0].config.scrape_configs as any[])[0].kubernetes_sd_configs[0].role;
    expect(role({})).toBe('endpoints');
    expect(role({ endpointSliceSupport: true })).toBe('endpointslice');
  });

  test('the prometheus option picks one Prometheus', () => {
    const objects = [prometheus({}, { name: 'a' }), prometheus({}, { name: 'b' })];
    expect(resolve(objects, { prometheus: 'monitoring/b' }).prometheuses.map((r) => r.key)).toEqual(['monitoring/b']);
  });

  test('an unknown prometheus option is an input error listing the known ones', () => {
    expect(() => resolve([prometheus({})], { prometheus: 'monitoring/nope' }))
      .toThrow('no Prometheus or PrometheusAgent "monitoring/nope" in the input (expected namespace/name; found: monitoring/k8s)');
  });

  test('an invalid Prometheus selector is an input error naming the file and document', () => {
    const objects = parseManifests([
      'apiVersion: monitoring.coreos.com/v1', 'kind: Prometheus', 'metadata: {name: k8s, namespace: monitoring}',
      'spec:', '  serviceMonitorSelector: {matchExpressions: [{key: a, operator: In}]}',
    ].join('\n'), 'prom.yaml');
    expect(() => resolve(objects)).toThrow(/^prom\.yaml:1 \(document 1\): Prometheus monitoring\/k8s: selecting ServiceMonitors failed: spec\.serviceMonitorSelector: values: /);
  });

  test('a Secret key the Prometheus refers to that does not exist is an input error naming the file and document', () => {
    const text = `apiVersion: v1\nkind: Secret\nmetadata: {name: rw, namespace: monitoring}\nstringData: {user: u}\n---\n${[
      'apiVersion: monitoring.coreos.com/v1', 'kind: Prometheus', 'metadata: {name: k8s, namespace: monitoring}',
      'spec:', '  remoteWrite:', '  - url: http://remote', '    basicAuth:',
      '      username: {name: rw, key: user}', '      password: {name: rw, key: pass}',
    ].join('\n')}`;
    expect(() => resolve(parseManifests(text, 'stack.yaml')))
      .toThrow(/^stack\.yaml:6 \(document 2\): Prometheus monitoring\/k8s spec\.remoteWrite\[0\]\.basicAuth\.password: key "pass" in secret monitoring\/rw not found/);
  });

  test('duplicate objects are reported once for the whole input', () => {
    const sm = serviceMonitor({ name: 'web', ...own });
    const res = resolve([prometheus({ serviceMonitorSelector: {} }), sm, { ...sm }]);
    expect(res.warnings).toEqual(['ServiceMonitor monitoring/web appears more than once; the last one is used']);
  });

  test('a PrometheusAgent is resolved with its own kind', () => {
    const agent: KubeObject = { apiVersion: 'monitoring.coreos.com/v1alpha1', kind: 'PrometheusAgent', metadata: { name: 'a', ...own }, spec: { serviceMonitorSelector: {} } };
    const { prometheuses: [r] } = resolve([agent, serviceMonitor({ name: 's', ...own }), namespace('monitoring'), secret({ name: 'x', ...own }, {})]);
    expect(r.kind).toBe('PrometheusAgent');
    expect(jobs(r.config)).toEqual(['serviceMonitor/monitoring/s/0']);
    expect(r.config.rule_files).toBeUndefined();
  });

  test('an unmanaged Prometheus is rendered with a warning', () => {
    const { prometheuses: [r] } = resolve([prometheus({})]);
    expect(r.warnings[0]).toMatch(/^the configuration is unmanaged/);
  });

  test('resolveSelections selects without rendering, so a Prometheus the renderer would refuse still gets its selection', () => {
    const p = prometheus({ serviceMonitorSelector: {}, remoteWrite: [{ url: 'http://r', basicAuth: { username: { name: 'x', key: 'u' }, password: { name: 'x', key: 'p' } } }] });
    expect(() => resolve([p])).toThrow(/secret monitoring\/x not found/);
    const { selections } = resolveSelections([p, serviceMonitor({ name: 's', ...own })]);
    expect(selections.map((s) => s.selected.serviceMonitors.map((o) => o.metadata.name))).toEqual([['s']]);
  });
});
