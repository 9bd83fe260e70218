import * as fs from 'fs';
import * as path from 'path';
import { parseAllDocuments } from 'yaml';

/** One Kubernetes object written to a manifest file. */
export interface WrittenObject {
  readonly kind: string;
  readonly namespace?: string;
  readonly name: string;
}

/** A manifest file and the objects in it. */
export interface WrittenFile {
  /** Path relative to the output directory. */
  readonly file: string;
  readonly objects: WrittenObject[];
}

/** Objects of one kind in a row longer than this are listed on one line. */
const MAX_ROW = 3;
/** Width the one-line lists wrap at. */
const WIDTH = 110;

/** Lists the objects of each of `files` (paths within `dir`), objects in file order. */
export function summarizeManifests(dir: string, files: string[]): WrittenFile[] {
  return files
    .map((file) => ({
      file,
      objects: parseAllDocuments(fs.readFileSync(path.join(dir, file), 'utf8'))
        .map((doc) => doc.toJS())
        .filter((obj) => obj && typeof obj === 'object')
        .map((obj) => ({ kind: obj.kind, namespace: obj.metadata?.namespace, name: obj.metadata?.name })),
    }));
}

/**
 * The summary as printed by `npm run demo`: one block per file, one line per object (a run of
 * more than three objects of one kind, such as the CRDs, on one line).
 */
export function formatSummary(outdir: string, files: WrittenFile[]): string {
  const count = files.reduce((n, f) => n + f.objects.length, 0);
  const lines = [`Wrote ${count} objects in ${files.length} files to ${outdir}/:`];
  for (const { file, objects } of files) {
    lines.push(`  ${file}`);
    const rows = runsOfKind(objects);
    const kindWidth = Math.max(...rows.map((r) => label(r).length));
    for (const row of rows) {
      const names = row.map((o) => `${o.namespace ? `${o.namespace}/` : ''}${o.name}`);
      lines.push(...wrap(`    ${label(row).padEnd(kindWidth)}  `, row.length > 1 ? factorSuffix(names) : names));
    }
  }
  return lines.join('\n');
}

/** Consecutive objects of one kind, each object alone unless the run is longer than MAX_ROW. */
function runsOfKind(objects: WrittenObject[]): WrittenObject[][] {
  const runs: WrittenObject[][] = [];
  for (const o of objects) {
    const last = runs[runs.length - 1];
    if (last && last[0].kind === o.kind) last.push(o);
    else runs.push([o]);
  }
  return runs.flatMap((run) => (run.length > MAX_ROW ? [run] : run.map((o) => [o])));
}

function label(row: WrittenObject[]): string {
  return row.length > 1 ? `${row[0].kind} ×${row.length}` : row[0].kind;
}

/** `a.x.io, b.x.io` → `a, b (.x.io)`: the dotted suffix all names share, said once. */
function factorSuffix(names: string[]): string[] {
  const first = names[0];
  for (let i = first.indexOf('.'); i >= 0; i = first.indexOf('.', i + 1)) {
    const suffix = first.slice(i);
    if (names.every((n) => n.endsWith(suffix) && n.length > suffix.length)) {
      const short = names.map((n) => n.slice(0, -suffix.length));
      return [...short.slice(0, -1).map((n) => `${n},`), `${short[short.length - 1]} (${suffix})`];
    }
  }
  return [...names.slice(0, -1).map((n) => `${n},`), names[names.length - 1]];
}

/** Lines of `words` after `prefix`, continuation lines indented to the prefix's width. */
function wrap(prefix: string, words: string[]): string[] {
  const lines: string[] = [];
  let line = prefix;
  for (const word of words) {
    if (line.length > prefix.length && line.length + 1 + word.length > WIDTH) {
      lines.push(line);
      line = ' '.repeat(prefix.length);
    }
    line += line.length > prefix.length ? ` ${word}` : word;
  }
  lines.push(line);
  return lines;
}
