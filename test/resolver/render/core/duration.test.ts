import { formatPrometheusDuration, parseBase2Bytes, parsePrometheusDuration } from '../../../../src/resolver/render/duration';

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

describe('formatPrometheusDuration and parsePrometheusDuration', () => {
  test.each([
    [0, '0s'],
    [15_000, '15s'],
    [90_000, '1m30s'],
    [5_400_000, '1h30m'],
    [86_400_000, '1d'],
    [1_500, '1s500ms'],
  ])('%d ms is written %s', (millis, text) => {
    expect(formatPrometheusDuration(millis)).toBe(text);
    expect(parsePrometheusDuration(text)).toBe(millis);
  });

  test.each(['15', '1.5s', '15 s', '', 'm', '1h-2m'])('"%s" is not a Prometheus duration', (text) => {
    expect(parsePrometheusDuration(text)).toBeUndefined();
  });

  test('parse the Prometheus grammar', () => {
    expect(parsePrometheusDuration('30s')).toBe(30_000);
    expect(parsePrometheusDuration('1h30m')).toBe(5_400_000);
    expect(parsePrometheusDuration('0')).toBe(0);
    expect(parsePrometheusDuration('100ms')).toBe(100);
    expect(parsePrometheusDuration('')).toBeUndefined();
    expect(parsePrometheusDuration('1.5s')).toBeUndefined();
    expect(parsePrometheusDuration('30m1h')).toBeUndefined();
  });

  test('print as model.Duration.String: years and weeks only when exact', () => {
    expect(formatPrometheusDuration(30_000)).toBe('30s');
    expect(formatPrometheusDuration(90_000)).toBe('1m30s');
    expect(formatPrometheusDuration(8 * 86_400_000)).toBe('8d');
    expect(formatPrometheusDuration(14 * 86_400_000)).toBe('2w');
    expect(formatPrometheusDuration(1_500)).toBe('1s500ms');
    expect(formatPrometheusDuration(0)).toBe('0s');
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
