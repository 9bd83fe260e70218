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

/** Lists the objects of each of `files` (names within `dir`), objects in file order. */
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

/** The summary as printed by `npm run demo`: one block per file, one line per object. */
export function formatSummary(outdir: string, files: WrittenFile[]): string {
  const count = files.reduce((n, f) => n + f.objects.length, 0);
  const lines = [`Wrote ${count} objects in ${files.length} files to ${outdir}/:`];
  for (const { file, objects } of files) {
    lines.push(`  ${file}`);
    const kindWidth = Math.max(...objects.map((o) => o.kind.length));
    for (const o of objects) {
      lines.push(`    ${o.kind.padEnd(kindWidth)}  ${o.namespace ? `${o.namespace}/` : ''}${o.name}`);
    }
  }
  return lines.join('\n');
}
