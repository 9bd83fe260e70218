import { monitor, prometheus, secret } from './helpers';
import { renderPrometheusConfig } from '../../../../src/resolver/render';

const TOKEN = secret('auth', { token: 's3cr3t' });

function jobs(input: Record<string, unknown>, spec: Record<string, unknown> = {}): any[] {
  const { config } = renderPrometheusConfig({ prometheus: prometheus(spec), objects: [TOKEN], ...input });
  return config.scrape_configs as any[];
}

describe('ServiceMonitor jobs', () => {
  test('a target port filters on the pod container port and names the endpoint', () => {
    const [byName, byNumber] = jobs({
      serviceMonitors: [monitor('ServiceMonitor', 'sm', { selector: {}, endpoints: [{ targetPort: 'web' }, { targetPort: 8080 }] })],
    });
    expect(byName.relabel_configs[1]).toEqual({ action: 'keep', source_labels: ['__meta_kubernetes_pod_container_port_name'], regex: 'web' });
    expect(byNumber.relabel_configs[1]).toEqual({ action: 'keep', source_labels: ['__meta_kubernetes_pod_container_port_number'], regex: 8080 });
    expect(byNumber.relabel_configs).toContainEqual({ target_label: 'endpoint', replacement: '8080' });
  });

  test('deprecated bearer token file and secret, then basic auth', () => {
    const [job] = jobs({
      serviceMonitors: [monitor('ServiceMonitor', 'sm', {
        selector: {}, endpoints: [{ port: 'web', bearerTokenFile: '/token', bearerTokenSecret: { name: 'auth', key: 'token' } }],
      })],
    });
    expect(job.bearer_token_file).toBe('/token');
    expect(job.bearer_token).toBe('s3cr3t');
  });

  test('an unreadable bearer token is left out with a warning', () => {
    const { config, warnings } = renderPrometheusConfig({
      prometheus: prometheus(),
      serviceMonitors: [monitor('ServiceMonitor', 'sm', { selector: {}, endpoints: [{ port: 'web', bearerTokenSecret: { name: 'nope', key: 't' } }] })],
    });
    expect((config.scrape_configs as any[])[0].bearer_token).toBeUndefined();
    expect(warnings[0]).toContain('invalid bearer token reference: secret default/nope not found');
  });

  test('job label and target labels from the service and the pod', () => {
    const [job] = jobs({
      serviceMonitors: [monitor('ServiceMonitor', 'sm', {
        selector: {}, jobLabel: 'app.kubernetes.io/name', targetLabels: ['team'], podTargetLabels: ['version'], endpoints: [{ port: 'web' }],
      })],
    }, { podTargetLabels: ['zone'] });
    const targets = job.relabel_configs.filter((r: any) => r.regex === '(.+)').map((r: any) => [r.source_labels[0], r.target_label]);
    expect(targets).toEqual([
      ['__meta_kubernetes_service_label_team', 'team'],
      ['__meta_kubernetes_pod_label_version', 'version'],
      ['__meta_kubernetes_pod_label_zone', 'zone'],
      ['__meta_kubernetes_service_label_app_kubernetes_io_name', 'job'],
    ]);
  });
});

describe('PodMonitor jobs', () => {
  test('port number, bearer token secret and no running filter when disabled', () => {
    const [job] = jobs({
      podMonitors: [monitor('PodMonitor', 'pm', {
        selector: {}, podMetricsEndpoints: [{ portNumber: 9100, filterRunning: false, bearerTokenSecret: { name: 'auth', key: 'token' } }],
      })],
    });
    expect(job.bearer_token).toBe('s3cr3t');
    expect(job.relabel_configs[1]).toEqual({ action: 'keep', source_labels: ['__meta_kubernetes_pod_container_port_number'], regex: 9100 });
    expect(job.relabel_configs.some((r: any) => r.source_labels?.[0] === '__meta_kubernetes_pod_phase')).toBe(false);
    expect(job.relabel_configs).toContainEqual({ target_label: 'job', replacement: 'default/pm' });
  });
});

describe('Probe jobs', () => {
  test('static targets get the namespace label unless set, the prober address and a bearer token', () => {
    const [job] = jobs({
      probes: [monitor('Probe', 'p', {
        jobName: 'blackbox',
        prober: { url: 'bb:9115', scheme: 'HTTPS' },
        bearerTokenSecret: { name: 'auth', key: 'token' },
        params: [{ name: 'module', values: ['ignored'] }, { name: 'target_port', values: ['443'] }],
        module: 'http_2xx',
        targets: { staticConfig: { static: ['example.com'], labels: { env: 'prod' } } },
      })],
    });
    expect(job.scheme).toBe('https');
    expect(job.params).toEqual({ module: ['http_2xx'], target_port: ['443'] });
    expect(job.static_configs).toEqual([{ targets: ['example.com'], labels: { env: 'prod', namespace: 'default' } }]);
    expect(job.relabel_configs[1]).toEqual({ target_label: 'job', replacement: 'blackbox' });
    expect(job.relabel_configs).toContainEqual({ target_label: '__address__', replacement: 'bb:9115' });
    expect(job.bearer_token).toBe('s3cr3t');
  });
});

describe('ScrapeConfig jobs', () => {
  test('job name rule, and the enforced namespace label only when the object has relabelings', () => {
    const enforced = { enforcedNamespaceLabel: 'namespace' };
    const [bare] = jobs({ scrapeConfigs: [monitor('ScrapeConfig', 'a', { jobName: 'custom', staticConfigs: [{ targets: ['a:1'] }] })] }, enforced);
    expect(bare.relabel_configs).toEqual([
      { source_labels: ['job'], target_label: '__tmp_prometheus_job_name' },
      { target_label: 'job', action: 'replace', replacement: 'custom' },
    ]);
    const [withRules] = jobs({
      scrapeConfigs: [monitor('ScrapeConfig', 'b', { relabelings: [{ targetLabel: 'x', replacement: 'y' }], staticConfigs: [{ targets: ['a:1'] }] })],
    }, enforced);
    expect(withRules.relabel_configs.slice(1)).toEqual([
      { target_label: 'x', replacement: 'y' },
      { target_label: 'namespace', replacement: 'default' },
    ]);
  });

  test('kubernetes discovery: attach_metadata by role, selectors and namespaces', () => {
    const { config, warnings } = renderPrometheusConfig({
      prometheus: prometheus(),
      scrapeConfigs: [monitor('ScrapeConfig', 'k', {
        kubernetesSDConfigs: [
          { role: 'Pod', attachMetadata: { node: true }, namespaces: { names: ['a'], ownNamespace: true } },
          { role: 'EndpointSlice', attachMetadata: {} },
          { role: 'Node', attachMetadata: { node: true }, selectors: [{ role: 'Node', field: 'metadata.name=n1' }] },
        ],
      })],
    });
    expect((config.scrape_configs as any[])[0].kubernetes_sd_configs).toEqual([
      { role: 'pod', namespaces: { names: ['a'], own_namespace: true }, attach_metadata: { node: true } },
      { role: 'endpointslice', attach_metadata: { node: null } },
      { role: 'node', selectors: [{ role: 'node', field: 'metadata.name=n1' }] },
    ]);
    expect(warnings).toEqual(['ignoring attachMetadata not supported by Prometheus for role: Node']);
  });
});
