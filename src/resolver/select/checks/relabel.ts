/**
 * The operator's rejection of monitors whose relabelings it cannot use (pkg/prometheus/validation),
 * as a rejection check: the rules are {@link relabelConfigProblem}'s.
 */

import { reject, within } from './check-error';
import { relabelConfigProblem } from '../../render/scrape/relabel-validation';
import { SemVer } from '../../render/version';

/** Validates a list of relabelings; the first error is prefixed with its index (`[2]: ...`). */
export function validateRelabelConfigs(configs: readonly any[] | undefined, version: SemVer): void {
  (configs ?? []).forEach((rc, i) => within(`[${i}]`, () => {
    const problem = relabelConfigProblem(version, rc ?? {});
    if (problem !== undefined) reject(problem);
  }));
}
