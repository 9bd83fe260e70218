import { agent, context, prometheus, secret } from './helpers';
import { renderAlerting } from '../../../../src/resolver/render/alerting';
import { loadPrometheusAssets } from '../../../../src/resolver/render/client-assets';
import { renderOTLP } from '../../../../src/resolver/render/otlp';
import { renderRemoteRead } from '../../../../src/resolver/render/remote-read';
import { renderRemoteWrite } from '../../../../src/resolver/render/remote-write';
import { renderRuntime } from '../../../../src/resolver/render/runtime';
import { renderAgentStorage, renderStorage } from '../../../../src/resolver/render/storage';
import { renderTracing } from '../../../../src/resolver/render/tracing';

describe('remote_write', () => {
  test('is absent without spec.remoteWrite', () => {
    expect(renderRemoteWrite(context(prometheus('v3.0.0')))).toBeUndefined();
  });

  test('writes fields in the operator order with their version gates', () => {
    const ctx = context(prometheus('v2.54.0', {
      remoteWrite: [{
        url: 'http://rw',
        name: 'one',
        remoteTimeout: '5s',
        headers: { 'X-B': 'b', 'X-A': 'a' },
        messageVersion: 'V2.0',
        sendExemplars: true,
        writeRelabelConfigs: [{ action: 'Drop', sourceLabels: ['job'], regex: 'x' }],
        enableHTTP2: false,
        roundRobinDNS: true,
        queueConfig: { capacity: 10, maxRetries: 3, retryOnRateLimit: true, sampleAgeLimit: '1h' },
        metadataConfig: { send: true, sendInterval: '1m', maxSamplesPerSend: 5 },
      }],
    }));
    const [rw] = renderRemoteWrite(ctx)!;
    expect(rw).toEqual({
      url: 'http://rw',
      remote_timeout: '5s',
      headers: { 'X-A': 'a', 'X-B': 'b' },
      name: 'one',
      protobuf_message: 'io.prometheus.write.v2.Request',
      send_exemplars: true,
      write_relabel_configs: [{ source_labels: ['job'], regex: 'x', action: 'drop' }],
      enable_http2: false,
      queue_config: { capacity: 10, retry_on_http_429: true, sample_age_limit: '1h' },
      metadata_config: { send: false, send_interval: '1m', max_samples_per_send: 5 },
    });
    expect(Object.keys(rw)).toEqual(['url', 'remote_timeout', 'headers', 'name', 'protobuf_message', 'send_exemplars',
      'write_relabel_configs', 'enable_http2', 'queue_config', 'metadata_config']);
    expect(ctx.warnings.map((w) => w.split(' not supported')[0])).toEqual(['ignoring "max_retries"', 'ignoring "round_robin_dns"']);
  });

  test('the pre-generation checks refuse two authentication methods and missing references', () => {
    const both = context(prometheus('v3.0.0', { remoteWrite: [{ url: 'u', basicAuth: {}, sigv4: {} }] }));
    expect(() => loadPrometheusAssets(both)).toThrow(
      'Prometheus default/test spec.remoteWrite[0]: "basicAuth" and "sigv4" can\'t be set at the same time, at most one of them must be defined');
    const missing = context(prometheus('v3.0.0', {
      remoteWrite: [{ url: 'u', authorization: { credentials: { name: 'tok', key: 'absent' } } }],
    }), [secret('tok', { token: 't' })]);
    expect(() => loadPrometheusAssets(missing)).toThrow(
      'spec.remoteWrite[0].authorization.credentials: key "absent" in secret default/tok not found (keys present: token)');
  });
});

describe('remote_read', () => {
  test('writes matchers sorted, read_recent only when true, and gated fields', () => {
    const ctx = context(prometheus('v2.33.0', {
      remoteRead: [{ url: 'http://rr', requiredMatchers: { b: '2', a: '1' }, readRecent: false, headers: { h: 'v' }, filterExternalLabels: false }],
    }));
    expect(renderRemoteRead(ctx)).toEqual([{ url: 'http://rr', headers: { h: 'v' }, required_matchers: { a: '1', b: '2' } }]);
    expect(ctx.warnings).toHaveLength(1);
  });
});

describe('alerting', () => {
  const am = { name: 'alertmanager-main', namespace: 'monitoring', port: 'web', apiVersion: 'V1', pathPrefix: '/am', scheme: 'HTTPS' };

  test('is absent without alerting or additional configs', () => {
    expect(renderAlerting(context(prometheus('v3.0.0')))).toBeUndefined();
  });

  test('discovers Alertmanagers by service and port and drops the replica label', () => {
    const alerting = renderAlerting(context(prometheus('v2.45.0', { alerting: { alertmanagers: [am] } })))!;
    expect(alerting).toEqual({
      alert_relabel_configs: [{ action: 'labeldrop', regex: 'prometheus_replica' }],
      alertmanagers: [{
        scheme: 'https',
        path_prefix: '/am',
        kubernetes_sd_configs: [{ role: 'endpoints', namespaces: { names: ['monitoring'] } }],
        api_version: 'v1',
        relabel_configs: [
          { action: 'keep', source_labels: ['__meta_kubernetes_service_name'], regex: 'alertmanager-main' },
          { action: 'keep', source_labels: ['__meta_kubernetes_endpoint_port_name'], regex: 'web' },
        ],
      }],
    });
  });

  test('Prometheus 3 has no Alertmanager API v1; a numeric port matches the container port', () => {
    const alerting = renderAlerting(context(prometheus('v3.0.0', { alerting: { alertmanagers: [{ ...am, port: 9093 }] } })))!;
    const [entry] = alerting.alertmanagers as Record<string, unknown>[];
    expect(entry.api_version).toBeUndefined();
    expect((entry.relabel_configs as unknown[])[1]).toEqual(
      { action: 'keep', source_labels: ['__meta_kubernetes_pod_container_port_number'], regex: '9093' });
  });

  test('quotes a custom replica label and omits it when empty', () => {
    const custom = renderAlerting(context(prometheus('v3.0.0', { replicaExternalLabelName: 'replica.id', alerting: {} })))!;
    expect(custom.alert_relabel_configs).toEqual([{ action: 'labeldrop', regex: 'replica\\.id' }]);
    expect(renderAlerting(context(prometheus('v3.0.0', { replicaExternalLabelName: '', alerting: {} })))!.alert_relabel_configs).toEqual([]);
  });

  test('appends the additional configs read from Secrets', () => {
    const ctx = context(prometheus('v3.0.0', {
      additionalAlertRelabelConfigs: { name: 'extra', key: 'relabel' },
      additionalAlertManagerConfigs: { name: 'extra', key: 'am' },
    }), [secret('extra', { relabel: '- action: drop\n  regex: x', am: '- static_configs:\n  - targets: [a:9093]' })]);
    expect(renderAlerting(ctx)).toEqual({
      alert_relabel_configs: [{ action: 'labeldrop', regex: 'prometheus_replica' }, { action: 'drop', regex: 'x' }],
      alertmanagers: [{ static_configs: [{ targets: ['a:9093'] }] }],
    });
  });

  test('refuses additional configs that are not a list of maps', () => {
    const ctx = context(prometheus('v3.0.0', { additionalAlertRelabelConfigs: { name: 'extra', key: 'bad' } }), [secret('extra', { bad: 'a: b' })]);
    expect(() => renderAlerting(ctx)).toThrow(
      'Prometheus default/test spec.additionalAlertRelabelConfigs: unmarshalling additional alerting relabel configs failed: expected a YAML list of maps');
  });

  test('the pre-generation checks refuse two authentication methods', () => {
    const ctx = context(prometheus('v3.0.0', { alerting: { alertmanagers: [{ ...am, bearerTokenFile: '/t', basicAuth: {} }] } }));
    expect(() => loadPrometheusAssets(ctx)).toThrow('spec.alerting.alertmanagers[0]: "bearerTokenFile" and "basicAuth" can\'t be set at the same time');
  });
});

describe('storage', () => {
  test('before 3.11 only explicit settings are written', () => {
    expect(renderStorage(context(prometheus('v3.10.0')))).toBeUndefined();
    expect(renderStorage(context(prometheus('v2.39.0', { exemplars: { maxSize: 10 }, tsdb: { outOfOrderTimeWindow: '1h' } }))))
      .toEqual({ exemplars: { max_exemplars: 10 }, tsdb: { out_of_order_time_window: '1h' } });
  });

  test('from 3.11 the retention is written, 24h by default', () => {
    expect(renderStorage(context(prometheus('v3.11.0')))).toEqual({ tsdb: { retention: { time: '24h' } } });
    expect(renderStorage(context(prometheus('v3.11.0', { retentionSize: '10GB' })))).toEqual({ tsdb: { retention: { size: '10GB' } } });
  });

  test('reads the stale series threshold as a quantity and refuses values outside 0..1', () => {
    expect(renderStorage(context(prometheus('v3.10.0', { tsdb: { staleSeriesCompactionThreshold: '500m' } }))))
      .toEqual({ tsdb: { stale_series_compaction_threshold: 0.5 } });
    expect(() => renderStorage(context(prometheus('v3.10.0', { tsdb: { staleSeriesCompactionThreshold: 2 } }))))
      .toThrow('spec.tsdb.staleSeriesCompactionThreshold: staleSeriesCompactionThreshold must be between 0 and 1');
  });

  test('refuses the Xor chunk encoding with the st-storage feature', () => {
    const ctx = context(prometheus('v3.13.0', { tsdb: { chunkEncoding: { floats: 'Xor' } }, enableFeatures: ['st-storage'] }));
    expect(() => renderStorage(ctx)).toThrow('chunk encoding "Xor" is incompatible with --enable-feature=st-storage');
  });

  test('an agent merges its TSDB settings into one section', () => {
    expect(renderAgentStorage(context(agent('v3.13.0', { tsdb: { outOfOrderTimeWindow: '5m', chunkEncoding: { floats: 'Xor2' } } }))))
      .toEqual({ tsdb: { out_of_order_time_window: '5m', chunk_encoding: { floats: 'xor2' } } });
    expect(renderAgentStorage(context(agent('v2.53.0', { tsdb: { outOfOrderTimeWindow: '5m' } })))).toBeUndefined();
  });
});

describe('tracing', () => {
  test('lower-cases enums, sorts headers and adds TLS', () => {
    const ctx = context(prometheus('v3.0.0', {
      tracingConfig: {
        endpoint: 'otel:4317',
        clientType: 'GRPC',
        samplingFraction: '0.25',
        insecure: false,
        headers: { b: '2', a: '1' },
        compression: 'Gzip',
        timeout: '10s',
        tlsConfig: { caFile: '/ca' },
      },
    }));
    expect(renderTracing(ctx)).toEqual({
      endpoint: 'otel:4317',
      client_type: 'grpc',
      sampling_fraction: 0.25,
      insecure: false,
      headers: { a: '1', b: '2' },
      compression: 'gzip',
      timeout: '10s',
      tls_config: { ca_file: '/ca' },
    });
  });

  test('refuses a sampling fraction above 1', () => {
    expect(() => renderTracing(context(prometheus('v3.0.0', { tracingConfig: { endpoint: 'e', samplingFraction: '1.5' } }))))
      .toThrow('spec.tracingConfig.samplingFraction: samplingFraction must be between 0 and 1');
  });
});

describe('otlp', () => {
  test('gates every field by version', () => {
    const ctx = context(prometheus('v3.0.0', { otlp: { promoteResourceAttributes: ['a'], translationStrategy: 'UnderscoreEscapingWithSuffixes', keepIdentifyingResourceAttributes: true } }));
    expect(renderOTLP(ctx)).toEqual({ promote_resource_attributes: ['a'], translation_strategy: 'UnderscoreEscapingWithSuffixes' });
    expect(ctx.warnings).toHaveLength(1);
  });

  test('refuses what the operator refuses', () => {
    expect(() => renderOTLP(context(prometheus('v2.54.0', { otlp: {} })))).toThrow('OTLP configuration is only supported from Prometheus version 2.55.0');
    expect(() => renderOTLP(context(prometheus('v3.5.0', { otlp: { ignoreResourceAttributes: ['a'] } }))))
      .toThrow("'ignoreResourceAttributes' can only be set when 'promoteAllResourceAttributes' is true");
    expect(() => renderOTLP(context(prometheus('v3.3.0', { otlp: { translationStrategy: 'NoTranslation' } }))))
      .toThrow('translation strategy "NoTranslation" is only supported from Prometheus version 3.4.0');
  });
});

describe('runtime', () => {
  test('needs Prometheus 2.53', () => {
    expect(renderRuntime(context(prometheus('v2.53.0', { runtime: { goGC: 50 } })))).toEqual({ gogc: 50 });
    const old = context(prometheus('v2.52.0', { runtime: { goGC: 50 } }));
    expect(renderRuntime(old)).toBeUndefined();
    expect(old.warnings[0]).toMatch(/^ignoring "runtime"/);
  });
});

describe('tracing TLS references', () => {
  test('are written as files, with a warning that the operator does not mount them', () => {
    const ctx = context(prometheus('v3.0.0', { tracingConfig: { endpoint: 'e', tlsConfig: { ca: { secret: { name: 'tls', key: 'ca' } } } } }));
    expect(renderTracing(ctx)!.tls_config).toEqual({ ca_file: '/etc/prometheus/certs/0_default_tls_ca' });
    expect(ctx.warnings).toEqual([expect.stringContaining('spec.tracingConfig.tlsConfig: ca from Secrets/ConfigMaps are written as files')]);
  });
});

describe('Alertmanager relabelings', () => {
  test('the pre-generation checks validate them for the Prometheus version', () => {
    const ctx = context(prometheus('v2.35.0', {
      alerting: { alertmanagers: [{ name: 'am', port: 'web', alertRelabelings: [{ action: 'Lowercase', sourceLabels: ['a'], targetLabel: 'b' }] }] },
    }));
    expect(() => loadPrometheusAssets(ctx)).toThrow(/^Prometheus default\/test spec\.alerting\.alertmanagers\[0\]\.alertRelabelings\[0\]: .*2\.36\.0/);
  });
});
