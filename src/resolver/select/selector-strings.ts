/**
 * Label and field selectors in their string form (`app=web,tier in (a,b),!canary` and
 * `spec.nodeName=n1,status.phase!=Failed`), parsed as the API machinery's `labels.Parse` and
 * `fields.ParseSelector` do: the operator validates them in ScrapeConfig Kubernetes SD selectors,
 * and the target preview matches objects with them as the API server would.
 */

import { CompiledSelector, LabelRequirement, LabelSelectorError, newRequirement, selectorOf } from './label-selector';
import { KubeObject } from '../types';

const SPECIAL = new Set([',', '=', '!', '(', ')', '<', '>']);

/**
 * Parses a label selector string as `labels.Parse` does (the empty string selects everything).
 * Throws a {@link LabelSelectorError} with the API machinery's message when it is not valid.
 */
export function parseLabelSelectorString(selector: string): CompiledSelector {
  const t = tokenize(selector);
  const requirements: LabelRequirement[] = [];
  const fail = (message: string): never => {
    throw new LabelSelectorError(message);
  };
  let p = 0;
  while (t.length > 0) {
    let key = t[p++];
    const negated = key === '!';
    if (negated) key = t[p++];
    if (!isIdentifier(key)) fail(`found '${key ?? ''}', expected: !, identifier, or 'end of string'`);
    newRequirement(key, 'Exists', []); // the key is validated before the operator is read
    const next = t[p];
    if (negated || next === undefined || next === ',') {
      requirements.push(newRequirement(key, negated ? 'DoesNotExist' : 'Exists', []));
    } else if (next === '=' || next === '==' || next === '!=') {
      p++;
      const value = isIdentifier(t[p]) && t[p] !== 'in' ? t[p++] : '';
      requirements.push(newRequirement(key, next === '!=' ? 'NotIn' : 'In', [value]));
    } else if (next === '<' || next === '>') {
      p++;
      requirements.push(newRequirement(key, next === '>' ? 'Gt' : 'Lt', [t[p++] ?? '']));
    } else if (next === 'in' || next === 'notin') {
      p++;
      if (t[p++] !== '(') fail(`found '${t[p - 1] ?? ''}', expected: '('`);
      const values: string[] = [];
      while (t[p] !== ')') {
        if (t[p] === undefined) fail("found '', expected: ',' or ')'");
        if (t[p] === ',') {
          p++;
          continue;
        }
        values.push(t[p++]);
      }
      p++;
      requirements.push(newRequirement(key, next === 'in' ? 'In' : 'NotIn', values));
    } else {
      fail(`found '${next}', expected: in, notin, =, ==, !=, gt, lt`);
    }
    if (p >= t.length) break;
    if (t[p++] !== ',') fail(`found '${t[p - 1]}', expected: ',' or 'end of string'`);
  }
  return selectorOf(requirements);
}

/** A field selector that is not valid; the message is the API machinery's. */
export class FieldSelectorError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FieldSelectorError';
  }
}

/** One term of a field selector: the field path, whether it must equal or differ, and the value. */
interface FieldTerm {
  readonly path: string;
  readonly equal: boolean;
  readonly value: string;
}

/** A parsed field selector; the empty selector matches every object. */
export class FieldSelector {
  /**
   * Parses a field selector string as `fields.ParseSelector` does (values may escape `\`, `,` and
   * `=` with a backslash). Throws a {@link FieldSelectorError} when it is not valid.
   */
  public static parse(selector: string): FieldSelector {
    const terms: FieldTerm[] = [];
    for (const term of splitUnescaped(selector, ',')) {
      if (term === '') continue;
      const op = findOperator(term);
      if (!op) throw new FieldSelectorError(`invalid selector: '${selector}'; can't understand '${term}'`);
      terms.push({ path: term.slice(0, op.index), equal: op.op !== '!=', value: unescapeValue(term.slice(op.index + op.op.length)) });
    }
    return new FieldSelector(terms);
  }

  private constructor(private readonly terms: readonly FieldTerm[]) {}

  /** True when every term holds for the object's field (a missing field reads as ''). */
  public matches(obj: KubeObject): boolean {
    return this.terms.every((t) => (fieldValue(obj, t.path) === t.value) === t.equal);
  }
}

function tokenize(s: string): string[] {
  const tokens: string[] = [];
  let i = 0;
  while (i < s.length) {
    const c = s[i];
    if (/\s/.test(c)) {
      i++;
    } else if ((c === '=' || c === '!') && s[i + 1] === '=') {
      tokens.push(`${c}=`);
      i += 2;
    } else if (SPECIAL.has(c)) {
      tokens.push(c);
      i++;
    } else {
      let j = i;
      while (j < s.length && !SPECIAL.has(s[j]) && !/\s/.test(s[j])) j++;
      tokens.push(s.slice(i, j));
      i = j;
    }
  }
  return tokens;
}

function isIdentifier(t: string | undefined): t is string {
  return t !== undefined && !SPECIAL.has(t) && t !== '==' && t !== '!=';
}

function splitUnescaped(s: string, sep: string): string[] {
  const out: string[] = [];
  let cur = '';
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '\\' && i + 1 < s.length) {
      cur += s[i] + s[i + 1];
      i++;
    } else if (s[i] === sep) {
      out.push(cur);
      cur = '';
    } else {
      cur += s[i];
    }
  }
  out.push(cur);
  return out;
}

function findOperator(term: string): { index: number; op: string } | undefined {
  for (let i = 0; i < term.length; i++) {
    if (term[i] === '\\') {
      i++;
      continue;
    }
    const op = ['!=', '==', '='].find((o) => term.startsWith(o, i));
    if (op) return { index: i, op };
  }
  return undefined;
}

function unescapeValue(value: string): string {
  let out = '';
  for (let i = 0; i < value.length; i++) {
    if (value[i] !== '\\') {
      out += value[i];
      continue;
    }
    const n = value[i + 1];
    if (n !== '\\' && n !== ',' && n !== '=') throw new FieldSelectorError(`invalid field selector: invalid escape sequence: \\${n ?? ''}`);
    out += n;
    i++;
  }
  return out;
}

function fieldValue(obj: KubeObject, path: string): string {
  let current: any = obj;
  for (const key of path.split('.')) {
    current = current === null || current === undefined ? undefined : current[key];
  }
  if (current === undefined || current === null) {
    return '';
  }
  return typeof current === 'object' ? JSON.stringify(current) : String(current);
}
