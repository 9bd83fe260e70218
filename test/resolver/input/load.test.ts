import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { describeSource, InputError, loadManifests, parseManifests, sourceOf } from '../../../src/resolver/input';

const secret = (name: string) => `apiVersion: v1\nkind: Secret\nmetadata:\n  name: ${name}\n`;

function tmpdir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'load-test-'));
}

function errorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return (e as Error).message;
  }
  throw new Error('no error');
}

describe('parsing manifests', () => {
  test('every document of a multi-document file is an object', () => {
    const objs = parseManifests(`${secret('a')}---\n${secret('b')}`, 'f.yaml');
    expect(objs.map((o) => o.metadata.name)).toEqual(['a', 'b']);
  });

  test('empty and comment-only documents are skipped', () => {
    const objs = parseManifests(`---\n# only a comment\n---\n${secret('a')}---\n`, 'f.yaml');
    expect(objs.map((o) => o.metadata.name)).toEqual(['a']);
  });

  test('each object remembers its file, document index and line', () => {
    const [, b] = parseManifests(`${secret('a')}---\n${secret('b')}`, 'dir/f.yaml');
    expect(sourceOf(b)).toEqual({ file: 'dir/f.yaml', document: 1, line: 6 });
    expect(describeSource(sourceOf(b))).toBe('dir/f.yaml:6 (document 2)');
  });

  test('a List expands to its items, each remembering its item index', () => {
    const list = 'apiVersion: v1\nkind: List\nitems:\n- {apiVersion: v1, kind: Secret, metadata: {name: a}}\n- {apiVersion: v1, kind: Secret, metadata: {name: b}}\n';
    const objs = parseManifests(list, 'l.yaml');
    expect(objs.map((o) => o.metadata.name)).toEqual(['a', 'b']);
    expect(sourceOf(objs[1])).toMatchObject({ document: 0, item: 1 });
  });

  test('items of a typed list take the kind and apiVersion of the list', () => {
    const objs = parseManifests('apiVersion: monitoring.coreos.com/v1\nkind: ServiceMonitorList\nitems:\n- metadata: {name: a}\n', 'l.yaml');
    expect(objs[0]).toMatchObject({ apiVersion: 'monitoring.coreos.com/v1', kind: 'ServiceMonitor', metadata: { name: 'a' } });
  });

  test('JSON is read as well', () => {
    const objs = parseManifests(JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' } }), 'c.json');
    expect(objs[0].kind).toBe('ConfigMap');
  });

  test('YAML 1.1 scalars are read as kubectl reads them', () => {
    const [obj] = parseManifests('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata: {a: yes}\n', 'c.yaml');
    expect(obj.data.a).toBe(true);
  });

  test('malformed YAML is an error naming the file, line and document', () => {
    expect(errorOf(() => parseManifests(`${secret('a')}---\nkind: [Secret\n`, 'bad.yaml')))
      .toMatch(/^bad\.yaml:\d+ \(document 2\): malformed YAML: .+ \(column \d+\)$/);
  });

  test('an object without kind is an error naming the document', () => {
    expect(errorOf(() => parseManifests('apiVersion: v1\nmetadata: {name: x}\n', 'k.yaml')))
      .toBe('k.yaml:1 (document 1): the object has no kind (every Kubernetes object needs apiVersion, kind and metadata.name)');
  });

  test('an object without metadata.name is an error naming its kind', () => {
    expect(errorOf(() => parseManifests(`${secret('a')}---\napiVersion: v1\nkind: Secret\nmetadata: {generateName: x-}\n`, 'n.yaml')))
      .toBe('n.yaml:6 (document 2): the Secret has no metadata.name (every Kubernetes object needs apiVersion, kind and metadata.name)');
  });

  test('a name YAML 1.1 reads as a boolean is an error that says to quote it', () => {
    expect(errorOf(() => parseManifests(secret('y'), 'b.yaml')))
      .toBe('b.yaml:1 (document 1): the Secret has metadata.name true, which is not a string (quote it: YAML 1.1 reads yes, no, on, off, y and n as booleans)');
  });

  test('a document that is not a mapping is an error', () => {
    expect(errorOf(() => parseManifests('- a\n- b\n', 's.yaml'))).toMatch(/^s\.yaml:1 \(document 1\): the document is a sequence, not a Kubernetes object/);
  });

  test('error messages are one line', () => {
    expect(errorOf(() => parseManifests('a: [\n  b\n', 'x.yaml'))).not.toContain('\n');
  });
});

describe('loading paths', () => {
  test('a folder is read in name order, .yaml, .yml and .json only, subfolders only when recursive', async () => {
    const dir = tmpdir();
    fs.mkdirSync(path.join(dir, 'sub'));
    fs.writeFileSync(path.join(dir, 'b.yaml'), secret('b'));
    fs.writeFileSync(path.join(dir, 'a.yml'), secret('a'));
    fs.writeFileSync(path.join(dir, 'sub', 'c.json'), JSON.stringify({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'c' } }));
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'not yaml: [');
    expect((await loadManifests([dir])).map((o) => o.metadata.name)).toEqual(['a', 'b']);
    const objs = await loadManifests([dir], undefined, { recursive: true });
    expect(objs.map((o) => o.metadata.name)).toEqual(['a', 'b', 'c']);
    expect(sourceOf(objs[2])?.file).toBe(path.join(dir, 'sub', 'c.json'));
  });

  test('files are read in argument order', async () => {
    const dir = tmpdir();
    fs.writeFileSync(path.join(dir, 'x.yaml'), secret('first'));
    fs.writeFileSync(path.join(dir, 'y.yaml'), secret('second'));
    const objs = await loadManifests([path.join(dir, 'y.yaml'), path.join(dir, 'x.yaml')]);
    expect(objs.map((o) => o.metadata.name)).toEqual(['second', 'first']);
  });

  test('- reads stdin, reported as <stdin>', async () => {
    const objs = await loadManifests(['-'], async () => secret('s'));
    expect(objs.map((o) => o.metadata.name)).toEqual(['s']);
    expect(sourceOf(objs[0])?.file).toBe('<stdin>');
  });

  test('a missing path is an error', async () => {
    await expect(loadManifests(['/no/such/file.yaml'])).rejects.toThrow('/no/such/file.yaml: no such file or directory');
  });
});
