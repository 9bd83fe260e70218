import { LabelSet, META, TargetGroup, addObjectMetaLabels } from './meta';
import { KubeObject } from '../../types';

/** role: ingress — one target per rule host and path; https when a TLS entry covers the host. */
export function ingressTargetGroup(ingress: KubeObject): TargetGroup {
  const spec = ingress.spec ?? {};
  const labels: LabelSet = { [`${META}namespace`]: ingress.metadata.namespace ?? '' };
  if (typeof spec.ingressClassName === 'string') {
    labels[`${META}ingress_class_name`] = spec.ingressClassName;
  }
  addObjectMetaLabels(labels, ingress, 'ingress');
  const tlsHosts: string[] = (spec.tls ?? []).flatMap((t: any) => t.hosts ?? []);
  const targets: LabelSet[] = [];
  for (const rule of spec.rules ?? []) {
    const host: string = rule.host ?? '';
    const scheme = tlsHosts.some((pattern) => matchesHostnamePattern(pattern, host)) ? 'https' : 'http';
    const paths: string[] = rule.http?.paths ? rule.http.paths.map((p: any) => (p.path ? p.path : '/')) : ['/'];
    for (const path of paths) {
      targets.push({
        __address__: host,
        [`${META}ingress_scheme`]: scheme,
        [`${META}ingress_host`]: host,
        [`${META}ingress_path`]: path,
      });
    }
  }
  return { source: `ingress/${ingress.metadata.namespace}/${ingress.metadata.name}`, labels, targets };
}

function matchesHostnamePattern(pattern: string, host: string): boolean {
  if (pattern === host) {
    return true;
  }
  const p = pattern.split('.');
  const h = host.split('.');
  return p[0] === '*' && p.length === h.length && p.slice(1).every((part, i) => part === h[i + 1]);
}
