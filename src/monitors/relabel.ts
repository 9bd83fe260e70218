import { IConstruct } from 'constructs';
import { fail } from '../common/errors';
import { validateWholeNumber } from '../common/numbers';
import { RELABEL_DEFAULTS } from '../resolver/relabel/config';
import { isValidLabelName, isValidTemplatedLabelName } from '../resolver/relabel/label-names';
import { relabelRegexError } from '../resolver/relabel/regexp';

/** What a relabeling step does (Prometheus `relabel_config.action`). */
export enum RelabelAction {
  /** Writes `replacement` (with regex groups expanded) to `targetLabel` when `regex` matches. */
  REPLACE = 'replace',
  /** Drops the target or sample unless the joined source labels match `regex`. */
  KEEP = 'keep',
  /** Drops the target or sample when the joined source labels match `regex`. */
  DROP = 'drop',
  /** Writes the hash of the joined source labels modulo `modulus` to `targetLabel`. */
  HASHMOD = 'hashmod',
  /** Copies every label whose name matches `regex` to the name given by `replacement`. */
  LABELMAP = 'labelmap',
  /** Removes every label whose name matches `regex`. */
  LABELDROP = 'labeldrop',
  /** Removes every label whose name does not match `regex`. */
  LABELKEEP = 'labelkeep',
  /** Writes the lower-cased joined source labels to `targetLabel` (Prometheus >= 2.36). */
  LOWERCASE = 'lowercase',
  /** Writes the upper-cased joined source labels to `targetLabel` (Prometheus >= 2.36). */
  UPPERCASE = 'uppercase',
  /** Keeps the target when the joined source labels equal `targetLabel`'s value (Prometheus >= 2.41). */
  KEEP_EQUAL = 'keepequal',
  /** Drops the target when the joined source labels equal `targetLabel`'s value (Prometheus >= 2.41). */
  DROP_EQUAL = 'dropequal',
}

/** One relabeling step, with the operator's field names (`RelabelConfig`). */
export interface RelabelConfig {
  /**
   * What the step does.
   * @default RelabelAction.REPLACE
   */
  readonly action?: RelabelAction;
  /**
   * Labels whose values are joined with `separator` and matched against `regex`.
   * @default []
   */
  readonly sourceLabels?: string[];
  /**
   * String placed between the joined source label values.
   * @default ';'
   */
  readonly separator?: string;
  /**
   * Label written by `replace`, `hashmod`, `lowercase` and `uppercase`, or compared by
   * `keepequal`/`dropequal`. Required for those actions.
   * @default - none
   */
  readonly targetLabel?: string;
  /**
   * RE2 regular expression, anchored at both ends, matched against the joined source labels
   * (or label names for `labelmap`, `labeldrop`, `labelkeep`).
   * @default '(.*)'
   */
  readonly regex?: string;
  /**
   * Modulus for `hashmod` (required there, at least 1).
   * @default - none
   */
  readonly modulus?: number;
  /**
   * Replacement for `replace` and `labelmap`; `$1`, `${name}` refer to regex groups.
   * @default '$1'
   */
  readonly replacement?: string;
}

/** The JSON form of one relabeling step in the operator's CRDs. */
export interface RelabelConfigJson {
  /** The action, lower case. */
  readonly action: string;
  /** Source label names. */
  readonly sourceLabels?: string[];
  /** Separator of the joined source values. */
  readonly separator?: string;
  /** Label written or compared. */
  readonly targetLabel?: string;
  /** RE2 expression. */
  readonly regex?: string;
  /** Hashmod modulus. */
  readonly modulus?: number;
  /** Replacement template. */
  readonly replacement?: string;
}

const { regex: DEFAULT_REGEX, separator: DEFAULT_SEPARATOR, replacement: DEFAULT_REPLACEMENT } = RELABEL_DEFAULTS;

const NEEDS_TARGET_LABEL = new Set<RelabelAction>([
  RelabelAction.REPLACE,
  RelabelAction.HASHMOD,
  RelabelAction.LOWERCASE,
  RelabelAction.UPPERCASE,
  RelabelAction.KEEP_EQUAL,
  RelabelAction.DROP_EQUAL,
]);
const NO_REPLACEMENT = new Set<RelabelAction>([RelabelAction.LOWERCASE, RelabelAction.UPPERCASE, RelabelAction.KEEP_EQUAL, RelabelAction.DROP_EQUAL]);
const ACTIONS = new Set<string>(Object.values(RelabelAction));

/**
 * Validates relabeling steps the way the operator does before it accepts a monitor (regex,
 * required target label, hashmod modulus, fields an action does not take) and returns their JSON.
 * `field` is the property path used in errors, e.g. `endpoints[0].relabelings`.
 */
export function renderRelabelConfigs(scope: IConstruct, field: string, configs: RelabelConfig[] | undefined): RelabelConfigJson[] | undefined {
  if (configs === undefined || configs.length === 0) {
    return undefined;
  }
  return configs.map((config, i) => renderRelabelConfig(scope, `${field}[${i}]`, config));
}

function renderRelabelConfig(scope: IConstruct, field: string, config: RelabelConfig): RelabelConfigJson {
  const action = config.action ?? RelabelAction.REPLACE;
  if (!ACTIONS.has(action)) {
    fail(scope, `${field}.action`, `"${action}" is not a relabel action. Use one of: ${[...ACTIONS].join(', ')}.`);
  }
  if (config.regex !== undefined) {
    const problem = relabelRegexError(config.regex);
    if (problem !== undefined) {
      const reason = /error parsing regexp: ([^:`]+)/.exec(problem)?.[1].trim() ?? problem;
      fail(scope, `${field}.regex`, `${JSON.stringify(config.regex)} is not a valid RE2 regular expression (${reason}). Use RE2 syntax (no lookaround, no backreferences); Prometheus anchors it as ^(?:...)$.`);
    }
  }
  (config.sourceLabels ?? []).forEach((label, i) => {
    if (!isValidLabelName(label)) {
      fail(scope, `${field}.sourceLabels[${i}]`, `"${label}" is not a valid Prometheus label name. Use letters, digits and '_', not starting with a digit.`);
    }
  });
  validateWholeNumber(scope, `${field}.modulus`, config.modulus);
  if (action === RelabelAction.HASHMOD && !config.modulus) {
    fail(scope, `${field}.modulus`, 'the hashmod action needs a modulus. Set modulus to a whole number of at least 1.');
  }
  validateTargetLabel(scope, field, action, config.targetLabel);
  validateFieldsForAction(scope, field, action, config);
  return {
    action,
    ...(config.sourceLabels && config.sourceLabels.length > 0 ? { sourceLabels: [...config.sourceLabels] } : {}),
    ...(config.separator !== undefined ? { separator: config.separator } : {}),
    ...(config.targetLabel !== undefined ? { targetLabel: config.targetLabel } : {}),
    ...(config.regex !== undefined ? { regex: config.regex } : {}),
    ...(config.modulus !== undefined ? { modulus: config.modulus } : {}),
    ...(config.replacement !== undefined ? { replacement: config.replacement } : {}),
  };
}

function validateTargetLabel(scope: IConstruct, field: string, action: RelabelAction, targetLabel: string | undefined): void {
  if (NEEDS_TARGET_LABEL.has(action) && !targetLabel) {
    fail(scope, `${field}.targetLabel`, `the ${action} action needs a targetLabel. Set targetLabel to the label to write.`);
  }
  if (targetLabel === undefined || !NEEDS_TARGET_LABEL.has(action)) {
    return;
  }
  const templated = action === RelabelAction.REPLACE && targetLabel.includes('$');
  const valid = templated ? isValidTemplatedLabelName(targetLabel) : isValidLabelName(targetLabel);
  if (!valid) {
    fail(scope, `${field}.targetLabel`, `"${targetLabel}" is not a valid target label for the ${action} action. Use letters, digits and '_', not starting with a digit${action === RelabelAction.REPLACE ? ' ($1 or ${name} group references are allowed)' : ''}.`);
  }
}

function validateFieldsForAction(scope: IConstruct, field: string, action: RelabelAction, config: RelabelConfig): void {
  const setReplacement = config.replacement !== undefined && config.replacement !== DEFAULT_REPLACEMENT;
  if (NO_REPLACEMENT.has(action) && setReplacement) {
    fail(scope, `${field}.replacement`, `the ${action} action takes no replacement. Remove replacement.`);
  }
  if (action === RelabelAction.KEEP_EQUAL || action === RelabelAction.DROP_EQUAL) {
    const extra = [
      config.regex !== undefined && config.regex !== DEFAULT_REGEX ? 'regex' : undefined,
      config.modulus ? 'modulus' : undefined,
      config.separator !== undefined && config.separator !== DEFAULT_SEPARATOR ? 'separator' : undefined,
    ].find((f) => f !== undefined);
    if (extra) {
      fail(scope, `${field}.${extra}`, `the ${action} action takes only sourceLabels and targetLabel. Remove ${extra}.`);
    }
  }
  if (action === RelabelAction.LABELDROP || action === RelabelAction.LABELKEEP) {
    const extra = [
      config.sourceLabels && config.sourceLabels.length > 0 ? 'sourceLabels' : undefined,
      config.targetLabel ? 'targetLabel' : undefined,
      config.modulus ? 'modulus' : undefined,
      config.separator !== undefined && config.separator !== DEFAULT_SEPARATOR ? 'separator' : undefined,
      setReplacement ? 'replacement' : undefined,
    ].find((f) => f !== undefined);
    if (extra) {
      fail(scope, `${field}.${extra}`, `the ${action} action takes only regex (matched against label names). Remove ${extra}.`);
    }
  }
  if (action === RelabelAction.LABELMAP && config.replacement !== undefined && !isValidTemplatedLabelName(config.replacement)) {
    fail(scope, `${field}.replacement`, `"${config.replacement}" is not a valid label name for the labelmap action. Use letters, digits, '_' and $1 or \${name} group references.`);
  }
}
