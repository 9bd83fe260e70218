/**
 * Validation of a PrometheusRule's groups the way Prometheus's rule file parser (rulefmt) checks
 * them when the operator decides whether to keep a PrometheusRule: group names, record/alert
 * exclusivity, PromQL syntax, label and annotation names, recording rule names, durations and
 * the template syntax of alert labels and annotations.
 */

import { promqlParseError } from './promql-parse';
import { isValidLabelName, isValidMetricName, isWellFormedUtf8 } from '../../relabel/label-names';
import { SemVer, usesUtf8Names } from '../../render/version';
import { parseDuration } from '../checks/common';

/** Every error rulefmt would report for `spec` (a PrometheusRule spec), in its format. */
export function validateRuleGroups(spec: any, version: SemVer): string[] {
  const errors: string[] = [];
  const seen = new Set<string>();
  for (const group of spec?.groups ?? []) {
    const name = String(group?.name ?? '');
    if (name === '') errors.push('Groupname must not be empty');
    if (seen.has(name)) errors.push(`groupname: ${JSON.stringify(name)} is repeated in the same file`);
    seen.add(name);
    errors.push(...labelErrors(group?.labels, version));
    for (const field of ['interval', 'query_offset']) {
      const err = durationError(group?.[field]);
      if (err) errors.push(`group ${JSON.stringify(name)}: ${field}: ${err}`);
    }
    (group?.rules ?? []).forEach((rule: any, i: number) => {
      const ruleName = String(rule?.alert || rule?.record || '');
      for (const err of validateRule(rule ?? {}, version)) {
        errors.push(`group ${JSON.stringify(name)}, rule ${i + 1}, ${JSON.stringify(ruleName)}: ${err}`);
      }
    });
  }
  return errors;
}

function validateRule(rule: any, version: SemVer): string[] {
  const errs: string[] = [];
  const record = String(rule.record ?? '');
  const alert = String(rule.alert ?? '');
  const expr = rule.expr === undefined || rule.expr === null ? '' : String(rule.expr);
  if (record !== '' && alert !== '') errs.push("only one of 'record' and 'alert' must be set");
  if (record === '' && alert === '') errs.push("one of 'record' or 'alert' must be set");
  if (expr === '') {
    errs.push("field 'expr' must be set in rule");
  } else {
    const syntax = promqlParseError(expr);
    if (syntax) errs.push(`could not parse expression: ${syntax}`);
  }
  for (const field of ['for', 'keep_firing_for']) {
    const err = durationError(rule[field]);
    if (err) errs.push(`${field}: ${err}`);
  }
  if (record !== '') {
    if (Object.keys(rule.annotations ?? {}).length > 0) errs.push("invalid field 'annotations' in recording rule");
    if (isNonZeroDuration(rule.for)) errs.push("invalid field 'for' in recording rule");
    if (isNonZeroDuration(rule.keep_firing_for)) errs.push("invalid field 'keep_firing_for' in recording rule");
    if (!isValidMetricName(record, usesUtf8Names(version))) errs.push(`invalid recording rule name: ${record}`);
  }
  errs.push(...labelErrors(rule.labels, version));
  for (const name of Object.keys(rule.annotations ?? {})) {
    if (!isValidLabelName(name, usesUtf8Names(version))) errs.push(`invalid annotation name: ${name}`);
  }
  if (alert !== '') {
    for (const [k, v] of Object.entries<unknown>(rule.labels ?? {})) {
      const err = templateError(String(v ?? ''), alert);
      if (err) errs.push(`label ${JSON.stringify(k)}: ${err}`);
    }
    for (const [k, v] of Object.entries<unknown>(rule.annotations ?? {})) {
      const err = templateError(String(v ?? ''), alert);
      if (err) errs.push(`annotation ${JSON.stringify(k)}: ${err}`);
    }
  }
  return errs;
}

function labelErrors(labels: Record<string, unknown> | undefined, version: SemVer): string[] {
  const errs: string[] = [];
  for (const [k, v] of Object.entries(labels ?? {})) {
    if (!isValidLabelName(k, usesUtf8Names(version)) || k === '__name__') errs.push(`invalid label name: ${k}`);
    if (!isWellFormedUtf8(String(v ?? ''))) errs.push(`invalid label value: ${String(v)}`);
  }
  return errs;
}

function durationError(value: unknown): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const parsed = parseDuration(String(value));
  return typeof parsed === 'string' ? parsed : undefined;
}

function isNonZeroDuration(value: unknown): boolean {
  if (value === undefined || value === null || value === '') return false;
  const parsed = parseDuration(String(value));
  return typeof parsed === 'number' && parsed !== 0;
}

const BLOCK_OPENERS = new Set(['if', 'range', 'with', 'define', 'block']);

/**
 * The Go text/template parse error of `text`, checking what rule templates get wrong in practice:
 * unclosed actions and unbalanced `{{if}}`/`{{range}}`/`{{with}}` ... `{{end}}` blocks.
 */
function templateError(text: string, alert: string): string | undefined {
  const name = `template: __alert_${alert}`;
  let depth = 0;
  let pos = 0;
  for (;;) {
    const open = text.indexOf('{{', pos);
    if (open < 0) break;
    const close = text.indexOf('}}', open + 2);
    const line = text.slice(0, open).split('\n').length;
    if (close < 0) return `${name}:${line}: unclosed action`;
    const action = text.slice(open + 2, close).replace(/^-\s*/, '').replace(/\s*-$/, '').trim();
    const word = action.split(/[\s(]/)[0];
    if (BLOCK_OPENERS.has(word)) depth++;
    if (word === 'end') {
      if (depth === 0) return `${name}:${line}: unexpected {{end}}`;
      depth--;
    }
    pos = close + 2;
  }
  if (depth > 0) return `${name}:${text.split('\n').length}: unexpected EOF`;
  return undefined;
}
