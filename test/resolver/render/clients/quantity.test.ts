import { quantityToNumber } from '../../../../src/resolver/render/quantity';

test('reads Kubernetes quantities as numbers', () => {
  expect(quantityToNumber(0.5)).toBe(0.5);
  expect(quantityToNumber('0.25')).toBe(0.25);
  expect(quantityToNumber('500m')).toBe(0.5);
  expect(quantityToNumber('1Ki')).toBe(1024);
  expect(quantityToNumber('5e-1')).toBe(0.5);
  expect(quantityToNumber('-1')).toBe(-1);
});

test('anything else is not a quantity', () => {
  expect(quantityToNumber('half')).toBeUndefined();
  expect(quantityToNumber('1 Ki')).toBeUndefined();
  expect(quantityToNumber(true)).toBeUndefined();
});
