import { agent, context, prometheus } from './helpers';
import { DEFAULT_PROMETHEUS_VERSION } from '../../../../src/resolver/defaults/operator-defaults';

describe('createRenderContext', () => {
  test('defaults to the operator default Prometheus version', () => {
    const ctx = context(prometheus());
    expect(DEFAULT_PROMETHEUS_VERSION).toBe('v3.13.2');
    expect(ctx.version).toMatchObject({ major: 3, minor: 13, patch: 2 });
    expect(ctx.isAgent).toBe(false);
  });

  test('refuses Prometheus majors other than 2 and 3, naming the field', () => {
    expect(() => context(prometheus({ version: 'v1.8.2' })))
      .toThrow('Prometheus default/test spec.version: unsupported Prometheus version "v1.8.2" (allowed: 2.x and 3.x)');
    expect(() => context(prometheus({ version: 'banana' }))).toThrow('spec.version: failed to parse Prometheus version');
  });

  test('refuses a second default scrape class', () => {
    const prom = prometheus({ scrapeClasses: [{ name: 'a', default: true }, { name: 'b', default: true }] });
    expect(() => context(prom)).toThrow(
      'spec.scrapeClasses[1].default: multiple default scrape classes defined ("a" and "b"); at most one may set default: true');
  });

  test('refuses a scrape class with an invalid relabeling', () => {
    const prom = prometheus({ scrapeClasses: [{ name: 'a', relabelings: [{ action: 'hashmod', targetLabel: 'x' }] }] });
    expect(() => context(prom)).toThrow('spec.scrapeClasses[0].relabelings[0]: relabel configuration for hashmod requires non-zero modulus');
  });

  test('refuses a scrape class with both credentials and a credentials file', () => {
    const prom = prometheus({
      scrapeClasses: [{ name: 'a', authorization: { credentials: { name: 's', key: 'k' }, credentialsFile: '/f' } }],
    });
    expect(() => context(prom)).toThrow('spec.scrapeClasses[0].authorization');
  });

  test('feature gates and DaemonSet mode', () => {
    expect(context(prometheus(), { featureGates: ['PrometheusTopologySharding'] }).topologyShardingEnabled).toBe(true);
    expect(context(prometheus()).topologyShardingEnabled).toBe(false);
    expect(context(prometheus(), { featureGates: ['PrometheusShardRetentionPolicy'] }).shardRetentionEnabled).toBe(true);
    expect(context(agent(), { featureGates: ['PrometheusShardRetentionPolicy'] }).shardRetentionEnabled).toBe(false);
    const ds = agent({ mode: 'DaemonSet' });
    expect(context(ds, { featureGates: ['PrometheusAgentDaemonSet'] }).daemonSet).toBe(true);
    expect(() => context(ds)).toThrow(
      'PrometheusAgent default/agent spec.mode: mode DaemonSet needs the operator feature gate PrometheusAgentDaemonSet');
  });
});
