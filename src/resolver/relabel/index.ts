/**
 * Prometheus relabel_configs semantics (Prometheus 2.53, model/relabel): parse rules with their
 * defaults and validation, then apply them to label sets.
 */
export type { RawRelabelConfig, RelabelAction, RelabelRule } from './config';
export { RELABEL_DEFAULTS, parseRelabelConfig } from './config';
export {
  LEGACY_LABEL_NAME, LEGACY_METRIC_NAME, LEGACY_TEMPLATED_LABEL_NAME,
  isValidLabelName, isValidMetricName, isValidTemplatedLabelName, isWellFormedUtf8,
} from './label-names';
export { expandTemplate } from './expand';
export { goToLower, goToUpper } from './go-strings';
export { hashMod } from './hashmod';
export type { Label } from './label-builder';
export { LabelBuilder, compareNames } from './label-builder';
export type { RelabelResult } from './process';
export { processBuilder, relabel } from './process';
export { RelabelRegexp, relabelRegexError } from './regexp';

import { RawRelabelConfig, RelabelRule, parseRelabelConfig } from './config';

/** Parses a whole relabel_configs list; `where` prefixes error messages (index appended). */
export function parseRelabelConfigs(raw: readonly RawRelabelConfig[] | undefined | null, where: string): RelabelRule[] {
  if (raw === undefined || raw === null) {
    return [];
  }
  if (!Array.isArray(raw)) {
    throw new Error(`${where}: must be a list of relabel configs, got ${JSON.stringify(raw)}`);
  }
  return raw.map((entry, i) => parseRelabelConfig(entry, `${where}[${i}]`));
}
