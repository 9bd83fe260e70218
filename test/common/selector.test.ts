import { Testing } from 'cdk8s';
import { MonitorNamespaceSelector, NamespaceSelector, Selector, SelectorOperator } from '../../src';

describe('Selector', () => {
  const chart = Testing.chart();

  test('none() omits the field, all() is {}, matchLabels() matches', () => {
    expect(Selector.none()._toJson(chart, 'f')).toBeUndefined();
    expect(Selector.none().selectsNothing).toBe(true);
    expect(Selector.all()._toJson(chart, 'f')).toEqual({});
    expect(Selector.all().selectsEverything).toBe(true);
    expect(Selector.matchLabels({ release: 'prometheus' })._toJson(chart, 'f')).toEqual({ matchLabels: { release: 'prometheus' } });
  });

  test('required labels include single-valued In expressions', () => {
    const sel = Selector.of({
      matchLabels: { role: 'alert-rules' },
      matchExpressions: [
        { key: 'prometheus', operator: SelectorOperator.IN, values: ['example'] },
        { key: 'team', operator: SelectorOperator.EXISTS },
      ],
    });
    expect(sel.requiredLabels).toEqual({ role: 'alert-rules', prometheus: 'example' });
  });

  test('bad keys, values and operators name the field', () => {
    expect(() => Selector.matchLabels({ 'bad key': 'x' })._toJson(chart, 'spec.ruleSelector')).toThrow(/spec\.ruleSelector\.matchLabels\.bad key: "bad key" is not a valid Kubernetes label key/);
    expect(() => Selector.matchLabels({ k: 'not valid!' })._toJson(chart, 'sel')).toThrow(/"not valid!" is not a valid Kubernetes label value/);
    expect(() => Selector.of({ matchExpressions: [{ key: 'k', operator: SelectorOperator.IN }] })._toJson(chart, 'sel')).toThrow(/sel\.matchExpressions\[0\]\.values: operator In needs at least one value/);
    expect(() => Selector.of({ matchExpressions: [{ key: 'k', operator: SelectorOperator.EXISTS, values: ['a'] }] })._toJson(chart, 'sel')).toThrow(/operator Exists takes no values/);
  });
});

describe('NamespaceSelector', () => {
  const chart = Testing.chart();

  test('own() omits the field and knows its namespace', () => {
    const own = NamespaceSelector.own();
    expect(own._toJson(chart, 'f')).toBeUndefined();
    expect(own.knownNamespaces('monitoring')).toEqual(['monitoring']);
  });

  test('all() is {} and names() selects by the metadata.name label', () => {
    expect(NamespaceSelector.all()._toJson(chart, 'f')).toEqual({});
    expect(NamespaceSelector.all().isAllNamespaces).toBe(true);
    const names = NamespaceSelector.names('demo', 'shop');
    expect(names._toJson(chart, 'f')).toEqual({ matchExpressions: [{ key: 'kubernetes.io/metadata.name', operator: 'In', values: ['demo', 'shop'] }] });
    expect(names.knownNamespaces('monitoring')).toEqual(['demo', 'shop']);
    expect(NamespaceSelector.labeled({ team: 'a' }).knownNamespaces('monitoring')).toBeUndefined();
  });
});

describe('MonitorNamespaceSelector', () => {
  const chart = Testing.chart();

  test('own, all and names', () => {
    expect(MonitorNamespaceSelector.own()._toJson(chart, 'f')).toBeUndefined();
    expect(MonitorNamespaceSelector.own().namespaces('demo')).toEqual(['demo']);
    expect(MonitorNamespaceSelector.all()._toJson(chart, 'f')).toEqual({ any: true });
    expect(MonitorNamespaceSelector.all().namespaces('demo')).toBeUndefined();
    expect(MonitorNamespaceSelector.names('demo')._toJson(chart, 'f')).toEqual({ matchNames: ['demo'] });
  });

  test('invalid namespace names are rejected', () => {
    expect(() => MonitorNamespaceSelector.names('Demo_1')._toJson(chart, 'spec.namespaceSelector')).toThrow(/spec\.namespaceSelector: "Demo_1" is not a valid namespace name/);
  });
});
