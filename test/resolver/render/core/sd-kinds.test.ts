import { monitor, prometheus, secret } from './helpers';
import { renderPrometheusConfig, toPrometheusYaml } from '../../../../src/resolver/render';
import { promtoolCheckConfig } from '../../../support/prometheus-tools';

const SECRETS = secret('sd', { token: 'tok', key: 'AKID', secret: 'shh', password: 'pw', uuid: '2c9f1a7e-4a43-4b8f-9c6d-0e2b8d1f5a31' });
const ref = (key: string) => ({ name: 'sd', key });

function job(spec: Record<string, unknown>, version = 'v3.13.2'): any {
  const { config } = renderPrometheusConfig({
    prometheus: prometheus({ version }),
    scrapeConfigs: [monitor('ScrapeConfig', 'sd', spec)],
    objects: [SECRETS],
  });
  return (config.scrape_configs as any[])[0];
}

describe('ScrapeConfig service discoveries', () => {
  test('sections come in the operator order whatever the spec order', () => {
    const j = job({
      dnsSDConfigs: [{ names: ['a.example'] }],
      consulSDConfigs: [{ server: 'consul:8500' }],
      staticConfigs: [{ targets: ['a:1'] }],
    });
    expect(Object.keys(j).filter((k) => k.endsWith('_configs'))).toEqual([
      'static_configs', 'consul_sd_configs', 'dns_sd_configs', 'relabel_configs',
    ]);
    expect(j.static_configs).toEqual([{ targets: ['a:1'], labels: {} }]);
  });

  test('consul: secrets read, maps sorted, keys in order', () => {
    const j = job({
      consulSDConfigs: [{
        server: 'consul:8500',
        tokenRef: ref('token'),
        scheme: 'HTTPS',
        services: ['web'],
        nodeMeta: { z: '1', a: '2' },
        allowStale: true,
        refreshInterval: '30s',
      }],
    });
    expect(j.consul_sd_configs).toEqual([{
      server: 'consul:8500',
      token: 'tok',
      scheme: 'https',
      services: ['web'],
      node_meta: { a: '2', z: '1' },
      allow_stale: true,
      refresh_interval: '30s',
    }]);
  });

  test('an unreadable Secret fails the job, naming the object and field', () => {
    expect(() => job({ consulSDConfigs: [{ server: 'c', tokenRef: { name: 'missing', key: 'k' } }] }))
      .toThrow('ScrapeConfig default/sd spec.consulSDConfigs[0].tokenRef: failed to read Consul token from secret "missing"');
  });

  test('EC2: keys only with both halves, HTTP client fields from Prometheus 2.41, filters sorted', () => {
    const j = job({
      ec2SDConfigs: [{
        region: 'eu-west-1',
        accessKey: ref('key'),
        secretKey: ref('secret'),
        filters: [{ name: 'b', values: ['1'] }, { name: 'a', values: ['2'] }],
        followRedirects: true,
      }],
    }, 'v2.40.0');
    expect(j.ec2_sd_configs).toEqual([{
      region: 'eu-west-1', access_key: 'AKID', secret_key: 'shh', filters: [{ name: 'a', values: ['2'] }, { name: 'b', values: ['1'] }],
    }]);
  });

  test('Azure: environment restarts the entry, as the operator does', () => {
    const j = job({ azureSDConfigs: [{ environment: 'AzurePublicCloud', subscriptionID: 'sub', authorization: { credentials: ref('token') } }] });
    expect(j.azure_sd_configs).toEqual([{ environment: 'AzurePublicCloud', subscription_id: 'sub' }]);
  });

  test('OVHcloud: service names in Prometheus spelling, unknown ones skipped with a warning', () => {
    const { config, warnings } = renderPrometheusConfig({
      prometheus: prometheus(),
      scrapeConfigs: [monitor('ScrapeConfig', 'sd', {
        ovhcloudSDConfigs: [
          { applicationKey: 'k', applicationSecret: ref('secret'), consumerKey: ref('key'), service: 'DedicatedServer' },
          { applicationKey: 'k', applicationSecret: ref('secret'), consumerKey: ref('key'), service: 'Cloud' },
        ],
      })],
      objects: [SECRETS],
    });
    const entries = (config.scrape_configs as any[])[0].ovhcloud_sd_configs;
    expect(entries[0]).toEqual({ application_key: 'k', application_secret: 'shh', consumer_key: 'AKID', service: 'dedicated_server' });
    expect(entries[1].service).toBeUndefined();
    expect(warnings).toContain('ignoring service not supported by Prometheus: Cloud');
  });

  // The vendored promtool is built without the Consul, Azure, Kuma and Nomad discoveries.
  test('promtool accepts the other discovery kinds (Prometheus 2.53)', () => {
    const j = {
      staticConfigs: [{ targets: ['a:1'] }],
      fileSDConfigs: [{ files: ['/sd/*.json'] }],
      httpSDConfigs: [{ url: 'http://sd/targets' }],
      kubernetesSDConfigs: [{ role: 'Pod', namespaces: { names: ['a'], ownNamespace: true } }],
      dnsSDConfigs: [{ names: ['_x._tcp.example'], type: 'SRV' }],
      ec2SDConfigs: [{ region: 'eu-west-1' }],
      gceSDConfigs: [{ project: 'p', zone: 'z' }],
      openstackSDConfigs: [{ role: 'Instance', region: 'r', identityEndpoint: 'https://keystone/v3', username: 'u', password: ref('password') }],
      digitalOceanSDConfigs: [{ authorization: { credentials: ref('token') } }],
      eurekaSDConfigs: [{ server: 'http://eureka:8761/eureka' }],
      dockerSDConfigs: [{ host: 'unix:///var/run/docker.sock', filters: [{ name: 'label', values: ['a=b'] }] }],
      linodeSDConfigs: [{ authorization: { credentials: ref('token') } }],
      hetznerSDConfigs: [{ role: 'Hcloud', authorization: { credentials: ref('token') } }],
      dockerSwarmSDConfigs: [{ host: 'unix:///var/run/docker.sock', role: 'Tasks' }],
      puppetDBSDConfigs: [{ url: 'https://puppetdb', query: 'resources { type = "Class" }' }],
      lightSailSDConfigs: [{ region: 'eu-west-1' }],
      ovhcloudSDConfigs: [{ applicationKey: 'k', applicationSecret: ref('secret'), consumerKey: ref('key'), service: 'VPS' }],
      scalewaySDConfigs: [{ accessKey: 'SCWXXXXXXXXXXXXXXXXX', secretKey: ref('uuid'), projectID: '7d1e6a2b-3c4f-4e5a-8b9c-1d2e3f4a5b6c', role: 'Instance' }],
      ionosSDConfigs: [{ datacenterID: 'dc', authorization: { credentials: ref('token') } }],
    };
    const { config } = renderPrometheusConfig({
      prometheus: prometheus({ version: 'v2.53.0' }),
      scrapeConfigs: [monitor('ScrapeConfig', 'sd', j)],
      objects: [SECRETS],
    });
    const result = promtoolCheckConfig(toPrometheusYaml(config));
    expect(result.output).toContain('SUCCESS');
    expect(result.status).toBe(0);
  });
});
