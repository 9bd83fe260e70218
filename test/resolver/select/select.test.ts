import {
  agent, keys, namespace, podMonitor, probe, prometheus, prometheusRule, scrapeConfig, serviceMonitor,
} from './fixtures';
import { selectAll, selectFor } from '../../../src/resolver/select';
import { ObjectIndex } from '../../../src/resolver/select/object-index';

const own = { namespace: 'monitoring' };

describe('monitor selection by labels', () => {
  test('a missing serviceMonitorSelector selects no ServiceMonitor', () => {
    const [sel] = selectAll([prometheus({}), serviceMonitor({ name: 'web', ...own })]);
    expect(sel.selected.serviceMonitors).toEqual([]);
    expect(sel.rejected).toEqual([]);
  });

  test('an empty serviceMonitorSelector selects every ServiceMonitor of the namespace', () => {
    const [sel] = selectAll([
      prometheus({ serviceMonitorSelector: {} }),
      serviceMonitor({ name: 'b', ...own }),
      serviceMonitor({ name: 'a', ...own, labels: { any: 'label' } }),
    ]);
    expect(keys(sel.selected.serviceMonitors)).toEqual(['monitoring/a', 'monitoring/b']);
  });

  test('matchLabels selects only monitors carrying the labels', () => {
    const [sel] = selectAll([
      prometheus({ serviceMonitorSelector: { matchLabels: { release: 'prom' } } }),
      serviceMonitor({ name: 'yes', ...own, labels: { release: 'prom' } }),
      serviceMonitor({ name: 'no', ...own, labels: { release: 'other' } }),
    ]);
    expect(keys(sel.selected.serviceMonitors)).toEqual(['monitoring/yes']);
  });

  test('matchExpressions select with In, NotIn, Exists and DoesNotExist together', () => {
    const [sel] = selectAll([
      prometheus({
        serviceMonitorSelector: {
          matchExpressions: [
            { key: 'tier', operator: 'In', values: ['a', 'b'] },
            { key: 'env', operator: 'NotIn', values: ['dev'] },
            { key: 'team', operator: 'Exists' },
            { key: 'skip', operator: 'DoesNotExist' },
          ],
        },
      }),
      serviceMonitor({ name: 'match', ...own, labels: { tier: 'a', team: 't' } }),
      serviceMonitor({ name: 'dev', ...own, labels: { tier: 'a', team: 't', env: 'dev' } }),
      serviceMonitor({ name: 'skipped', ...own, labels: { tier: 'b', team: 't', skip: '' } }),
      serviceMonitor({ name: 'noteam', ...own, labels: { tier: 'b' } }),
    ]);
    expect(keys(sel.selected.serviceMonitors)).toEqual(['monitoring/match']);
  });

  test('each kind uses its own selector field', () => {
    const [sel] = selectAll([
      prometheus({ podMonitorSelector: {}, probeSelector: {}, scrapeConfigSelector: {} }),
      serviceMonitor({ name: 'sm', ...own }),
      podMonitor({ name: 'pm', ...own }),
      probe({ name: 'pr', ...own }),
      scrapeConfig({ name: 'sc', ...own }),
    ]);
    expect(keys(sel.selected.serviceMonitors)).toEqual([]);
    expect(keys(sel.selected.podMonitors)).toEqual(['monitoring/pm']);
    expect(keys(sel.selected.probes)).toEqual(['monitoring/pr']);
    expect(keys(sel.selected.scrapeConfigs)).toEqual(['monitoring/sc']);
  });

  test('objects of another API version are not monitors', () => {
    const old = { ...scrapeConfig({ name: 'sc', ...own }), apiVersion: 'monitoring.coreos.com/v1' };
    const [sel] = selectAll([prometheus({ scrapeConfigSelector: {} }), old]);
    expect(sel.selected.scrapeConfigs).toEqual([]);
  });

  test('a later object with the same kind, namespace and name replaces the earlier one', () => {
    const first = serviceMonitor({ name: 'web', ...own, labels: { v: '1' } });
    const second = serviceMonitor({ name: 'web', ...own, labels: { v: '2' } });
    const index = new ObjectIndex([prometheus({ serviceMonitorSelector: {} }), first, second]);
    const [sel] = selectAll(index);
    expect(sel.selected.serviceMonitors).toEqual([second]);
    expect(index.duplicates).toEqual([second]);
  });
});

describe('namespace selection', () => {
  test('a missing namespace selector means the Prometheus namespace only', () => {
    const [sel] = selectAll([
      prometheus({ serviceMonitorSelector: {} }),
      serviceMonitor({ name: 'here', ...own }),
      serviceMonitor({ name: 'there', namespace: 'apps' }),
    ]);
    expect(keys(sel.selected.serviceMonitors)).toEqual(['monitoring/here']);
  });

  test('an empty namespace selector means every namespace, with or without a Namespace object', () => {
    const [sel] = selectAll([
      prometheus({ serviceMonitorSelector: {}, serviceMonitorNamespaceSelector: {} }),
      namespace('apps'),
      serviceMonitor({ name: 'a', namespace: 'apps' }),
      serviceMonitor({ name: 'b', namespace: 'unlisted' }),
    ]);
    expect(keys(sel.selected.serviceMonitors)).toEqual(['apps/a', 'unlisted/b']);
    expect(sel.undecided).toEqual([]);
  });

  test('a label namespace selector reads the labels of the Namespace objects', () => {
    const [sel] = selectAll([
      prometheus({ podMonitorSelector: {}, podMonitorNamespaceSelector: { matchLabels: { team: 'a' } } }),
      namespace('team-a', { team: 'a' }),
      namespace('team-b', { team: 'b' }),
      podMonitor({ name: 'pa', namespace: 'team-a' }),
      podMonitor({ name: 'pb', namespace: 'team-b' }),
    ]);
    expect(keys(sel.selected.podMonitors)).toEqual(['team-a/pa']);
  });

  test('a label namespace selector cannot decide for a namespace whose Namespace object is absent', () => {
    const pm = podMonitor({ name: 'pm', namespace: 'ghost' });
    const [sel] = selectAll([
      prometheus({ podMonitorSelector: {}, podMonitorNamespaceSelector: { matchLabels: { team: 'a' } } }),
      pm,
    ]);
    expect(sel.selected.podMonitors).toEqual([]);
    expect(sel.undecided).toEqual([{
      object: pm,
      reason: 'Namespace "ghost" is not among the input objects, so whether podMonitorNamespaceSelector (team=a) selects it cannot be told',
    }]);
  });

  test('objects the label selector does not match are not undecided', () => {
    const [sel] = selectAll([
      prometheus({ podMonitorSelector: { matchLabels: { x: 'y' } }, podMonitorNamespaceSelector: { matchLabels: { team: 'a' } } }),
      podMonitor({ name: 'pm', namespace: 'ghost' }),
    ]);
    expect(sel.undecided).toEqual([]);
  });

  test('every Namespace carries kubernetes.io/metadata.name, so selecting by it needs no Namespace object', () => {
    const [sel] = selectAll([
      prometheus({
        probeSelector: {},
        probeNamespaceSelector: { matchExpressions: [{ key: 'kubernetes.io/metadata.name', operator: 'In', values: ['apps', 'web'] }] },
      }),
      namespace('web', {}),
      probe({ name: 'a', namespace: 'apps' }),
      probe({ name: 'w', namespace: 'web' }),
      probe({ name: 'o', namespace: 'other' }),
    ]);
    expect(keys(sel.selected.probes)).toEqual(['apps/a', 'web/w']);
    expect(sel.undecided).toEqual([]);
  });

  test('spec.ignoreNamespaceSelectors does not change which monitors are selected', () => {
    const objects = [
      namespace('apps'),
      serviceMonitor({ name: 'sm', namespace: 'apps' }, { selector: {}, namespaceSelector: { any: true }, endpoints: [{ port: 'web' }] }),
    ];
    const all = { serviceMonitorSelector: {}, serviceMonitorNamespaceSelector: {} };
    const [ignoring] = selectAll([prometheus({ ...all, ignoreNamespaceSelectors: true }), ...objects]);
    const [plain] = selectAll([prometheus(all), ...objects]);
    expect(keys(ignoring.selected.serviceMonitors)).toEqual(['apps/sm']);
    expect(ignoring.selected).toEqual(plain.selected);
  });
});

describe('Prometheus-level outcomes', () => {
  test('every Prometheus and PrometheusAgent gets a selection, ordered by kind, namespace and name', () => {
    const sels = selectAll([
      prometheus({}, { name: 'b' }),
      agent({}, { name: 'z' }),
      prometheus({}, { name: 'a' }),
    ]);
    expect(sels.map((s) => `${s.prometheus.kind} ${s.prometheus.metadata.name}`)).toEqual(['Prometheus a', 'Prometheus b', 'PrometheusAgent z']);
  });

  test('a Prometheus with none of the four monitor selectors is unmanaged', () => {
    const objects = [prometheus({ ruleSelector: {} }), prometheus({ probeSelector: {} }, { name: 'managed' })];
    const [unmanaged, managed] = selectAll(objects).sort((a, b) => a.prometheus.metadata.name!.localeCompare(b.prometheus.metadata.name!));
    expect(unmanaged.prometheus.metadata.name).toBe('k8s');
    expect(unmanaged.unmanaged).toBe(true);
    expect(managed.unmanaged).toBe(false);
  });

  test('a PrometheusAgent selects monitors but no rules and no rule ConfigMaps', () => {
    const [sel] = selectAll([
      agent({ serviceMonitorSelector: {}, ruleSelector: {} }),
      serviceMonitor({ name: 'sm', ...own }),
      prometheusRule({ name: 'r', ...own }),
    ]);
    expect(keys(sel.selected.serviceMonitors)).toEqual(['monitoring/sm']);
    expect(sel.selected.rules).toEqual([]);
    expect(sel.ruleConfigMapNames).toEqual([]);
    expect(sel.unmanaged).toBe(false);
  });

  test('an invalid Prometheus selector fails the whole selection with the operator-style error', () => {
    const p = prometheus({ serviceMonitorSelector: { matchExpressions: [{ key: 'a', operator: 'In' }] }, podMonitorSelector: {} });
    const sel = selectFor(p, new ObjectIndex([p, podMonitor({ name: 'pm', ...own })]));
    expect(sel.error).toBe("selecting ServiceMonitors failed: spec.serviceMonitorSelector: values: Invalid value: []: for 'in', 'notin' operators, values set can't be empty");
    expect(sel.selected.podMonitors).toEqual([]);
  });

  test('an invalid namespace selector fails the selection', () => {
    const p = prometheus({ probeSelector: {}, probeNamespaceSelector: { matchLabels: { 'a b': 'c' } } });
    expect(selectFor(p, new ObjectIndex([p])).error).toMatch(/^selecting Probes failed: spec.probeNamespaceSelector: failed to convert namespace label selector to selector: key: Invalid value: "a b"/);
  });

  test('an unparsable spec.version fails the selection', () => {
    const p = prometheus({ version: 'latest', serviceMonitorSelector: {} });
    expect(selectFor(p, new ObjectIndex([p])).error).toMatch(/^failed to parse Prometheus version: "latest" is not a semantic version/);
  });
});

describe('selection bypass', () => {
  test('allMonitors takes every monitor as selected, without checks, and still selects rules by ruleSelector', () => {
    const bad = serviceMonitor({ name: 'bad', namespace: 'apps' }, { selector: { matchExpressions: [{ key: 'a', operator: 'Nope' }] } });
    const p = prometheus({ ruleSelector: { matchLabels: { r: 'y' } } });
    const index = new ObjectIndex([
      p, bad, podMonitor({ name: 'pm', namespace: 'x' }),
      prometheusRule({ name: 'r', ...own }), prometheusRule({ name: 'y', ...own, labels: { r: 'y' } }),
    ]);
    const sel = selectFor(p, index, { allMonitors: true });
    expect(keys(sel.selected.serviceMonitors)).toEqual(['apps/bad']);
    expect(keys(sel.selected.podMonitors)).toEqual(['x/pm']);
    expect(keys(sel.selected.rules)).toEqual(['monitoring/y']);
    expect(sel.rejected).toEqual([]);
  });
});
