// cdk8s Durations in the Prometheus duration grammar (`30s`, `1h30m`), checked for what Prometheus can express.
import { Duration } from 'cdk8s';
import { IConstruct } from 'constructs';
import { fail } from './errors';
import { formatPrometheusDuration } from '../resolver/render/duration';

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
