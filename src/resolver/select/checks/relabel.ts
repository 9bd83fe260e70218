/**
 * The operator's validation of the relabelings written in monitors (pkg/prometheus/validation):
 * version-gated actions, RE2 regexes, required and forbidden fields per action, and label names
 * under the Prometheus version's naming scheme (legacy before 3.0, UTF-8 from 3.0).
 */

import { reject, within, quote } from './check-error';
import { relabelRegexError } from '../../relabel/regexp';
import { SemVer, versionAtLeast } from '../../render/version';

const LEGACY_LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
const LEGACY_TEMPLATED_TARGET = /^(?:(?:[a-zA-Z_]|\$(?:\{\w+\}|\w+))+\w*)+$/;
const DEFAULT_REGEX = '(.*)';
const DEFAULT_SEPARATOR = ';';
const DEFAULT_REPLACEMENT = '$1';

/** True when `name` is a valid label name for the Prometheus version (UTF-8 from 3.0, legacy before). */
export function isValidLabelName(name: string, version: SemVer): boolean {
  if (versionAtLeast(version, '3.0.0')) return name.length > 0 && isWellFormed(name);
  return LEGACY_LABEL_NAME.test(name);
}

/** True when `s` has no lone surrogate (it encodes to valid UTF-8). */
export function isWellFormed(s: string): boolean {
  return !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s);
}

/** Validates a list of relabelings; the first error is prefixed with its index (`[2]: ...`). */
export function validateRelabelConfigs(configs: readonly any[] | undefined, version: SemVer): void {
  (configs ?? []).forEach((rc, i) => within(`[${i}]`, () => validateRelabelConfig(rc ?? {}, version)));
}

/** Validates one relabeling (monitoring/v1 RelabelConfig, camelCase fields). */
export function validateRelabelConfig(rc: any, version: SemVer): void {
  const written = rc.action === undefined || rc.action === '' ? 'replace' : String(rc.action);
  const action = written.toLowerCase();
  const target = rc.targetLabel === undefined ? '' : String(rc.targetLabel);
  const replacement: string | undefined = rc.replacement === undefined || rc.replacement === null ? undefined : String(rc.replacement);
  const regex = rc.regex === undefined || rc.regex === null ? '' : String(rc.regex);
  const modulus = Number(rc.modulus ?? 0);
  const separator: string | undefined = rc.separator === undefined || rc.separator === null ? undefined : String(rc.separator);
  const validName = (n: string) => isValidLabelName(n, version);
  const caseAction = action === 'lowercase' || action === 'uppercase';
  const equalAction = action === 'keepequal' || action === 'dropequal';

  if (caseAction && !versionAtLeast(version, '2.36.0')) {
    reject(`${written} relabel action is only supported from Prometheus version 2.36.0`);
  }
  if (equalAction && !versionAtLeast(version, '2.41.0')) {
    reject(`${written} relabel action is only supported from Prometheus version 2.41.0`);
  }
  const regexError = relabelRegexError(regex);
  if (regexError !== undefined) reject(`invalid regex ${regex} for relabel configuration: ${regexError}`);
  if (modulus === 0 && action === 'hashmod') reject('relabel configuration for hashmod requires non-zero modulus');
  if ((action === 'replace' || action === 'hashmod' || caseAction || equalAction) && target === '') {
    reject(`relabel configuration for ${written} action needs targetLabel value`);
  }
  if ((action === 'replace' || action === 'hashmod' || caseAction || equalAction) && !validName(target)) {
    reject(`${quote(target)} is invalid 'target_label' for ${written} action`);
  }
  if ((caseAction || equalAction) && replacement !== undefined && replacement !== DEFAULT_REPLACEMENT) {
    reject(`'replacement' can not be set for ${written} action`);
  }
  if (action === 'labelmap' && replacement !== undefined && !isValidLabelNameWithRegexVar(replacement, version)) {
    reject(`${quote(replacement)} is invalid 'replacement' for ${written} action`);
  }
  if (equalAction && (
    (regex !== '' && regex !== DEFAULT_REGEX)
    || modulus !== 0
    || (separator !== undefined && separator !== DEFAULT_SEPARATOR)
    || (replacement !== undefined && replacement !== DEFAULT_REPLACEMENT))) {
    reject(`${written} action requires only 'source_labels' and \`target_label\`, and no other fields`);
  }
  if ((action === 'labeldrop' || action === 'labelkeep') && (
    (rc.sourceLabels ?? []).length !== 0
    || target !== ''
    || modulus !== 0
    || (separator !== undefined && separator !== DEFAULT_SEPARATOR)
    || (replacement !== undefined && replacement !== DEFAULT_REPLACEMENT))) {
    reject(`${written} action requires only 'regex', and no other fields`);
  }
}

function isValidLabelNameWithRegexVar(name: string, version: SemVer): boolean {
  if (versionAtLeast(version, '3.0.0')) return isValidLabelName(name, version);
  return LEGACY_TEMPLATED_TARGET.test(name);
}
