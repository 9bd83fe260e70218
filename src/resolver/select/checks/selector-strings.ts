/**
 * Parsers for the selector strings of Kubernetes service discovery (ScrapeConfig
 * kubernetesSDConfigs[].selectors[].label/field): the API machinery's `labels.Parse` and
 * `fields.ParseSelector`, used only to tell whether the operator would accept them.
 */

import { validateLabelKey, validateLabelValue } from '../label-selector';
import { reject, quote } from './check-error';

const SPECIAL = new Set([',', '=', '!', '(', ')', '<', '>']);

function tokenize(s: string): string[] {
  const tokens: string[] = [];
  let i = 0;
  while (i < s.length) {
    const c = s[i];
    if (/\s/.test(c)) { i++; continue; }
    if (c === '=' && s[i + 1] === '=') { tokens.push('=='); i += 2; continue; }
    if (c === '!' && s[i + 1] === '=') { tokens.push('!='); i += 2; continue; }
    if (SPECIAL.has(c)) { tokens.push(c); i++; continue; }
    let j = i;
    while (j < s.length && !SPECIAL.has(s[j]) && !/\s/.test(s[j])) j++;
    tokens.push(s.slice(i, j));
    i = j;
  }
  return tokens;
}

function isIdentifier(t: string | undefined): t is string {
  return t !== undefined && !SPECIAL.has(t) && t !== '==' && t !== '!=';
}

function checkKey(key: string): void {
  const err = validateLabelKey(key);
  if (err) reject(`key: Invalid value: ${quote(key)}: ${err}`);
}

function checkValue(value: string, i = 0): void {
  const err = validateLabelValue(value);
  if (err) reject(`values[${i}]: Invalid value: ${quote(value)}: ${err}`);
}

/** Throws a CheckError when `selector` is not a label selector string `labels.Parse` accepts. */
export function parseLabelSelectorString(selector: string): void {
  const t = tokenize(selector);
  let p = 0;
  if (t.length === 0) return;
  for (;;) {
    let tok = t[p++];
    const negated = tok === '!';
    if (negated) tok = t[p++];
    if (!isIdentifier(tok)) reject(`found '${tok ?? ''}', expected: !, identifier, or 'end of string'`);
    checkKey(tok);
    const next = t[p];
    if (negated || next === undefined || next === ',') {
      // exists / does not exist
    } else if (next === '=' || next === '==' || next === '!=') {
      p++;
      const value = isIdentifier(t[p]) && t[p] !== 'in' ? t[p++] : '';
      checkValue(value);
    } else if (next === '<' || next === '>') {
      p++;
      const value = t[p++];
      if (value === undefined || !/^-?\d+$/.test(value)) reject('for \'Gt\', \'Lt\' operators, the value must be an integer');
    } else if (next === 'in' || next === 'notin') {
      p++;
      if (t[p++] !== '(') reject(`found '${t[p - 1] ?? ''}', expected: '('`);
      const values: string[] = [];
      while (t[p] !== ')') {
        if (t[p] === undefined) reject("found '', expected: ',' or ')'");
        if (t[p] === ',') { p++; continue; }
        values.push(t[p++]);
      }
      p++;
      if (values.length === 0) reject("values: Invalid value: []: for 'in', 'notin' operators, values set can't be empty");
      values.forEach((v, i) => checkValue(v, i));
    } else {
      reject(`found '${next}', expected: in, notin, =, ==, !=, gt, lt`);
    }
    if (p >= t.length) return;
    if (t[p] !== ',') reject(`found '${t[p]}', expected: ',' or 'end of string'`);
    p++;
  }
}

/** Throws a CheckError when `selector` is not a field selector string `fields.ParseSelector` accepts. */
export function parseFieldSelectorString(selector: string): void {
  for (const term of splitUnescaped(selector, ',')) {
    if (term === '') continue;
    const op = findOperator(term);
    if (!op) reject(`invalid selector: '${selector}'; can't understand '${term}'`);
    const value = term.slice(op.index + op.op.length);
    for (let i = 0; i < value.length; i++) {
      if (value[i] !== '\\') continue;
      const n = value[i + 1];
      if (n !== '\\' && n !== ',' && n !== '=') reject(`invalid field selector: invalid escape sequence: \\${n ?? ''}`);
      i++;
    }
  }
}

function splitUnescaped(s: string, sep: string): string[] {
  const out: string[] = [];
  let cur = '';
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '\\' && i + 1 < s.length) { cur += s[i] + s[i + 1]; i++; continue; }
    if (s[i] === sep) { out.push(cur); cur = ''; continue; }
    cur += s[i];
  }
  out.push(cur);
  return out;
}

function findOperator(term: string): { index: number; op: string } | undefined {
  for (let i = 0; i < term.length; i++) {
    if (term[i] === '\\') { i++; continue; }
    for (const op of ['!=', '==', '=']) {
      if (term.startsWith(op, i)) return { index: i, op };
    }
  }
  return undefined;
}
