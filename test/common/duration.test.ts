import { Duration, Testing } from 'cdk8s';
import { formatPrometheusDuration, parsePrometheusDuration, toPositivePrometheusDuration, toPrometheusDuration } from '../../src/common/duration';

describe('Prometheus durations', () => {
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

  test('cdk8s durations convert; fractions and zero are rejected with the field named', () => {
    const chart = Testing.chart();
    expect(toPrometheusDuration(chart, 'interval', Duration.minutes(2))).toBe('2m');
    expect(() => toPrometheusDuration(chart, 'interval', Duration.millis(1.5))).toThrow(/test: interval: 1.5ms is not a valid Prometheus duration/);
    expect(() => toPositivePrometheusDuration(chart, 'scrapeTimeout', Duration.seconds(0))).toThrow(/scrapeTimeout: a zero duration is not allowed/);
  });
});
