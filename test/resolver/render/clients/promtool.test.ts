import { pem, prometheus, secret } from './helpers';
import { renderPrometheusConfig, toPrometheusYaml } from '../../../../src/resolver/render/index';
import { promtoolCheckConfig } from '../../../support/prometheus-tools';

/**
 * Every client section at once, for the Prometheus version the real promtool has (2.53). Azure
 * AD is left out: the Debian build of promtool is compiled without it.
 */
const full = prometheus('v2.53.3', {
  scrapeInterval: '30s',
  evaluationInterval: '30s',
  runtime: { goGC: 75 },
  exemplars: { maxSize: 1000 },
  tsdb: { outOfOrderTimeWindow: '10m' },
  tracingConfig: { endpoint: 'otel:4317', clientType: 'grpc', samplingFraction: '0.1', headers: { a: 'b' }, tlsConfig: { insecureSkipVerify: true } },
  alerting: {
    alertmanagers: [{
      name: 'am',
      namespace: 'monitoring',
      port: 'web',
      scheme: 'https',
      apiVersion: 'v2',
      timeout: '10s',
      enableHttp2: true,
      tlsConfig: { ca: { secret: { name: 'tls', key: 'ca' } }, serverName: 'am' },
      basicAuth: { username: { name: 'creds', key: 'user' }, password: { name: 'creds', key: 'pass' } },
      relabelings: [{ action: 'drop', sourceLabels: ['__meta_kubernetes_pod_name'], regex: 'canary-.*' }],
      alertRelabelings: [{ action: 'labeldrop', regex: 'tmp_.*' }],
    }],
  },
  remoteWrite: [
    {
      url: 'https://rw.example.com/api/v1/write',
      name: 'oauth',
      remoteTimeout: '30s',
      headers: { 'X-Scope-OrgID': 't1' },
      oauth2: {
        clientId: { secret: { name: 'creds', key: 'user' } },
        clientSecret: { name: 'creds', key: 'pass' },
        tokenUrl: 'https://auth/token',
        scopes: ['write'],
        endpointParams: { audience: 'rw' },
        proxyUrl: 'http://proxy:3128',
      },
      tlsConfig: { ca: { secret: { name: 'tls', key: 'ca' } }, cert: { secret: { name: 'tls', key: 'crt' } }, keySecret: { name: 'tls', key: 'key' } },
      writeRelabelConfigs: [{ action: 'keep', sourceLabels: ['__name__'], regex: 'up|node_.*' }],
      queueConfig: { capacity: 1000, maxShards: 10, minShards: 1, batchSendDeadline: '5s', retryOnRateLimit: true, sampleAgeLimit: '1h' },
      metadataConfig: { send: true, sendInterval: '1m', maxSamplesPerSend: 100 },
      sendExemplars: true,
      sendNativeHistograms: true,
      followRedirects: true,
      enableHTTP2: false,
    },
    {
      url: 'https://aps.example.com/api/v1/remote_write',
      sigv4: { region: 'eu-west-1', accessKey: { name: 'creds', key: 'user' }, secretKey: { name: 'creds', key: 'pass' }, roleArn: 'arn:aws:iam::1:role/r' },
    },
    { url: 'https://bearer.example.com/write', authorization: { credentials: { name: 'creds', key: 'pass' } }, proxyUrl: 'http://proxy:3128', noProxy: 'localhost' },
  ],
  remoteRead: [{
    url: 'https://rr.example.com/read',
    name: 'rr',
    readRecent: true,
    requiredMatchers: { job: 'x' },
    headers: { a: 'b' },
    basicAuth: { username: { name: 'creds', key: 'user' }, password: { name: 'creds', key: 'pass' } },
    filterExternalLabels: false,
    followRedirects: false,
  }],
});

const objects = [
  secret('creds', { user: 'alice', pass: 's3cret' }),
  secret('tls', { ca: pem('client.crt'), crt: pem('client.crt'), key: pem('client.key') }),
];

test('promtool 2.53 accepts a configuration with every client section', () => {
  const { config, warnings } = renderPrometheusConfig({ prometheus: full, objects });
  expect(warnings).toEqual([]);
  expect(Object.keys(config)).toEqual(['global', 'runtime', 'scrape_configs', 'storage', 'alerting', 'remote_write', 'remote_read', 'tracing']);
  const result = promtoolCheckConfig(toPrometheusYaml(config));
  expect(result.output).toContain('SUCCESS');
  expect(result.status).toBe(0);
});

test('promtool rejects what the renderer would never write, so the check is real', () => {
  const { config } = renderPrometheusConfig({ prometheus: full, objects });
  const broken = { ...config, remote_write: [{ url: 'https://x', sigv4: {}, basic_auth: { username: 'a', password: 'b' } }] };
  const result = promtoolCheckConfig(toPrometheusYaml(broken));
  expect(result.status).not.toBe(0);
  expect(result.output).toMatch(/at most one of basic_auth, authorization, oauth2/);
});
