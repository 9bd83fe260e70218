import { isValidLabelName, LEGACY_TEMPLATED_LABEL_NAME } from './label-names';
import { RelabelRegexp } from './regexp';

/** The relabeling actions Prometheus 2.53 knows. */
export type RelabelAction =
  | 'replace' | 'keep' | 'drop' | 'keepequal' | 'dropequal' | 'hashmod'
  | 'labelmap' | 'labeldrop' | 'labelkeep' | 'lowercase' | 'uppercase';

const ACTIONS: ReadonlySet<string> = new Set<RelabelAction>([
  'replace', 'keep', 'drop', 'keepequal', 'dropequal', 'hashmod',
  'labelmap', 'labeldrop', 'labelkeep', 'lowercase', 'uppercase',
]);

/** One relabel_configs entry as written in prometheus.yaml (snake_case keys). */
export interface RawRelabelConfig {
  readonly source_labels?: readonly string[];
  readonly separator?: string;
  readonly regex?: string | number;
  readonly modulus?: number;
  readonly target_label?: string;
  readonly replacement?: string | number;
  readonly action?: string;
}

/** A relabel rule with Prometheus's defaults filled in and its regex compiled. */
export interface RelabelRule {
  readonly sourceLabels: readonly string[];
  readonly separator: string;
  readonly regex: RelabelRegexp;
  /** Modulus for hashmod (a bigint: Prometheus reads it as uint64). */
  readonly modulus: bigint;
  readonly targetLabel: string;
  readonly replacement: string;
  readonly action: RelabelAction;
}

/** Prometheus's defaults: separator `;`, regex `(.*)`, replacement `$1`, action replace. */
export const RELABEL_DEFAULTS = { separator: ';', regex: '(.*)', replacement: '$1', action: 'replace' as RelabelAction };

/**
 * Reads one relabel_configs entry as Prometheus does: absent fields take the defaults (an explicit
 * empty string is kept), the action is case-insensitive, and the same validation applies.
 * Throws an Error starting with `where` (e.g. `scrape_configs[job].relabel_configs[3]`).
 */
export function parseRelabelConfig(raw: RawRelabelConfig, where: string): RelabelRule {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new Error(`${where}: a relabel config must be a mapping, got ${JSON.stringify(raw)}`);
  }
  const fail = (message: string): never => {
    throw new Error(`${where}: ${message}`);
  };
  const text = (field: keyof RawRelabelConfig, fallback: string): string => {
    const value = raw[field];
    if (value === undefined || value === null) {
      return fallback;
    }
    if (typeof value === 'string') {
      return value;
    }
    if (typeof value === 'number' || typeof value === 'boolean') {
      return String(value);
    }
    return fail(`${field} must be a string, got ${JSON.stringify(value)}`);
  };
  const actionText = text('action', RELABEL_DEFAULTS.action).toLowerCase();
  if (!ACTIONS.has(actionText)) {
    fail(`unknown relabel action ${JSON.stringify(raw.action)}; allowed: ${[...ACTIONS].join(', ')}`);
  }
  const action = actionText as RelabelAction;
  const sourceLabels = raw.source_labels ?? [];
  if (!Array.isArray(sourceLabels) || sourceLabels.some((l) => typeof l !== 'string')) {
    fail(`source_labels must be a list of label names, got ${JSON.stringify(raw.source_labels)}`);
  }
  const regexSource = text('regex', RELABEL_DEFAULTS.regex);
  let regex: RelabelRegexp;
  try {
    regex = new RelabelRegexp(regexSource);
  } catch (e) {
    return fail((e as Error).message);
  }
  const modulusValue = raw.modulus ?? 0;
  if (typeof modulusValue !== 'number' || !Number.isInteger(modulusValue) || modulusValue < 0) {
    fail(`modulus must be a non-negative integer, got ${JSON.stringify(raw.modulus)}`);
  }
  const rule: RelabelRule = {
    sourceLabels,
    separator: text('separator', RELABEL_DEFAULTS.separator),
    regex,
    modulus: BigInt(modulusValue),
    targetLabel: text('target_label', ''),
    replacement: text('replacement', RELABEL_DEFAULTS.replacement),
    action,
  };
  validateRule(rule, raw, fail);
  return rule;
}

/** The checks of Prometheus's relabel.Config.Validate, with the same conditions. */
function validateRule(rule: RelabelRule, raw: RawRelabelConfig, fail: (message: string) => never): void {
  const { action, targetLabel } = rule;
  const needsTarget: RelabelAction[] = ['replace', 'hashmod', 'lowercase', 'uppercase', 'keepequal', 'dropequal'];
  const plainTarget: RelabelAction[] = ['lowercase', 'uppercase', 'keepequal', 'dropequal'];
  if (action === 'hashmod' && rule.modulus === 0n) {
    fail('relabel configuration for hashmod requires non-zero modulus');
  }
  if (needsTarget.includes(action) && targetLabel === '') {
    fail(`relabel configuration for ${action} action requires 'target_label' value`);
  }
  if (action === 'replace' && !targetLabel.includes('$') && !isValidLabelName(targetLabel)) {
    fail(`${JSON.stringify(targetLabel)} is invalid 'target_label' for ${action} action`);
  }
  if (action === 'replace' && targetLabel.includes('$') && !LEGACY_TEMPLATED_LABEL_NAME.test(targetLabel)) {
    fail(`${JSON.stringify(targetLabel)} is invalid 'target_label' for ${action} action`);
  }
  if ((plainTarget.includes(action) || action === 'hashmod') && !isValidLabelName(targetLabel)) {
    fail(`${JSON.stringify(targetLabel)} is invalid 'target_label' for ${action} action`);
  }
  if (plainTarget.includes(action) && rule.replacement !== RELABEL_DEFAULTS.replacement) {
    fail(`'replacement' can not be set for ${action} action`);
  }
  if (action === 'labelmap' && !LEGACY_TEMPLATED_LABEL_NAME.test(rule.replacement)) {
    fail(`${JSON.stringify(rule.replacement)} is invalid 'replacement' for ${action} action`);
  }
  if (action === 'keepequal' || action === 'dropequal') {
    if ((raw.regex !== undefined && raw.regex !== null) || rule.modulus !== 0n || rule.separator !== RELABEL_DEFAULTS.separator) {
      fail(`${action} action requires only 'source_labels' and \`target_label\`, and no other fields`);
    }
  }
  if (action === 'labeldrop' || action === 'labelkeep') {
    if ((raw.source_labels !== undefined && raw.source_labels !== null) || targetLabel !== '' || rule.modulus !== 0n
      || rule.separator !== RELABEL_DEFAULTS.separator || rule.replacement !== RELABEL_DEFAULTS.replacement) {
      fail(`${action} action requires only 'regex', and no other fields`);
    }
  }
}
