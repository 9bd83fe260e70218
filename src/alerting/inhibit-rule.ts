import { IConstruct } from 'constructs';
import { Matcher, renderCrdMatchers, renderMatchers } from './matcher';
import { fail } from '../common/errors';
import { isValidLabelName } from '../resolver/relabel/label-names';

/**
 * Mutes notifications for target alerts while a source alert fires, e.g. warnings while the
 * critical alert for the same cluster fires.
 */
export interface InhibitRule {
  /** Conditions of the alert that mutes (at least one). */
  readonly sourceMatchers: Matcher[];
  /** Conditions of the alerts that are muted (at least one). */
  readonly targetMatchers: Matcher[];
  /**
   * Labels whose values source and target must share for the mute to apply.
   * @default [] - any firing source mutes every target
   */
  readonly equal?: string[];
}

function validate(scope: IConstruct, field: string, rule: InhibitRule): void {
  for (const side of ['sourceMatchers', 'targetMatchers'] as const) {
    if ((rule[side] ?? []).length === 0) {
      fail(scope, `${field}.${side}`, `an inhibit rule needs at least one ${side === 'sourceMatchers' ? 'source' : 'target'} matcher; `
        + 'without one it would match every alert. Add a matcher such as Matcher.equal("severity", "critical").');
    }
  }
  for (const label of rule.equal ?? []) {
    if (!isValidLabelName(label)) {
      fail(scope, `${field}.equal`, `"${label}" is not a valid label name. Use letters, digits and '_', not starting with a digit.`);
    }
  }
}

/** Renders inhibit rules for alertmanager.yaml. */
export function renderConfigInhibitRules(scope: IConstruct, rules: InhibitRule[]): object[] {
  return rules.map((rule, i) => {
    const field = `inhibitRules[${i}]`;
    validate(scope, field, rule);
    return {
      source_matchers: renderMatchers(scope, `${field}.sourceMatchers`, rule.sourceMatchers),
      target_matchers: renderMatchers(scope, `${field}.targetMatchers`, rule.targetMatchers),
      ...(rule.equal && rule.equal.length > 0 ? { equal: [...rule.equal] } : {}),
    };
  });
}

/** Renders inhibit rules in the AlertmanagerConfig CRD's form. */
export function renderCrdInhibitRules(scope: IConstruct, rules: InhibitRule[]): object[] {
  return rules.map((rule, i) => {
    const field = `inhibitRules[${i}]`;
    validate(scope, field, rule);
    return {
      sourceMatch: renderCrdMatchers(scope, `${field}.sourceMatchers`, rule.sourceMatchers),
      targetMatch: renderCrdMatchers(scope, `${field}.targetMatchers`, rule.targetMatchers),
      ...(rule.equal && rule.equal.length > 0 ? { equal: [...rule.equal] } : {}),
    };
  });
}
