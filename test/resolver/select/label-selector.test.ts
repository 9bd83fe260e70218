import { compileLabelSelector, formatLabelSelector, LabelSelectorError } from '../../../src/resolver/select/label-selector';

describe('label selectors (metav1.LabelSelectorAsSelector)', () => {
  test('a missing selector matches nothing', () => {
    const s = compileLabelSelector(undefined);
    expect(s.nothing).toBe(true);
    expect(s.matches({ any: 'thing' })).toBe(false);
    expect(compileLabelSelector(null).matches({})).toBe(false);
  });

  test('an empty selector matches everything, even no labels', () => {
    const s = compileLabelSelector({});
    expect(s.everything).toBe(true);
    expect(s.matches(undefined)).toBe(true);
    expect(compileLabelSelector({ matchLabels: {}, matchExpressions: [] }).everything).toBe(true);
  });

  test('matchLabels needs every label with the same value', () => {
    const s = compileLabelSelector({ matchLabels: { release: 'prom', team: 'a' } });
    expect(s.matches({ release: 'prom', team: 'a', extra: 'x' })).toBe(true);
    expect(s.matches({ release: 'prom' })).toBe(false);
    expect(s.matches({ release: 'other', team: 'a' })).toBe(false);
  });

  test('In needs the label with one of the values', () => {
    const s = compileLabelSelector({ matchExpressions: [{ key: 'tier', operator: 'In', values: ['a', 'b'] }] });
    expect(s.matches({ tier: 'b' })).toBe(true);
    expect(s.matches({ tier: 'c' })).toBe(false);
    expect(s.matches({})).toBe(false);
  });

  test('NotIn matches objects without the label', () => {
    const s = compileLabelSelector({ matchExpressions: [{ key: 'tier', operator: 'NotIn', values: ['a'] }] });
    expect(s.matches({})).toBe(true);
    expect(s.matches({ tier: 'b' })).toBe(true);
    expect(s.matches({ tier: 'a' })).toBe(false);
  });

  test('Exists and DoesNotExist look at the key only', () => {
    const exists = compileLabelSelector({ matchExpressions: [{ key: 'k', operator: 'Exists' }] });
    const absent = compileLabelSelector({ matchExpressions: [{ key: 'k', operator: 'DoesNotExist' }] });
    expect(exists.matches({ k: '' })).toBe(true);
    expect(exists.matches({})).toBe(false);
    expect(absent.matches({})).toBe(true);
    expect(absent.matches({ k: 'v' })).toBe(false);
  });

  test('an unknown operator is an error', () => {
    expect(() => compileLabelSelector({ matchExpressions: [{ key: 'k', operator: 'Equals', values: ['v'] }] }))
      .toThrow(new LabelSelectorError('"Equals" is not a valid label selector operator'));
  });

  test('In without values is an error', () => {
    expect(() => compileLabelSelector({ matchExpressions: [{ key: 'k', operator: 'In', values: [] }] }))
      .toThrow("for 'in', 'notin' operators, values set can't be empty");
  });

  test('Exists with values is an error', () => {
    expect(() => compileLabelSelector({ matchExpressions: [{ key: 'k', operator: 'Exists', values: ['v'] }] }))
      .toThrow('values set must be empty for exists and does not exist');
  });

  test('an invalid key is an error naming the key', () => {
    expect(() => compileLabelSelector({ matchLabels: { 'bad key': 'v' } }))
      .toThrow(/^key: Invalid value: "bad key": name part must consist of alphanumeric characters/);
    expect(() => compileLabelSelector({ matchLabels: { 'Example.com/app': 'v' } })).toThrow(/prefix part a lowercase RFC 1123 subdomain/);
  });

  test('a prefixed key is valid', () => {
    expect(compileLabelSelector({ matchLabels: { 'app.kubernetes.io/name': 'web' } }).matches({ 'app.kubernetes.io/name': 'web' })).toBe(true);
  });

  test('an invalid value is an error naming the value', () => {
    expect(() => compileLabelSelector({ matchLabels: { app: 'no spaces' } }))
      .toThrow(/^values\[0\]: Invalid value: "no spaces": a valid label must be an empty string/);
    expect(() => compileLabelSelector({ matchLabels: { app: 'x'.repeat(64) } })).toThrow(/must be no more than 63 characters/);
  });

  test('selectors print the way kubectl prints them', () => {
    expect(formatLabelSelector(undefined)).toBe('<none>');
    expect(formatLabelSelector({})).toBe('<all>');
    expect(formatLabelSelector({
      matchLabels: { b: '2', a: '1' },
      matchExpressions: [
        { key: 'c', operator: 'In', values: ['y', 'x'] },
        { key: 'd', operator: 'NotIn', values: ['z'] },
        { key: 'e', operator: 'Exists' },
        { key: 'f', operator: 'DoesNotExist' },
      ],
    })).toBe('a=1,b=2,c in (x,y),d notin (z),e,!f');
  });
});
