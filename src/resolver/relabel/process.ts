import { RelabelRule } from './config';
import { goToLower, goToUpper } from './go-strings';
import { hashMod } from './hashmod';
import { LabelBuilder } from './label-builder';
import { isValidLabelName } from './label-names';

/**
 * Applies relabel rules in order to a builder, as Prometheus's relabel.ProcessBuilder. Returns
 * false as soon as a rule drops the label set (the builder is then left part-way).
 */
export function processBuilder(builder: LabelBuilder, rules: readonly RelabelRule[]): boolean {
  for (const rule of rules) {
    if (!applyRule(rule, builder)) {
      return false;
    }
  }
  return true;
}

/** The result of relabeling one label set. */
export interface RelabelResult {
  /** False when a keep/drop/keepequal/dropequal rule dropped the label set. */
  readonly keep: boolean;
  /** The labels after relabeling, names sorted; empty when dropped. */
  readonly labels: Record<string, string>;
}

/** Relabels a label set (name → value; empty values count as absent), as Prometheus's relabel.Process. */
export function relabel(labels: Readonly<Record<string, string>>, rules: readonly RelabelRule[]): RelabelResult {
  const builder = new LabelBuilder(labels);
  if (!processBuilder(builder, rules)) {
    return { keep: false, labels: {} };
  }
  return { keep: true, labels: builder.labels() };
}

function applyRule(rule: RelabelRule, lb: LabelBuilder): boolean {
  const value = rule.sourceLabels.map((name) => lb.get(name)).join(rule.separator);
  switch (rule.action) {
    case 'drop':
      return !rule.regex.matches(value);
    case 'keep':
      return rule.regex.matches(value);
    case 'dropequal':
      return lb.get(rule.targetLabel) !== value;
    case 'keepequal':
      return lb.get(rule.targetLabel) === value;
    case 'replace': {
      const indexes = rule.regex.matchIndexes(value);
      if (!indexes) {
        break;
      }
      const target = rule.regex.expand(rule.targetLabel, value, indexes);
      if (!isValidLabelName(target)) {
        break;
      }
      const result = rule.regex.expand(rule.replacement, value, indexes);
      if (result === '') {
        lb.delete(target);
      } else {
        lb.set(target, result);
      }
      break;
    }
    case 'lowercase':
      lb.set(rule.targetLabel, goToLower(value));
      break;
    case 'uppercase':
      lb.set(rule.targetLabel, goToUpper(value));
      break;
    case 'hashmod':
      lb.set(rule.targetLabel, hashMod(value, rule.modulus));
      break;
    case 'labelmap':
      for (const label of lb.list()) {
        if (rule.regex.matches(label.name)) {
          lb.set(rule.regex.replaceAll(label.name, rule.replacement), label.value);
        }
      }
      break;
    case 'labeldrop':
      for (const label of lb.list()) {
        if (rule.regex.matches(label.name)) {
          lb.delete(label.name);
        }
      }
      break;
    case 'labelkeep':
      for (const label of lb.list()) {
        if (!rule.regex.matches(label.name)) {
          lb.delete(label.name);
        }
      }
      break;
  }
  return true;
}
