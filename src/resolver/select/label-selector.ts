/**
 * Kubernetes label selectors (metav1.LabelSelector) with the API machinery's semantics:
 * a missing selector selects nothing, an empty one selects everything, `matchLabels` and
 * `matchExpressions` (In, NotIn, Exists, DoesNotExist) must all hold, and keys and values are
 * validated with the same rules and messages as `LabelSelectorAsSelector`. The one label matcher
 * of the library: the string form (`app=web,tier in (a,b)`) compiles to the same requirements.
 */

import { DNS1123_SUBDOMAIN } from './kube-names';

/** A label selector as written in a Kubernetes object. */
export interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: LabelSelectorRequirement[];
}

/** One `matchExpressions` entry. */
export interface LabelSelectorRequirement {
  key: string;
  operator: string;
  values?: string[];
}

/** A parsed selector: decides whether a label set matches. */
export interface CompiledSelector {
  /** True when the selector is `{}` (matches every label set). */
  readonly everything: boolean;
  /** True when the selector is missing (matches no label set). */
  readonly nothing: boolean;
  /** The label keys the selector looks at. */
  readonly keys: readonly string[];
  /** True when `labels` satisfy every requirement. */
  matches(labels: Readonly<Record<string, string>> | undefined): boolean;
}

/** A selector that is not valid; the message is the API machinery's. */
export class LabelSelectorError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LabelSelectorError';
  }
}

/** The operators of a parsed requirement (the string form adds Gt and Lt). */
export type LabelOperator = 'In' | 'NotIn' | 'Exists' | 'DoesNotExist' | 'Gt' | 'Lt';

/** One validated requirement (the API machinery's labels.Requirement). */
export interface LabelRequirement {
  readonly key: string;
  readonly op: LabelOperator;
  readonly values: ReadonlySet<string>;
}

/**
 * Compiles a selector as `metav1.LabelSelectorAsSelector` does. `undefined`/`null` selects nothing,
 * `{}` selects everything. Throws a {@link LabelSelectorError} for an invalid operator, key or value.
 */
export function compileLabelSelector(selector: LabelSelector | null | undefined): CompiledSelector {
  if (selector === undefined || selector === null) {
    return { everything: false, nothing: true, keys: [], matches: () => false };
  }
  if (typeof selector !== 'object' || Array.isArray(selector)) {
    throw new LabelSelectorError(`a label selector must be an object with matchLabels and/or matchExpressions, got ${JSON.stringify(selector)}`);
  }
  const requirements: LabelRequirement[] = [];
  for (const [key, value] of Object.entries(selector.matchLabels ?? {})) {
    requirements.push(newRequirement(key, 'In', [String(value)]));
  }
  for (const expr of selector.matchExpressions ?? []) {
    const op = expr?.operator;
    if (op !== 'In' && op !== 'NotIn' && op !== 'Exists' && op !== 'DoesNotExist') {
      throw new LabelSelectorError(`${JSON.stringify(op ?? '')} is not a valid label selector operator`);
    }
    requirements.push(newRequirement(String(expr.key ?? ''), op, (expr.values ?? []).map(String)));
  }
  return selectorOf(requirements);
}

/**
 * The selector of a plain label map such as a Service's `spec.selector`: every label with the
 * same value. Not validated, as the API machinery's `AsSelectorPreValidated` (the API server has
 * validated the map already); `{}` selects everything.
 */
export function selectorFromSet(set: Readonly<Record<string, unknown>>): CompiledSelector {
  return selectorOf(Object.entries(set).map(([key, value]) => ({ key, op: 'In', values: new Set([String(value)]) })));
}

/** The selector that holds when every requirement holds; no requirement selects everything. */
export function selectorOf(requirements: readonly LabelRequirement[]): CompiledSelector {
  if (requirements.length === 0) {
    return { everything: true, nothing: false, keys: [], matches: () => true };
  }
  return {
    everything: false,
    nothing: false,
    keys: [...new Set(requirements.map((r) => r.key))].sort(),
    matches: (labels) => requirements.every((r) => requirementMatches(r, labels ?? {})),
  };
}

/** A selector written the way kubectl prints it: `a=b,c in (d,e),!f`; `<none>` when nil, `<all>` when empty. */
export function formatLabelSelector(selector: LabelSelector | null | undefined): string {
  if (selector === undefined || selector === null) return '<none>';
  const parts: string[] = [];
  for (const [k, v] of Object.entries(selector.matchLabels ?? {}).sort(([a], [b]) => a.localeCompare(b))) {
    parts.push(`${k}=${v}`);
  }
  for (const e of selector.matchExpressions ?? []) {
    const values = [...(e.values ?? [])].sort().join(',');
    switch (e.operator) {
      case 'In': parts.push(`${e.key} in (${values})`); break;
      case 'NotIn': parts.push(`${e.key} notin (${values})`); break;
      case 'Exists': parts.push(e.key); break;
      case 'DoesNotExist': parts.push(`!${e.key}`); break;
      default: parts.push(`${e.key} ${e.operator} (${values})`);
    }
  }
  return parts.length > 0 ? parts.join(',') : '<all>';
}

function requirementMatches(r: LabelRequirement, labels: Readonly<Record<string, string>>): boolean {
  const has = Object.prototype.hasOwnProperty.call(labels, r.key);
  switch (r.op) {
    case 'In': return has && r.values.has(labels[r.key]);
    case 'NotIn': return !has || !r.values.has(labels[r.key]);
    case 'Exists': return has;
    case 'DoesNotExist': return !has;
    case 'Gt':
    case 'Lt': {
      if (!has || !INTEGER.test(labels[r.key])) return false;
      const [bound] = [...r.values].map(BigInt);
      return r.op === 'Gt' ? BigInt(labels[r.key]) > bound : BigInt(labels[r.key]) < bound;
    }
  }
}

const INTEGER = /^[-+]?\d+$/;

/**
 * Validates and builds one requirement as labels.NewRequirement does; throws a
 * {@link LabelSelectorError} with the API machinery's message (several joined in brackets).
 */
export function newRequirement(key: string, op: LabelOperator, values: string[]): LabelRequirement {
  const errors: string[] = [];
  const keyError = validateLabelKey(key);
  if (keyError) errors.push(`key: Invalid value: ${JSON.stringify(key)}: ${keyError}`);
  if ((op === 'In' || op === 'NotIn') && values.length === 0) {
    errors.push("values: Invalid value: []: for 'in', 'notin' operators, values set can't be empty");
  }
  if ((op === 'Exists' || op === 'DoesNotExist') && values.length !== 0) {
    errors.push(`values: Invalid value: ${JSON.stringify(values)}: values set must be empty for exists and does not exist`);
  }
  if (op === 'Gt' || op === 'Lt') {
    if (values.length !== 1) errors.push(`values: Invalid value: ${JSON.stringify(values)}: for 'Gt', 'Lt' operators, exactly one value is required`);
    values.forEach((v, i) => {
      if (!INTEGER.test(v)) errors.push(`values[${i}]: Invalid value: ${JSON.stringify(v)}: for 'Gt', 'Lt' operators, the value must be an integer`);
    });
  }
  values.forEach((v, i) => {
    const valueError = validateLabelValue(v);
    if (valueError) errors.push(`values[${i}]: Invalid value: ${JSON.stringify(v)}: ${valueError}`);
  });
  if (errors.length === 1) throw new LabelSelectorError(errors[0]);
  if (errors.length > 1) throw new LabelSelectorError(`[${errors.join(', ')}]`);
  return { key, op, values: new Set(values) };
}

const QUALIFIED_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const QUALIFIED_NAME_MSG = "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

/**
 * Validates a label key as a qualified name (optional DNS subdomain prefix and `/`, then a name
 * of at most 63 characters). Returns the API machinery's message, or undefined when valid.
 */
export function validateLabelKey(key: string): string | undefined {
  const parts = key.split('/');
  let name: string;
  const errs: string[] = [];
  if (parts.length === 1) {
    name = parts[0];
  } else if (parts.length === 2) {
    const prefix = parts[0];
    name = parts[1];
    if (prefix.length === 0) {
      errs.push('prefix part must be non-empty');
    } else if (prefix.length > 253) {
      errs.push('prefix part must be no more than 253 characters');
    } else if (!DNS1123_SUBDOMAIN.test(prefix)) {
      errs.push("prefix part a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')");
    }
  } else {
    return `a qualified name ${QUALIFIED_NAME_MSG} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`;
  }
  if (name.length === 0) {
    errs.push('name part must be non-empty');
  } else if (name.length > 63) {
    errs.push('name part must be no more than 63 characters');
  }
  if (name.length > 0 && !QUALIFIED_NAME.test(name)) {
    errs.push(`name part ${QUALIFIED_NAME_MSG}`);
  }
  return errs.length > 0 ? errs.join('; ') : undefined;
}

/** Validates a label value (at most 63 characters, alphanumerics with `-_.` inside). Returns the message or undefined. */
export function validateLabelValue(value: string): string | undefined {
  const errs: string[] = [];
  if (value.length > 63) errs.push('must be no more than 63 characters');
  if (!LABEL_VALUE.test(value)) {
    errs.push("a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')");
  }
  return errs.length > 0 ? errs.join('; ') : undefined;
}
