import * as fs from 'fs';
import * as path from 'path';

/**
 * The npm package bundles the plain npm libraries it uses at run time. npm packs a bundled
 * library's own dependencies with it, but not its peer dependencies: those must be bundled (or be
 * peer dependencies of this package), or `require` fails for users.
 */
const root = path.join(__dirname, '..', '..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));

function manifestOf(name: string): any {
  return JSON.parse(fs.readFileSync(path.join(root, 'node_modules', name, 'package.json'), 'utf8'));
}

test('every peer dependency of a bundled library is bundled or a peer dependency of the package', () => {
  const bundled: string[] = pkg.bundledDependencies ?? [];
  const available = new Set([...bundled, ...Object.keys(pkg.peerDependencies ?? {})]);
  const missing = bundled.flatMap((name) => {
    const m = manifestOf(name);
    return Object.keys(m.peerDependencies ?? {})
      .filter((dep) => !available.has(dep))
      .map((dep) => `${name} needs ${dep}`);
  });
  expect(bundled.length).toBeGreaterThan(0);
  expect(missing).toEqual([]);
});
