import { readFileSync } from 'fs';
import * as path from 'path';
import { parse } from 'yaml';
import { parseManifests } from '../../../src/resolver/input/load';
import { KubeObject } from '../../../src/resolver/types';

/** The hand-written app (objects) and its operator-shaped prometheus.yaml (config object). */
export function loadFixture(): { objects: KubeObject[]; config: any } {
  const dir = path.join(__dirname, '..', 'fixtures');
  const appFile = path.join(dir, 'app.yaml');
  const objects = parseManifests(readFileSync(appFile, 'utf8'), appFile);
  const config = parse(readFileSync(path.join(dir, 'prometheus.yaml'), 'utf8'));
  return { objects, config };
}

/** Every containerPort number in Pods and Pod templates. */
export function containerPorts(objects: readonly KubeObject[]): number[] {
  const ports = new Set<number>();
  for (const spec of podSpecs(objects)) {
    for (const c of [...(spec.containers ?? []), ...(spec.initContainers ?? [])]) {
      for (const p of c.ports ?? []) {
        ports.add(p.containerPort);
      }
    }
  }
  return [...ports].sort((a, b) => a - b);
}

/**
 * A copy of `objects` with container ports renumbered (and the Service ports and numeric
 * targetPorts that use the same numbers), so that a test can serve the app's ports on loopback
 * without clashing with anything listening.
 */
export function remapContainerPorts(objects: readonly KubeObject[], mapping: ReadonlyMap<number, number>): KubeObject[] {
  const copy = structuredClone(objects) as KubeObject[];
  for (const spec of podSpecs(copy)) {
    for (const c of [...(spec.containers ?? []), ...(spec.initContainers ?? [])]) {
      for (const p of c.ports ?? []) {
        p.containerPort = mapping.get(p.containerPort) ?? p.containerPort;
      }
    }
  }
  for (const svc of copy.filter((o) => o.kind === 'Service')) {
    for (const p of svc.spec?.ports ?? []) {
      const target = p.targetPort ?? p.port;
      if (typeof target === 'number' && mapping.has(target)) {
        p.targetPort = mapping.get(target);
      }
      p.port = mapping.get(p.port) ?? p.port;
    }
  }
  return copy;
}

function podSpecs(objects: readonly KubeObject[]): any[] {
  return objects.flatMap((o) => {
    if (o.kind === 'Pod') return [o.spec ?? {}];
    if (o.spec?.template?.spec) return [o.spec.template.spec];
    if (o.spec?.jobTemplate?.spec?.template?.spec) return [o.spec.jobTemplate.spec.template.spec];
    return [];
  });
}
