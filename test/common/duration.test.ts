import { Duration, Testing } from 'cdk8s';
import { toPositivePrometheusDuration, toPrometheusDuration } from '../../src/common/duration';

describe('cdk8s durations in the Prometheus form', () => {
  test('cdk8s durations convert; fractions and zero are rejected with the field named', () => {
    const chart = Testing.chart();
    expect(toPrometheusDuration(chart, 'interval', Duration.minutes(2))).toBe('2m');
    expect(() => toPrometheusDuration(chart, 'interval', Duration.millis(1.5))).toThrow(/test: interval: 1.5ms is not a valid Prometheus duration/);
    expect(() => toPositivePrometheusDuration(chart, 'scrapeTimeout', Duration.seconds(0))).toThrow(/scrapeTimeout: a zero duration is not allowed/);
  });
});
