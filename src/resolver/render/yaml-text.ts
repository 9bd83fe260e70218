/**
 * The prometheus.yaml text of a rendered configuration, written straight from its plain data
 * (objects, arrays, strings, numbers, booleans, null): byte for byte what the yaml library's
 * Document writes for it as a YAML 1.1 document in block style, sequences not indented under
 * their key, lines never folded, shared values repeated rather than aliased. Scalars that are
 * written as they are (most of a configuration) are recognized here with YAML's plain-scalar
 * rules; every other scalar (quoted, block, numbers, booleans, null) is written by the yaml
 * library itself, once per distinct value. Anything that is not plain data goes to the library
 * whole.
 */

import { Document } from 'yaml';

const DOCUMENT_OPTIONS = { version: '1.1', aliasDuplicateObjects: false } as const;
const TO_STRING_OPTIONS = { indentSeq: false, lineWidth: 0, minContentWidth: 0 } as const;
const INDENT_STEP = '  ';
/** Implicit keys longer than this are written as explicit keys (`? key`). */
const MAX_IMPLICIT_KEY_LENGTH = 1024;

/** The configuration as YAML text, keys in insertion order. */
export function configYamlText(config: Record<string, unknown>): string {
  if (!isPlainObject(config)) return libraryYaml(config);
  try {
    return new YamlTextWriter().document(config);
  } catch (e) {
    if (e instanceof NotPlainData) return libraryYaml(config);
    throw e;
  }
}

/** The yaml library's text for `data`, with the options the operator's layout needs. */
export function libraryYaml(data: unknown): string {
  return new Document(data, DOCUMENT_OPTIONS).toString(TO_STRING_OPTIONS);
}

/** Thrown where the configuration holds something other than plain data (a Map, a Date...). */
class NotPlainData extends Error {}

/** Writes one document; caches the text of each distinct scalar for the document's length. */
class YamlTextWriter {
  private readonly out: string[] = [];
  private readonly stringValues = new Map<string, string>();
  private readonly keys = new Map<string, string>();
  private readonly otherValues = new Map<unknown, string>();

  /** The document for a plain object. */
  public document(config: Record<string, unknown>): string {
    if (hasEntries(config)) this.map(config, 0);
    else this.out.push('{}');
    this.out.push('\n');
    return this.out.join('');
  }

  /** A non-empty map whose entries are indented by `depth` steps; the first entry continues the current line. */
  private map(obj: Record<string, unknown>, depth: number): void {
    const lineStart = newlineIndent(depth);
    let first = true;
    for (const key of Object.keys(obj)) {
      const value = obj[key];
      if (value === undefined) continue;
      if (!first) this.out.push(lineStart);
      first = false;
      const keyText = this.keyText(key, depth + 1);
      if (keyText.length > MAX_IMPLICIT_KEY_LENGTH) {
        this.out.push('? ', keyText, lineStart, ': ');
        this.node(value, depth + 1);
      } else if (Array.isArray(value) && value.length > 0) {
        // A block sequence under a key starts at the key's column (indentSeq: false).
        this.out.push(keyText, ':', lineStart);
        this.seq(value, depth);
      } else if (isPlainObject(value) && hasEntries(value)) {
        this.out.push(keyText, ':', newlineIndent(depth + 1));
        this.map(value, depth + 1);
      } else {
        this.out.push(keyText, ': ');
        this.node(value, depth + 1);
      }
    }
  }

  /** A non-empty sequence whose `- ` markers are indented by `depth` steps; the first item continues the current line. */
  private seq(items: unknown[], depth: number): void {
    const itemStart = `${newlineIndent(depth)}- `;
    for (let i = 0; i < items.length; i++) {
      this.out.push(i > 0 ? itemStart : '- ');
      this.node(items[i], depth + 1);
    }
  }

  /** A value starting on the current line, its further lines indented by `depth` steps. */
  private node(value: unknown, depth: number): void {
    if (Array.isArray(value)) {
      if (value.length > 0) this.seq(value, depth);
      else this.out.push('[]');
    } else if (isPlainObject(value)) {
      if (hasEntries(value)) this.map(value, depth);
      else this.out.push('{}');
    } else {
      this.out.push(this.scalarText(value, depth));
    }
  }

  private scalarText(value: unknown, depth: number): string {
    if (typeof value === 'string') {
      if (!isIndentFree(value)) return libraryValueText(value, depth);
      let text = this.stringValues.get(value);
      if (text === undefined) {
        text = isPlainSafe(value) ? value : libraryValueText(value, depth);
        this.stringValues.set(value, text);
      }
      return text;
    }
    if (value !== null && value !== undefined && !SCALAR_TYPES.has(typeof value)) throw new NotPlainData();
    // undefined is written as null in sequences (undefined map values are left out before this).
    const v = value === undefined ? null : value;
    // A Map key would confuse 0 and -0.
    if (Object.is(v, -0)) return libraryValueText(v, depth);
    let text = this.otherValues.get(v);
    if (text === undefined) {
      text = libraryValueText(v, depth);
      this.otherValues.set(v, text);
    }
    return text;
  }

  private keyText(key: string, depth: number): string {
    if (!isIndentFree(key)) return libraryKeyText(key, depth);
    let text = this.keys.get(key);
    if (text === undefined) {
      text = isPlainSafe(key) ? key : libraryKeyText(key, depth);
      this.keys.set(key, text);
    }
    return text;
  }
}

/** A line break followed by the indentation of `depth` steps, by depth. */
const NEWLINE_INDENTS: string[] = [];

function newlineIndent(depth: number): string {
  while (NEWLINE_INDENTS.length <= depth) NEWLINE_INDENTS.push(`\n${INDENT_STEP.repeat(NEWLINE_INDENTS.length)}`);
  return NEWLINE_INDENTS[depth];
}

const SCALAR_TYPES = new Set(['number', 'boolean', 'bigint']);

/** An object the yaml library writes as a mapping of its own enumerable keys. */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) throw new NotPlainData();
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') throw new NotPlainData();
  return true;
}

/** Whether the map has an entry the library writes (undefined values are left out). */
function hasEntries(obj: Record<string, unknown>): boolean {
  for (const key of Object.keys(obj)) if (obj[key] !== undefined) return true;
  return false;
}

/**
 * Where a string's text depends on its indentation: line breaks (block scalars and quoted
 * continuation lines are indented) and document markers at a line start (`---`, `...`, `%`).
 */
const INDENT_DEPENDENT = /\n|^(?:%|---|\.\.\.)/m;

function isIndentFree(s: string): boolean {
  return !INDENT_DEPENDENT.test(s);
}

/** Characters the library writes double-quoted: C0/C1 controls other than tab and newline, unpaired surrogates. */
const NEEDS_ESCAPES = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]/u;
/** A plain scalar cannot start with whitespace or an indicator character. */
const INDICATOR_START = /^[\t\n ,[\]{}#&*!|>'"%@`]/;
/** `-` or `?` alone or followed by whitespace reads as a sequence entry or an explicit key. */
const ENTRY_START = /^[?-](?:$|[ \t])/;
/** `: ` reads as a mapping, ` #` as a comment; whitespace around line breaks and a trailing space or colon are lost. */
const AMBIGUOUS_INSIDE = /[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/;

/**
 * Strings YAML 1.1 would read as something else when plain (null, booleans such as `y` or `on`,
 * numbers such as `0755` or `1e3`, times, `<<`): the tests of the schema's own default tags.
 */
const OTHER_TYPE_TESTS: RegExp[] = (() => {
  const schema = new Document(null, DOCUMENT_OPTIONS).schema;
  return [...schema.tags, ...(schema.compat ?? [])]
    .filter((tag) => tag.default && tag.tag !== 'tag:yaml.org,2002:str')
    .map((tag) => (tag as { test?: RegExp }).test)
    .filter((test): test is RegExp => test instanceof RegExp);
})();

/** Whether the library writes this single-line string as it is (a plain scalar). */
function isPlainSafe(s: string): boolean {
  return !NEEDS_ESCAPES.test(s)
    && !INDICATOR_START.test(s)
    && !ENTRY_START.test(s)
    && !AMBIGUOUS_INSIDE.test(s)
    && !OTHER_TYPE_TESTS.some((test) => test.test(s));
}

/** `leaf` nested under `depth` single-key maps, so that its entry is indented by 2 × depth spaces. */
function nested(depth: number, leaf: Record<string, unknown>): Record<string, unknown> {
  let data = leaf;
  for (let i = 0; i < depth; i++) data = { a: data };
  return data;
}

/** The lines `nested` adds above its leaf entry, and the leaf entry's indentation. */
function nestingPrefix(depth: number): string {
  let prefix = '';
  for (let i = 0; i < depth; i++) prefix += `${INDENT_STEP.repeat(i)}a:\n`;
  return prefix + INDENT_STEP.repeat(depth);
}

/** The library's text for a scalar mapping value (or sequence item) whose further lines are indented by `depth` steps. */
function libraryValueText(value: unknown, depth: number): string {
  const text = libraryYaml(nested(depth - 1, { k: value }));
  const prefix = `${nestingPrefix(depth - 1)}k: `;
  if (!text.startsWith(prefix) || !text.endsWith('\n')) {
    throw new Error(`internal error: unexpected YAML for the scalar ${JSON.stringify(value)}: ${JSON.stringify(text)}`);
  }
  return text.slice(prefix.length, -1);
}

/** The library's text for a mapping key whose entry's further lines are indented by `depth` steps. */
function libraryKeyText(key: string, depth: number): string {
  const text = libraryYaml(nested(depth - 1, { [key]: 0 }));
  const body = text.slice(nestingPrefix(depth - 1).length);
  const explicitEnd = `\n${INDENT_STEP.repeat(depth - 1)}: 0\n`;
  if (body.startsWith('? ') && body.endsWith(explicitEnd)) return body.slice(2, -explicitEnd.length);
  if (body.endsWith(': 0\n')) return body.slice(0, -': 0\n'.length);
  throw new Error(`internal error: unexpected YAML for the key ${JSON.stringify(key)}: ${JSON.stringify(text)}`);
}
