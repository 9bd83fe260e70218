import { keys, namespace, prometheus, prometheusRule } from './fixtures';
import { parseVersion } from '../../../src/resolver/render/version';
import { selectAll } from '../../../src/resolver/select';
import { buildRuleFiles, MAX_CONFIGMAP_DATA_SIZE, ruleConfigMapNames } from '../../../src/resolver/select/rules/rule-files';

const own = { namespace: 'monitoring' };
const groups = (...rules: any[]) => ({ groups: [{ name: 'g', rules }] });
const alert = (expr: string, extra: any = {}) => ({ alert: 'A', expr, ...extra });

describe('PrometheusRule selection', () => {
  test('a missing ruleSelector selects no rules, yet three rule ConfigMaps are named', () => {
    const [sel] = selectAll([prometheus({}), prometheusRule({ name: 'r', ...own })]);
    expect(sel.selected.rules).toEqual([]);
    expect(sel.ruleConfigMapNames).toEqual(['prometheus-k8s-rulefiles-0', 'prometheus-k8s-rulefiles-1', 'prometheus-k8s-rulefiles-2']);
  });

  test('an empty ruleSelector selects the rules of the Prometheus namespace', () => {
    const [sel] = selectAll([
      prometheus({ ruleSelector: {} }),
      prometheusRule({ name: 'mine', ...own }),
      prometheusRule({ name: 'theirs', namespace: 'apps' }),
    ]);
    expect(keys(sel.selected.rules)).toEqual(['monitoring/mine']);
  });

  test('ruleSelector labels and ruleNamespaceSelector together decide', () => {
    const [sel] = selectAll([
      prometheus({ ruleSelector: { matchLabels: { role: 'alert-rules' } }, ruleNamespaceSelector: { matchLabels: { rules: 'on' } } }),
      namespace('apps', { rules: 'on' }),
      namespace('off', {}),
      prometheusRule({ name: 'labelled', namespace: 'apps', labels: { role: 'alert-rules' } }),
      prometheusRule({ name: 'unlabelled', namespace: 'apps' }),
      prometheusRule({ name: 'elsewhere', namespace: 'off', labels: { role: 'alert-rules' } }),
    ]);
    expect(keys(sel.selected.rules)).toEqual(['apps/labelled']);
  });

  test('a rule with an unparsable expression is rejected', () => {
    const bad = prometheusRule({ name: 'bad', ...own }, groups(alert('sum(rate(x[5m]) by job')));
    const [sel] = selectAll([prometheus({ ruleSelector: {} }), bad]);
    expect(sel.selected.rules).toEqual([]);
    expect(sel.rejected).toEqual([{ object: bad, reason: 'invalid rule: group "g", rule 1, "A": could not parse expression: 1:17: parse error: unexpected identifier "by"' }]);
  });

  test('a rule whose expression has a type error is rejected', () => {
    const bad = prometheusRule({ name: 'bad', ...own }, groups(alert('rate(http_requests_total)')));
    const [sel] = selectAll([prometheus({ ruleSelector: {} }), bad]);
    expect(sel.rejected[0].reason).toBe('invalid rule: group "g", rule 1, "A": could not parse expression: 1:6: parse error: '
      + 'expected type range vector in call to function "rate", got instant vector');
  });

  test('duplicate group names are rejected', () => {
    const dup = prometheusRule({ name: 'dup', ...own }, { groups: [{ name: 'g', rules: [alert('up')] }, { name: 'g', rules: [alert('up')] }] });
    const [sel] = selectAll([prometheus({ ruleSelector: {} }), dup]);
    expect(sel.rejected[0].reason).toBe('invalid rule: groupname: "g" is repeated in the same file');
  });

  test('a recording rule may not have annotations or an invalid name', () => {
    const rec = prometheusRule({ name: 'rec', ...own }, groups({ record: 'job:up-sum', expr: 'sum(up)', annotations: { a: 'b' } }));
    const [sel] = selectAll([prometheus({ ruleSelector: {}, version: 'v2.55.0' }), rec]);
    expect(sel.rejected[0].reason).toBe('invalid rule: group "g", rule 1, "job:up-sum": invalid field \'annotations\' in recording rule; '
      + 'group "g", rule 1, "job:up-sum": invalid recording rule name: job:up-sum');
  });

  test('a rule needs exactly one of record and alert', () => {
    const both = prometheusRule({ name: 'both', ...own }, groups({ record: 'r', alert: 'a', expr: 'up' }));
    const [sel] = selectAll([prometheus({ ruleSelector: {} }), both]);
    expect(sel.rejected[0].reason).toBe('invalid rule: group "g", rule 1, "a": only one of \'record\' and \'alert\' must be set');
  });

  test('an unclosed template action in an annotation is rejected', () => {
    const tmpl = prometheusRule({ name: 't', ...own }, groups(alert('up == 0', { annotations: { summary: '{{ $labels.job' } })));
    const [sel] = selectAll([prometheus({ ruleSelector: {} }), tmpl]);
    expect(sel.rejected[0].reason).toBe('invalid rule: group "g", rule 1, "A": annotation "summary": template: __alert_A:1: unclosed action');
  });

  test('with enforcedNamespaceLabel, a rule whose expression does not parse is skipped without an event', () => {
    const bad = prometheusRule({ name: 'bad', namespace: 'apps' }, groups(alert('up ==')));
    const [sel] = selectAll([prometheus({ ruleSelector: {}, ruleNamespaceSelector: {}, enforcedNamespaceLabel: 'namespace' }), bad]);
    expect(sel.rejected).toHaveLength(1);
    expect(sel.rejected[0].reason).toMatch(/^skipped without an event: enforcing the namespace label "namespace" failed to parse promql expression/);
  });

  test('enforcedNamespaceLabel adds the namespace label to every rule unless the rule is excluded', () => {
    const v = parseVersion('v3.5.0');
    const rule = prometheusRule({ name: 'r', namespace: 'apps' }, groups(alert('up == 0')));
    const enforced = buildRuleFiles(prometheus({ enforcedNamespaceLabel: 'tenant' }), [rule], v);
    expect([...enforced.files.values()][0]).toContain('tenant: apps');
    const excluded = buildRuleFiles(prometheus({
      enforcedNamespaceLabel: 'tenant',
      excludedFromEnforcement: [{ group: 'monitoring.coreos.com', resource: 'prometheusrules', namespace: 'apps', name: 'r' }],
    }), [rule], v);
    expect([...excluded.files.values()][0]).not.toContain('tenant');
  });

  test('fields the Prometheus version does not know are dropped from the rule file', () => {
    const rule = prometheusRule({ name: 'r', namespace: 'apps' }, {
      groups: [{ name: 'g', limit: 5, query_offset: '1m', partial_response_strategy: 'warn', labels: { a: 'b' }, rules: [alert('up', { keep_firing_for: '5m' })] }],
    });
    const [content] = [...buildRuleFiles(prometheus({}), [rule], parseVersion('v2.30.0')).files.values()];
    expect(content).not.toMatch(/limit|query_offset|partial_response_strategy|keep_firing_for|labels/);
    const [recent] = [...buildRuleFiles(prometheus({}), [rule], parseVersion('v3.0.0')).files.values()];
    expect(recent).toMatch(/limit: 5/);
    expect(recent).not.toMatch(/partial_response_strategy/);
  });

  test('rule files are named <namespace>-<name>-<uid>.yaml', () => {
    const rule = prometheusRule({ name: 'r', namespace: 'apps' });
    rule.metadata.uid = 'abc';
    expect([...buildRuleFiles(prometheus({}), [rule], parseVersion('v3.5.0')).files.keys()]).toEqual(['apps-r-abc.yaml']);
  });

  test('rule files beyond half a MiB go to further ConfigMaps, first fit in file name order', () => {
    const big = 'x'.repeat(MAX_CONFIGMAP_DATA_SIZE / 2 + 1);
    const files = new Map([['a.yaml', big], ['b.yaml', big], ['c.yaml', 'small'], ['d.yaml', big]]);
    expect(ruleConfigMapNames('k8s', files)).toEqual(['prometheus-k8s-rulefiles-0', 'prometheus-k8s-rulefiles-1', 'prometheus-k8s-rulefiles-2']);
    const many = new Map(Array.from({ length: 11 }, (_, i) => [`f${String(i).padStart(2, '0')}.yaml`, big]));
    expect(ruleConfigMapNames('k8s', many).slice(0, 4)).toEqual([
      'prometheus-k8s-rulefiles-0', 'prometheus-k8s-rulefiles-1', 'prometheus-k8s-rulefiles-10', 'prometheus-k8s-rulefiles-2',
    ]);
  });

  test('a PrometheusRule larger than half a MiB is rejected', () => {
    const huge = prometheusRule({ name: 'huge', ...own }, groups(alert('up', { annotations: { text: 'x'.repeat(MAX_CONFIGMAP_DATA_SIZE) } })));
    const [sel] = selectAll([prometheus({ ruleSelector: {} }), huge]);
    expect(sel.rejected[0].reason).toMatch(/^invalid rule: the length of rendered Prometheus Rule is \d+ bytes which is above the maximum limit of 524288 bytes$/);
  });
});

describe('rule templates', () => {
  test('an {{end}} without a block is rejected', () => {
    const r = prometheusRule({ name: 't', ...own }, groups(alert('up == 0', { labels: { severity: 'x{{ end }}' } })));
    const [sel] = selectAll([prometheus({ ruleSelector: {} }), r]);
    expect(sel.rejected[0].reason).toBe('invalid rule: group "g", rule 1, "A": label "severity": template: __alert_A:1: unexpected {{end}}');
  });

  test('an unterminated {{if}} block is rejected and balanced blocks are accepted', () => {
    const open = prometheusRule({ name: 'o', ...own }, groups(alert('up == 0', { annotations: { d: '{{ if $value }}high' } })));
    const fine = prometheusRule({ name: 'f', ...own }, groups(alert('up == 0', { annotations: { d: '{{ if gt $value 1.0 }}high{{ else }}low{{ end }}' } })));
    const [sel] = selectAll([prometheus({ ruleSelector: {} }), open, fine]);
    expect(sel.rejected.map((x) => x.reason)).toEqual(['invalid rule: group "g", rule 1, "A": annotation "d": template: __alert_A:1: unexpected EOF']);
    expect(keys(sel.selected.rules)).toEqual(['monitoring/f']);
  });
});
