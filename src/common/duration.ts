import { Duration } from 'cdk8s';
import { IConstruct } from 'constructs';
import { fail } from './errors';

/** The Prometheus duration grammar (as in the operator's CRDs): `30s`, `1h30m`, `0`. */
export const PROMETHEUS_DURATION_PATTERN = /^(0|(([0-9]+)y)?(([0-9]+)w)?(([0-9]+)d)?(([0-9]+)h)?(([0-9]+)m)?(([0-9]+)s)?(([0-9]+)ms)?)$/;

const UNITS: Array<[string, number]> = [
  ['y', 365 * 24 * 3600 * 1000],
  ['w', 7 * 24 * 3600 * 1000],
  ['d', 24 * 3600 * 1000],
  ['h', 3600 * 1000],
  ['m', 60 * 1000],
  ['s', 1000],
  ['ms', 1],
];

/** Renders a number of milliseconds in Prometheus's canonical duration form (`90000` → `1m30s`). */
export function formatPrometheusDuration(millis: number): string {
  if (millis === 0) {
    return '0s';
  }
  let rest = millis;
  let out = '';
  for (const [unit, size] of UNITS) {
    const n = Math.floor(rest / size);
    if (n > 0) {
      out += `${n}${unit}`;
      rest -= n * size;
    }
  }
  return out;
}

/** Parses a Prometheus duration string to milliseconds; undefined when it is not valid. */
export function parsePrometheusDuration(text: string): number | undefined {
  const match = PROMETHEUS_DURATION_PATTERN.exec(text);
  if (!match || text === '') {
    return undefined;
  }
  if (text === '0') {
    return 0;
  }
  let total = 0;
  for (const [, amount, unit] of text.matchAll(/([0-9]+)(ms|y|w|d|h|m|s)/g)) {
    total += Number(amount) * UNITS.find(([u]) => u === unit)![1];
  }
  return total;
}

/**
 * Converts a cdk8s Duration to the Prometheus form, rejecting what Prometheus cannot express
 * (negative or fractional milliseconds).
 */
export function toPrometheusDuration(scope: IConstruct, field: string, duration: Duration): string {
  const millis = duration.toMilliseconds({ integral: false });
  if (!Number.isInteger(millis) || millis < 0) {
    fail(scope, field, `${millis}ms is not a valid Prometheus duration. Use a whole, non-negative number of milliseconds (e.g. Duration.seconds(30)).`);
  }
  return formatPrometheusDuration(millis);
}

/** Like toPrometheusDuration, and also rejects zero: intervals and timeouts must be positive. */
export function toPositivePrometheusDuration(scope: IConstruct, field: string, duration: Duration): string {
  if (duration.toMilliseconds({ integral: false }) === 0) {
    fail(scope, field, 'a zero duration is not allowed here. Use a positive duration such as Duration.seconds(30).');
  }
  return toPrometheusDuration(scope, field, duration);
}
