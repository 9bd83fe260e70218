import { parseBase2Bytes, parsePrometheusDuration } from '../../../../src/resolver/render/duration';

describe('parsePrometheusDuration', () => {
  test('reads unit sequences largest first', () => {
    expect(parsePrometheusDuration('30s')).toBe(30_000);
    expect(parsePrometheusDuration('1h30m')).toBe(5_400_000);
    expect(parsePrometheusDuration('1d2h')).toBe(93_600_000);
    expect(parsePrometheusDuration('500ms')).toBe(500);
    expect(parsePrometheusDuration('0')).toBe(0);
  });

  test('refuses other forms', () => {
    expect(parsePrometheusDuration('')).toBeUndefined();
    expect(parsePrometheusDuration('1.5s')).toBeUndefined();
    expect(parsePrometheusDuration('30m1h')).toBeUndefined();
    expect(parsePrometheusDuration('30')).toBeUndefined();
  });
});

describe('parseBase2Bytes', () => {
  test('KB and KiB are both 1024 bytes', () => {
    expect(parseBase2Bytes('1KB')).toBe(1024);
    expect(parseBase2Bytes('1KiB')).toBe(1024);
    expect(parseBase2Bytes('10MB')).toBe(10 * 2 ** 20);
    expect(parseBase2Bytes('1GB512MB')).toBe(2 ** 30 + 512 * 2 ** 20);
  });

  test('unparsable text counts as 0', () => {
    expect(parseBase2Bytes('lots')).toBe(0);
    expect(parseBase2Bytes('')).toBe(0);
  });
});
