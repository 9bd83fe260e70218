/**
 * The shape of one check: an ID from the checks catalogue, a one-line description, and a pure
 * function from the app's objects to findings.
 */

import { CheckContext } from './context';
import { Finding } from './finding';

/** One check. */
export interface Check {
  /** The ID every finding of this check carries, e.g. `PORT-SERVICE-PORT-NAME`. */
  readonly id: string;
  /** What the check looks for, one line. */
  readonly description: string;
  /** Runs the check over the app. */
  run(ctx: CheckContext): Finding[];
}
