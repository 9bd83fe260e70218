/**
 * Where each input object came from (file, document, line, or construct path), kept beside the
 * objects rather than inside them so that the objects stay exactly as written, and an input error
 * that names the place the object was written.
 */

import { KubeObject, ObjectSource } from '../types';

/** An object's source as the loader knows it: the shared ObjectSource plus the line and List item. */
export interface InputSource extends ObjectSource {
  /** 1-based line where the document (or List item) starts. */
  line?: number;
  /** Zero-based index of the item when the object came from a `List` document. */
  item?: number;
}

const SOURCES = new WeakMap<object, InputSource>();

/** Records where `obj` came from. */
export function recordSource(obj: KubeObject, source: InputSource): void {
  SOURCES.set(obj, source);
}

/** Where `obj` came from, when it was recorded. */
export function sourceOf(obj: KubeObject): InputSource | undefined {
  return SOURCES.get(obj);
}

/** Records for `to` the source of `from` (for copies, e.g. the defaulted version of an object), and returns `to`. */
export function carrySource<T extends KubeObject>(from: KubeObject, to: T): T {
  const source = SOURCES.get(from);
  if (source && to !== from) SOURCES.set(to, source);
  return to;
}

/**
 * A source in words: `path/to/file.yaml:12 (document 2)`, with `item 3` for List items, or the
 * construct path. Documents and items are counted from 1 here.
 */
export function describeSource(source: InputSource | undefined): string | undefined {
  if (!source) return undefined;
  if (source.file === undefined) return source.constructPath;
  const where: string[] = [];
  if (source.document !== undefined) where.push(`document ${source.document + 1}`);
  if (source.item !== undefined) where.push(`item ${source.item + 1}`);
  const file = source.line !== undefined ? `${source.file}:${source.line}` : source.file;
  return where.length > 0 ? `${file} (${where.join(', ')})` : file;
}

/** `Kind namespace/name`, for messages. */
export function describeObject(obj: KubeObject): string {
  const ns = obj.metadata?.namespace;
  return `${obj.kind} ${ns ? `${ns}/` : ''}${obj.metadata?.name ?? '<unnamed>'}`;
}

/** A problem with the input: the message starts with the place it was written (file and document). */
export class InputError extends Error {
  /**
   * @param problem what is wrong and what is allowed
   * @param source where the offending object or document was written
   */
  constructor(problem: string, readonly source?: InputSource) {
    const where = describeSource(source);
    super(where ? `${where}: ${problem}` : problem);
    this.name = 'InputError';
  }
}
