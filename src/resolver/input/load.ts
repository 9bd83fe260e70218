/**
 * Reading Kubernetes manifests: multi-document YAML (and JSON) from files, folders (`.yaml`, `.yml`
 * and `.json`; subfolders only when asked, like `kubectl apply -f <dir> -R`) and stdin, as
 * `kubectl apply -f` reads them. Empty documents are
 * skipped, `List` documents expand to their items, and every object remembers its file, document
 * and line. A malformed document or an object without apiVersion, kind or metadata.name is an
 * {@link InputError} naming the file and document.
 */

import * as fs from 'fs';
import * as path from 'path';
import { LineCounter, parseAllDocuments } from 'yaml';
import { KubeObject } from '../types';
import { InputError, InputSource, recordSource } from './source';

/** The name stdin is reported under in messages. */
export const STDIN_NAME = '<stdin>';

const MANIFEST_EXTENSIONS = new Set(['.yaml', '.yml', '.json']);

/**
 * Parses the YAML (or JSON) text of one file into objects. YAML 1.1 is used, as kubectl does
 * (so `yes`/`on` are booleans). Throws an InputError for a malformed document or object.
 */
export function parseManifests(text: string, file: string): KubeObject[] {
  const lines = new LineCounter();
  const docs = parseAllDocuments(text, { version: '1.1', lineCounter: lines, prettyErrors: false });
  const list = Array.isArray(docs) ? docs : [docs];
  const objects: KubeObject[] = [];
  list.forEach((doc, document) => {
    const line = lines.linePos(doc.contents?.range?.[0] ?? doc.range[0]).line;
    if (doc.errors.length > 0) {
      const err = doc.errors[0];
      const at = lines.linePos(err.pos[0]);
      throw new InputError(`malformed YAML: ${firstLine(err.message)} (column ${at.col})`, { file, document, line: at.line });
    }
    const value = doc.toJS({ maxAliasCount: 1000 });
    if (value === null || value === undefined) return;
    objects.push(...toObjects(value, { file, document, line }));
  });
  return objects;
}

/** How folders are read. */
export interface LoadOptions {
  /** Also read the manifest files of subfolders (kubectl's -R). Default: false, as kubectl. */
  readonly recursive?: boolean;
}

/** Every manifest file in `dir` (and its subfolders when `recursive`), in name order. */
export function listManifestFiles(dir: string, recursive: boolean = false): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (recursive) out.push(...listManifestFiles(full, true));
    } else if (MANIFEST_EXTENSIONS.has(path.extname(entry.name).toLowerCase())) {
      out.push(full);
    }
  }
  return out;
}

/**
 * Reads the manifests named by `paths` in order: a file, a folder (its manifest files; those of
 * subfolders too when `options.recursive`), or `-` for stdin (read once, through `readStdin`).
 */
export async function loadManifests(paths: readonly string[], readStdin?: () => Promise<string>, options: LoadOptions = {}): Promise<KubeObject[]> {
  const objects: KubeObject[] = [];
  let stdinRead = false;
  for (const p of paths) {
    if (p === '-') {
      if (stdinRead) continue;
      stdinRead = true;
      if (!readStdin) throw new InputError('reading from stdin (-f -) is not available here');
      objects.push(...parseManifests(await readStdin(), STDIN_NAME));
      continue;
    }
    let stat: fs.Stats;
    try {
      stat = fs.statSync(p);
    } catch {
      throw new InputError(`${p}: no such file or directory`);
    }
    const files = stat.isDirectory() ? listManifestFiles(p, options.recursive ?? false) : [p];
    for (const file of files) objects.push(...parseManifests(fs.readFileSync(file, 'utf8'), file));
  }
  return objects;
}

function firstLine(message: string): string {
  return message.split('\n')[0].trim();
}

function typeName(value: unknown): string {
  if (Array.isArray(value)) return 'a sequence';
  if (value === null) return 'null';
  return `a ${typeof value}`;
}

function isMapping(value: unknown): value is Record<string, any> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The objects of one document: itself, or the items of a List. */
function toObjects(value: unknown, source: InputSource): KubeObject[] {
  if (!isMapping(value)) {
    throw new InputError(`the document is ${typeName(value)}, not a Kubernetes object (a mapping with apiVersion, kind and metadata.name)`, source);
  }
  const kind = value.kind;
  if (typeof kind === 'string' && kind.endsWith('List') && Array.isArray(value.items)) {
    const itemKind = kind === 'List' ? undefined : kind.slice(0, -'List'.length);
    return value.items.map((item: unknown, i: number) => {
      const withType = isMapping(item) && itemKind !== undefined
        ? { apiVersion: value.apiVersion, kind: itemKind, ...item }
        : item;
      return checkObject(withType, { ...source, item: i });
    });
  }
  return [checkObject(value, source)];
}

function checkObject(value: unknown, source: InputSource): KubeObject {
  if (!isMapping(value)) {
    throw new InputError(`the object is ${typeName(value)}, not a Kubernetes object (a mapping with apiVersion, kind and metadata.name)`, source);
  }
  if (typeof value.kind !== 'string' || value.kind === '') {
    throw new InputError('the object has no kind (every Kubernetes object needs apiVersion, kind and metadata.name)', source);
  }
  if (typeof value.apiVersion !== 'string' || value.apiVersion === '') {
    throw new InputError(`the ${value.kind} has no apiVersion (every Kubernetes object needs apiVersion, kind and metadata.name)`, source);
  }
  const name = isMapping(value.metadata) ? value.metadata.name : undefined;
  if (name !== undefined && name !== null && typeof name !== 'string') {
    throw new InputError(`the ${value.kind} has metadata.name ${JSON.stringify(name)}, which is not a string (quote it: YAML 1.1 reads yes, no, on, off, y and n as booleans)`, source);
  }
  if (typeof name !== 'string' || name === '') {
    throw new InputError(`the ${value.kind} has no metadata.name (every Kubernetes object needs apiVersion, kind and metadata.name)`, source);
  }
  const obj = value as KubeObject;
  recordSource(obj, source);
  return obj;
}
