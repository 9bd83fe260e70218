import { deployment, service } from './helpers';
import { loopbackAddressAllocator, previewTargets } from '../../../src/resolver/targets';
import { loadFixture } from '../../e2e/support/app-fixture';

const staticJob = (extra: Record<string, unknown> = {}, targets = ['a:9000'], labels: Record<string, string> = {}) =>
  ({ job_name: 'static', static_configs: [{ targets, labels }], ...extra });
const run = (config: any, objects: any[] = []) => previewTargets({ config, objects, prometheus: 'mon/p', addressAllocator: loopbackAddressAllocator() });

describe('target finalisation', () => {
  test('job defaults: global interval 1m, timeout 10s, /metrics, http; instance is the address', () => {
    const { targets } = run({ scrape_configs: [staticJob()] });
    expect(targets).toEqual([{
      prometheus: 'mon/p',
      scrapePool: 'static',
      labels: { instance: 'a:9000', job: 'static' },
      discoveredLabels: { __address__: 'a:9000', __metrics_path__: '/metrics', __scheme__: 'http', __scrape_interval__: '1m', __scrape_timeout__: '10s', job: 'static' },
      scrapeUrl: 'http://a:9000/metrics',
    }]);
  });

  test('the timeout defaults to the interval when the global timeout is longer', () => {
    const { targets } = run({ global: { scrape_interval: '15s' }, scrape_configs: [staticJob({ scrape_interval: '5s' })] });
    expect(targets[0].discoveredLabels).toMatchObject({ __scrape_interval__: '5s', __scrape_timeout__: '5s' });
  });

  test('a default port follows the scheme', () => {
    expect(run({ scrape_configs: [staticJob({}, ['host'])] }).targets[0].labels.instance).toBe('host:80');
    expect(run({ scrape_configs: [staticJob({ scheme: 'https' }, ['host'])] }).targets[0].scrapeUrl).toBe('https://host:443/metrics');
    expect(run({ scrape_configs: [staticJob({}, ['[::1]'])] }).targets[0].labels.instance).toBe('[::1]:80');
  });

  test('a job label from discovery is kept; params become __param_ labels and the query', () => {
    const { targets } = run({ scrape_configs: [staticJob({ params: { module: ['http_2xx'], target: ['x y'] } }, ['a:1'], { job: 'mine' })] });
    expect(targets[0].labels).toEqual({ instance: 'a:1', job: 'mine' });
    expect(targets[0].discoveredLabels).toMatchObject({ __param_module: 'http_2xx', __param_target: 'x y' });
    expect(targets[0].scrapeUrl).toBe('http://a:1/metrics?module=http_2xx&target=x+y');
  });

  test('relabeling can set instance and internal labels; __meta_ and __ labels do not reach the target labels', () => {
    const { targets } = run({
      scrape_configs: [staticJob({
        relabel_configs: [
          { target_label: '__meta_x', replacement: 'm' },
          { target_label: '__tmp_y', replacement: 't' },
          { source_labels: ['__address__'], regex: '(.*):.*', target_label: 'instance' },
          { target_label: '__scheme__', replacement: 'https' },
        ],
      })],
    });
    expect(targets[0].labels).toEqual({ instance: 'a', job: 'static' });
    expect(targets[0].scrapeUrl).toBe('https://a:9000/metrics');
  });

  test('dropped targets name the rule; invalid ones are errors', () => {
    const { targets, dropped } = run({
      scrape_configs: [
        staticJob({ relabel_configs: [{ action: 'drop', source_labels: ['__address__'], regex: 'a:.*' }] }),
        { job_name: 'noaddr', static_configs: [{ targets: ['b:1'] }], relabel_configs: [{ target_label: '__address__', replacement: '' }] },
        { job_name: 'slow', static_configs: [{ targets: ['c:1'] }], relabel_configs: [{ target_label: '__scrape_timeout__', replacement: '2m' }] },
      ],
    });
    expect(targets).toEqual([]);
    expect(dropped.map((d) => [d.scrapePool, d.kind, d.reason])).toEqual([
      ['noaddr', 'error', 'no address'],
      ['slow', 'error', 'scrape timeout cannot be greater than scrape interval ("2m" > "1m")'],
      ['static', 'relabeling', 'relabel_configs[0] (action drop) dropped it'],
    ]);
  });

  test('identical targets in a pool are listed once', () => {
    expect(run({ scrape_configs: [staticJob({}, ['a:1', 'a:1'])] }).targets).toHaveLength(1);
  });
});

describe('configuration errors name the job and field', () => {
  test.each([
    [{ scrape_configs: [staticJob(), staticJob()] }, 'scrape_configs[static].job_name: found multiple scrape configs with job name "static"'],
    [{ scrape_configs: [staticJob({ scrape_interval: '5 s' })] }, 'scrape_configs[static].scrape_interval: "5 s" is not a Prometheus duration'],
    [{ scrape_configs: [staticJob({ scrape_interval: '5s', scrape_timeout: '6s' })] }, 'scrape_configs[static].scrape_timeout: scrape timeout greater than scrape interval'],
    [{ scrape_configs: [staticJob({ relabel_configs: [{ action: 'keep', regex: '(' }] })] }, 'scrape_configs[static].relabel_configs[0]: invalid regex "("'],
    [{ scrape_configs: [{ static_configs: [] }] }, 'scrape_configs[0].job_name: every scrape config needs a job_name'],
  ])('%#', (config, message) => {
    expect(() => run(config)).toThrow(message);
  });
});

describe('service discovery coverage', () => {
  test('other SD mechanisms are reported as not simulated', () => {
    const { warnings } = run({ scrape_configs: [{ job_name: 'f', file_sd_configs: [{ files: ['x.json'] }] }] });
    expect(warnings).toEqual(['scrape_configs[f].file_sd_configs: not simulated; its targets are not listed.']);
  });
});

describe('sharding', () => {
  const sharded = {
    scrape_configs: [{
      job_name: 'pods',
      kubernetes_sd_configs: [{ role: 'pod' }],
      relabel_configs: [
        { source_labels: ['__address__', '__tmp_hash'], target_label: '__tmp_hash', regex: '(.+);', replacement: '$1' },
        { source_labels: ['__tmp_hash'], target_label: '__tmp_hash', modulus: 2, action: 'hashmod' },
        { source_labels: ['__tmp_hash', '__tmp_disable_sharding'], regex: '$(SHARD);|.+;.+', action: 'keep' },
      ],
    }],
  };
  const objects = [deployment('web', 'ns', { app: 'web' }, [['m', 9000]], 6)];

  test('each shard keeps its part of the targets ($(SHARD) filled in per shard)', () => {
    const split = previewTargets({ config: sharded, objects, shards: 2, addressAllocator: loopbackAddressAllocator() });
    const byShard = [0, 1].map((s) => split.targets.filter((t) => t.shard === s).map((t) => t.labels.instance));
    expect(byShard[0].length + byShard[1].length).toBe(6);
    expect(byShard[0].length).toBeGreaterThan(0);
    expect(byShard[1].length).toBeGreaterThan(0);
    expect(new Set([...byShard[0], ...byShard[1]]).size).toBe(6);
    // With one shard, $(SHARD) is 0: the config's modulus 2 then keeps only shard 0's part.
    const single = previewTargets({ config: sharded, objects, addressAllocator: loopbackAddressAllocator() });
    expect(single.targets.map((t) => t.labels.instance)).toEqual(byShard[0]);
    expect(single.targets[0].shard).toBeUndefined();
  });
});

describe('the example app (fixture shared with the end-to-end test)', () => {
  test('targets per scrape pool', () => {
    const { objects, config } = loadFixture();
    const preview = run(config, objects);
    expect(preview.warnings).toEqual([]);
    expect(preview.targets.map((t) => ({ scrapePool: t.scrapePool, labels: t.labels }))).toMatchSnapshot();
    expect(preview.dropped.map((d) => `${d.scrapePool} ${d.discoveredLabels.__address__} ${d.reason}`)).toMatchSnapshot();
  });

  test('a Service pointing at Pods the app does not have yields no targets', () => {
    const { targets } = run({ scrape_configs: [{ job_name: 'x', kubernetes_sd_configs: [{ role: 'endpoints' }] }] },
      [service('ghost', 'ns', { app: 'ghost' }, [['m', 1, 'm']])]);
    expect(targets).toEqual([]);
  });
});
