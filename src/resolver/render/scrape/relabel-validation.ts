/**
 * The operator's validation of RelabelConfig objects (its LabelConfigValidator): actions the
 * Prometheus version knows, a compilable RE2 regex, the fields each action needs or forbids,
 * and label names valid for the version (UTF-8 from Prometheus 3, legacy names before).
 */

import { RelabelRegexp } from '../../relabel/regexp';
import { KubeObject } from '../../types';
import { RenderContext } from '../context';
import { RenderError } from '../errors';
import { versionAtLeast } from '../version';

const LEGACY_LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
const LEGACY_TEMPLATED_NAME = /^(?:(?:[a-zA-Z_]|\$(?:\{\w+\}|\w+))+\w*)+$/;
const DEFAULT_SEPARATOR = ';';
const DEFAULT_REGEX = '(.*)';
const DEFAULT_REPLACEMENT = '$1';

/** Validates every relabel config of a list; throws a RenderError naming `field[i]`. */
export function validateRelabelConfigs(ctx: RenderContext, configs: readonly any[] | undefined, object: KubeObject, field: string): void {
  (configs ?? []).forEach((rc, i) => {
    const problem = relabelConfigProblem(ctx, rc ?? {});
    if (problem !== undefined) throw new RenderError(problem, object, `${field}[${i}]`);
  });
}

/** What is wrong with one relabel config for the context's Prometheus version, or undefined. */
export function relabelConfigProblem(ctx: RenderContext, rc: any): string | undefined {
  const utf8 = versionAtLeast(ctx.version, '3.0.0');
  const validName = (n: string | undefined) => (utf8 ? (n ?? '').length > 0 : LEGACY_LABEL_NAME.test(n ?? ''));
  const validTemplatedName = (n: string) => (utf8 ? n.length > 0 : LEGACY_TEMPLATED_NAME.test(n));
  const actionText: string = rc.action || 'replace';
  const action = actionText.toLowerCase();
  const target: string = rc.targetLabel ?? '';
  const has = (v: unknown) => v !== undefined && v !== null;

  if ((action === 'lowercase' || action === 'uppercase') && !versionAtLeast(ctx.version, '2.36.0')) {
    return `${actionText} relabel action is only supported from Prometheus version 2.36.0`;
  }
  if ((action === 'keepequal' || action === 'dropequal') && !versionAtLeast(ctx.version, '2.41.0')) {
    return `${actionText} relabel action is only supported from Prometheus version 2.41.0`;
  }
  try {
    new RelabelRegexp(rc.regex ?? '');
  } catch (e) {
    return `invalid regex ${rc.regex} for relabel configuration: ${(e as Error).message}`;
  }
  if (!rc.modulus && action === 'hashmod') return 'relabel configuration for hashmod requires non-zero modulus';
  const needsTarget = ['replace', 'hashmod', 'lowercase', 'uppercase', 'keepequal', 'dropequal'];
  if (needsTarget.includes(action) && target === '') {
    return `relabel configuration for ${actionText} action needs targetLabel value`;
  }
  const invalidTarget = `"${target}" is invalid 'target_label' for ${actionText} action`;
  if (action === 'replace' && !validName(target)) return invalidTarget;
  const caseOrEqual = ['lowercase', 'uppercase', 'keepequal', 'dropequal'].includes(action);
  if (caseOrEqual && !validName(target)) return invalidTarget;
  if (caseOrEqual && has(rc.replacement) && rc.replacement !== DEFAULT_REPLACEMENT) {
    return `'replacement' can not be set for ${actionText} action`;
  }
  if (action === 'labelmap' && has(rc.replacement) && !validTemplatedName(rc.replacement)) {
    return `"${rc.replacement}" is invalid 'replacement' for ${actionText} action`;
  }
  if (action === 'hashmod' && !validName(target)) return invalidTarget;
  if (action === 'keepequal' || action === 'dropequal') {
    if ((rc.regex && rc.regex !== DEFAULT_REGEX) || rc.modulus
      || (has(rc.separator) && rc.separator !== DEFAULT_SEPARATOR)
      || (has(rc.replacement) && rc.replacement !== DEFAULT_REPLACEMENT)) {
      return `${actionText} action requires only 'source_labels' and \`target_label\`, and no other fields`;
    }
  }
  if (action === 'labeldrop' || action === 'labelkeep') {
    if ((rc.sourceLabels ?? []).length !== 0 || target !== '' || rc.modulus
      || (has(rc.separator) && rc.separator !== DEFAULT_SEPARATOR)
      || (has(rc.replacement) && rc.replacement !== DEFAULT_REPLACEMENT)) {
      return `${actionText} action requires only 'regex', and no other fields`;
    }
  }
  return undefined;
}
