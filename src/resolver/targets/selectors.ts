import { KubeObject } from '../types';

/**
 * Kubernetes label and field selectors in their string form, as Prometheus passes them to the API
 * server (`selectors[].label` / `selectors[].field` of kubernetes_sd_configs).
 */

type Requirement =
  | { readonly op: 'in' | 'notin'; readonly key: string; readonly values: readonly string[] }
  | { readonly op: 'exists' | '!'; readonly key: string };

/** A parsed label selector (`app=web,tier in (a,b),!legacy`); the empty string selects everything. */
export class LabelSelector {
  /** Parses `text`; throws an Error naming the selector when it is malformed. */
  public static parse(text: string): LabelSelector {
    const requirements: Requirement[] = [];
    for (const part of splitTopLevel(text)) {
      requirements.push(parseRequirement(part.trim(), text));
    }
    return new LabelSelector(requirements);
  }

  private constructor(private readonly requirements: readonly Requirement[]) {}

  /** True when `labels` satisfy every requirement. */
  public matches(labels: Readonly<Record<string, string>> | undefined): boolean {
    const ls = labels ?? {};
    return this.requirements.every((r) => {
      const has = Object.prototype.hasOwnProperty.call(ls, r.key);
      switch (r.op) {
        case 'exists': return has;
        case '!': return !has;
        case 'in': return has && r.values.includes(ls[r.key]);
        case 'notin': return !has || !r.values.includes(ls[r.key]);
      }
    });
  }
}

function splitTopLevel(text: string): string[] {
  if (text.trim() === '') {
    return [];
  }
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of text) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      parts.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  parts.push(current);
  return parts;
}

const KEY = '[A-Za-z0-9]([-A-Za-z0-9_./]*[A-Za-z0-9])?';
const VALUE = '([A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?)?';

function parseRequirement(part: string, whole: string): Requirement {
  const bad = (): never => {
    throw new Error(`invalid label selector ${JSON.stringify(whole)}: cannot parse ${JSON.stringify(part)}`);
  };
  let m = new RegExp(`^!\\s*(${KEY})$`).exec(part);
  if (m) return { op: '!', key: m[1] };
  m = new RegExp(`^(${KEY})\\s+(in|notin)\\s*\\(([^)]*)\\)$`).exec(part);
  if (m) {
    const values = m[4].split(',').map((v) => v.trim());
    if (values.some((v) => !new RegExp(`^${VALUE}$`).test(v))) bad();
    return { op: m[3] as 'in' | 'notin', key: m[1], values };
  }
  m = new RegExp(`^(${KEY})\\s*(==|=|!=)\\s*(${VALUE})$`).exec(part);
  if (m) return { op: m[3] === '!=' ? 'notin' : 'in', key: m[1], values: [m[4]] };
  m = new RegExp(`^(${KEY})$`).exec(part);
  if (m) return { op: 'exists', key: m[1] };
  return bad();
}

/** A parsed field selector (`metadata.name=x,status.phase!=Failed`); empty selects everything. */
export class FieldSelector {
  /** Parses `text`; throws an Error naming the selector when it is malformed. */
  public static parse(text: string): FieldSelector {
    const terms = splitTopLevel(text).map((part) => {
      const m = /^\s*([A-Za-z0-9_.]+)\s*(==|=|!=)\s*(.*?)\s*$/.exec(part);
      if (!m) {
        throw new Error(`invalid field selector ${JSON.stringify(text)}: cannot parse ${JSON.stringify(part)}`);
      }
      return { path: m[1], equal: m[2] !== '!=', value: m[3] };
    });
    return new FieldSelector(terms);
  }

  private constructor(private readonly terms: ReadonlyArray<{ path: string; equal: boolean; value: string }>) {}

  /** True when every term holds for the object's field (a missing field reads as ''). */
  public matches(obj: KubeObject): boolean {
    return this.terms.every((t) => (fieldValue(obj, t.path) === t.value) === t.equal);
  }
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
