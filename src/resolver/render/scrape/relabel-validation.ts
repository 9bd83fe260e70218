/**
 * The operator's validation of RelabelConfig objects (its LabelConfigValidator), used both when it
 * selects monitors and when it generates configuration: actions the Prometheus version knows, a
 * compilable RE2 regex, the fields each action needs or forbids, and label names valid for the
 * version (UTF-8 from Prometheus 3, legacy names before).
 */

import { RELABEL_DEFAULTS } from '../../relabel/config';
import { isValidLabelName, isValidTemplatedLabelName } from '../../relabel/label-names';
import { relabelRegexError } from '../../relabel/regexp';
import { KubeObject } from '../../types';
import { RenderContext } from '../context';
import { RenderError } from '../errors';
import { SemVer, usesUtf8Names, versionAtLeast } from '../version';

const NEEDS_TARGET = new Set(['replace', 'hashmod', 'lowercase', 'uppercase', 'keepequal', 'dropequal']);
const CASE_OR_EQUAL = new Set(['lowercase', 'uppercase', 'keepequal', 'dropequal']);

/** Validates every relabel config of a list; throws a RenderError naming `field[i]`. */
export function validateRelabelConfigs(ctx: RenderContext, configs: readonly any[] | undefined, object: KubeObject, field: string): void {
  (configs ?? []).forEach((rc, i) => {
    const problem = relabelConfigProblem(ctx.version, rc ?? {});
    if (problem !== undefined) throw new RenderError(problem, object, `${field}[${i}]`);
  });
}

/**
 * What the operator finds wrong with one relabel config (monitoring/v1 RelabelConfig, camelCase
 * fields) for the Prometheus version, in its words; undefined when it accepts it.
 */
export function relabelConfigProblem(version: SemVer, rc: any): string | undefined {
  const text = (v: unknown): string | undefined => (v === undefined || v === null ? undefined : String(v));
  const written = text(rc.action) || RELABEL_DEFAULTS.action;
  const action = written.toLowerCase();
  const target = text(rc.targetLabel) ?? '';
  const regex = text(rc.regex) ?? '';
  const separator = text(rc.separator);
  const replacement = text(rc.replacement);
  const modulus = Number(rc.modulus ?? 0);
  const utf8 = usesUtf8Names(version);
  const setSeparator = separator !== undefined && separator !== RELABEL_DEFAULTS.separator;
  const setReplacement = replacement !== undefined && replacement !== RELABEL_DEFAULTS.replacement;

  if ((action === 'lowercase' || action === 'uppercase') && !versionAtLeast(version, '2.36.0')) {
    return `${written} relabel action is only supported from Prometheus version 2.36.0`;
  }
  if ((action === 'keepequal' || action === 'dropequal') && !versionAtLeast(version, '2.41.0')) {
    return `${written} relabel action is only supported from Prometheus version 2.41.0`;
  }
  const regexError = relabelRegexError(regex);
  if (regexError !== undefined) return `invalid regex ${regex} for relabel configuration: ${regexError}`;
  if (modulus === 0 && action === 'hashmod') return 'relabel configuration for hashmod requires non-zero modulus';
  if (NEEDS_TARGET.has(action) && target === '') return `relabel configuration for ${written} action needs targetLabel value`;
  if (NEEDS_TARGET.has(action) && !isValidLabelName(target, utf8)) return `${JSON.stringify(target)} is invalid 'target_label' for ${written} action`;
  if (CASE_OR_EQUAL.has(action) && setReplacement) return `'replacement' can not be set for ${written} action`;
  if (action === 'labelmap' && replacement !== undefined && !isValidTemplatedLabelName(replacement, utf8)) {
    return `${JSON.stringify(replacement)} is invalid 'replacement' for ${written} action`;
  }
  if ((action === 'keepequal' || action === 'dropequal')
    && ((regex !== '' && regex !== RELABEL_DEFAULTS.regex) || modulus !== 0 || setSeparator || setReplacement)) {
    return `${written} action requires only 'source_labels' and \`target_label\`, and no other fields`;
  }
  if ((action === 'labeldrop' || action === 'labelkeep')
    && ((rc.sourceLabels ?? []).length !== 0 || target !== '' || modulus !== 0 || setSeparator || setReplacement)) {
    return `${written} action requires only 'regex', and no other fields`;
  }
  return undefined;
}
