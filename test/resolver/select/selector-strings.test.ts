import { FieldSelector, parseLabelSelectorString } from '../../../src/resolver/select/selector-strings';

describe('label selector strings (labels.Parse)', () => {
  const labels = { app: 'web', tier: 'fe' };
  test.each([
    ['', true],
    ['app=web', true],
    ['app==web', true],
    ['app!=web', false],
    ['app in (web, api)', true],
    ['tier notin (fe)', false],
    ['missing notin (x)', true],
    ['app,tier', true],
    ['!missing', true],
    ['!app', false],
    ['app=web,tier=be', false],
  ])('%j matches: %s', (selector, expected) => {
    expect(parseLabelSelectorString(selector).matches(labels)).toBe(expected);
  });

  test('a malformed selector is refused in the parser\'s words', () => {
    expect(() => parseLabelSelectorString('app=(web')).toThrow("found '(', expected: ',' or 'end of string'");
    expect(() => parseLabelSelectorString('a=b,')).toThrow("found '', expected: !, identifier, or 'end of string'");
  });

  test('Gt and Lt compare integer values', () => {
    expect(parseLabelSelectorString('replicas>2').matches({ replicas: '3' })).toBe(true);
    expect(parseLabelSelectorString('replicas<2').matches({ replicas: '3' })).toBe(false);
    expect(parseLabelSelectorString('replicas>2').matches({})).toBe(false);
    expect(() => parseLabelSelectorString('replicas>x')).toThrow("for 'Gt', 'Lt' operators, the value must be an integer");
  });
});

describe('field selector strings (fields.ParseSelector)', () => {
  const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'ns' }, spec: { nodeName: 'n1' }, status: { phase: 'Running' } };
  test('compare object fields', () => {
    expect(FieldSelector.parse('spec.nodeName=n1').matches(pod)).toBe(true);
    expect(FieldSelector.parse('status.phase!=Running').matches(pod)).toBe(false);
    expect(FieldSelector.parse('metadata.name=p,metadata.namespace=ns').matches(pod)).toBe(true);
    expect(FieldSelector.parse('').matches(pod)).toBe(true);
  });
});
