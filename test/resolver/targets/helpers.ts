import { KubeObject } from '../../../src/resolver/types';

/** A Deployment with one container exposing the given named ports. */
export function deployment(name: string, ns: string, labels: Record<string, string>, ports: Array<[string, number]>, replicas = 1): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: ns },
    spec: {
      replicas,
      selector: { matchLabels: labels },
      template: {
        metadata: { labels },
        spec: { containers: [{ name: 'main', image: `example/${name}:1`, ports: ports.map(([n, p]) => ({ name: n, containerPort: p })) }] },
      },
    },
  };
}

/** A Service selecting `selector`, with ports [name, port, targetPort]. */
export function service(name: string, ns: string, selector: Record<string, string> | undefined, ports: Array<[string, number, string | number]>,
  labels: Record<string, string> = {}): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, namespace: ns, labels },
    spec: { ...(selector ? { selector } : {}), ports: ports.map(([n, p, t]) => ({ name: n, port: p, targetPort: t })) },
  };
}
