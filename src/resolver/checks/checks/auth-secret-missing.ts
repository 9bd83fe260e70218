/**
 * AUTH-SECRET-MISSING: an auth or TLS reference (basicAuth, authorization, bearerTokenSecret,
 * oauth2, tlsConfig ca/cert/keySecret, proxyConnectHeader) to a Secret or ConfigMap key the app
 * does not define in the referencing object's namespace; and two auth methods on one endpoint.
 * ERROR when the Secret is in the app but lacks the key or lives in another namespace (references
 * cannot cross namespaces); WARN when the app does not define it at all (it may exist already).
 */

import { KubeObject } from '../../types';
import { Check } from '../check';
import { CheckContext } from '../context';
import { formatList, q } from '../describe';
import { Finding, FindingSeverity } from '../finding';

const ID = 'AUTH-SECRET-MISSING';
const AUTH_METHODS = ['basicAuth', 'authorization', 'bearerTokenSecret', 'oauth2'];
/** The fields of a Prometheus that hold client settings of its own. */
const PROMETHEUS_CLIENT_FIELDS = ['remoteWrite', 'remoteRead', 'alerting', 'apiserverConfig'];

interface Ref {
  readonly field: string;
  readonly kind: 'Secret' | 'ConfigMap';
  readonly name: string;
  readonly key: string;
  readonly optional: boolean;
}

/** The check. */
export const authSecretMissing: Check = {
  id: ID,
  description: 'An auth or TLS reference to a Secret or key the app does not define; two auth methods at once',
  run(ctx: CheckContext): Finding[] {
    const findings: Finding[] = [];
    const owners: Array<[KubeObject, string[]]> = [
      ...['ServiceMonitor', 'PodMonitor', 'Probe', 'ScrapeConfig'].flatMap((k) => ctx.selectable(k as any).map((o): [KubeObject, string[]] => [o, ['spec']])),
      ...ctx.prometheuses().map((p): [KubeObject, string[]] => [p, PROMETHEUS_CLIENT_FIELDS.map((f) => `spec.${f}`)]),
    ];
    for (const [obj, roots] of owners) {
      const effect = obj.kind === 'Prometheus' || obj.kind === 'PrometheusAgent'
        ? 'The operator will not reconcile this Prometheus'
        : `The operator will reject this ${obj.kind}`;
      for (const root of roots) {
        const value = root.split('.').reduce((v: any, k) => v?.[k], obj);
        if (value === undefined) continue;
        walk(value, root, (ref) => findings.push(...checkRef(ctx, obj, ref, effect)), (field, methods) => findings.push(ctx.finding(obj, {
          id: ID,
          severity: FindingSeverity.ERROR,
          field,
          problem: `${methods.join(' and ')} are both set; an endpoint takes one authentication method`,
          effect,
          fix: `keep one of ${methods.join(', ')}`,
        })));
      }
    }
    return findings;
  },
};

function checkRef(ctx: CheckContext, obj: KubeObject, ref: Ref, effect: string): Finding[] {
  const ns = obj.metadata.namespace ?? '';
  const data = ref.kind === 'Secret' ? ctx.index.secret(ns, ref.name) : ctx.index.configMap(ns, ref.name);
  if (data) {
    if (data.has(ref.key) || ref.optional) return [];
    return [ctx.finding(obj, {
      id: ID,
      severity: FindingSeverity.ERROR,
      field: ref.field,
      problem: `${ref.kind} ${ns}/${ref.name} has keys ${formatList([...data.keys()].sort())}, not ${q(ref.key)}`,
      effect,
      fix: `use one of its keys, or add ${q(ref.key)} to the ${ref.kind}`,
    })];
  }
  if (ref.optional) return [];
  const elsewhere = ctx.ofKind(ref.kind).filter((o) => o.metadata.name === ref.name && o.metadata.namespace !== ns);
  if (elsewhere.length > 0) {
    return [ctx.finding(obj, {
      id: ID,
      severity: FindingSeverity.ERROR,
      field: ref.field,
      problem: `${ref.kind} ${q(ref.name)} is defined in ${elsewhere.map((o) => `namespace ${o.metadata.namespace}`).join(', ')}, not in ${ns}; `
        + 'references cannot cross namespaces',
      effect,
      fix: `create the ${ref.kind} in namespace ${ns}, or move the ${obj.kind} to ${elsewhere[0].metadata.namespace}`,
    })];
  }
  return [ctx.finding(obj, {
    id: ID,
    severity: FindingSeverity.WARN,
    field: ref.field,
    problem: `cannot verify: ${ref.kind} ${ns}/${ref.name} (key ${q(ref.key)}) is not in the app`,
    effect: `If it does not exist in the cluster, ${effect.charAt(0).toLowerCase()}${effect.slice(1)}`,
    fix: `define the ${ref.kind} in the app, or acknowledge this finding if it is created elsewhere`,
  })];
}

/** Visits every Secret/ConfigMap key reference under `value`, and every HTTP config with two auth methods. */
function walk(value: any, path: string, onRef: (ref: Ref) => void, onConflict: (field: string, methods: string[]) => void): void {
  if (Array.isArray(value)) {
    value.forEach((v, i) => walk(v, `${path}[${i}]`, onRef, onConflict));
    return;
  }
  if (!value || typeof value !== 'object') return;
  const methods = AUTH_METHODS.filter((m) => value[m] !== undefined && value[m] !== null);
  if (methods.length > 1) onConflict(path, methods);
  const secretKey = (sel: any, field: string) => {
    if (sel && typeof sel === 'object' && typeof sel.name === 'string' && sel.name !== '') {
      onRef({ field, kind: 'Secret', name: sel.name, key: String(sel.key ?? ''), optional: sel.optional === true });
    }
  };
  const secretOrConfigMap = (sel: any, field: string) => {
    if (sel?.secret) secretKey(sel.secret, `${field}.secret`);
    if (sel?.configMap?.name) {
      onRef({ field: `${field}.configMap`, kind: 'ConfigMap', name: sel.configMap.name, key: String(sel.configMap.key ?? ''), optional: sel.configMap.optional === true });
    }
  };
  for (const [key, child] of Object.entries<any>(value)) {
    const field = `${path}.${key}`;
    switch (key) {
      case 'basicAuth':
        secretKey(child?.username, `${field}.username`);
        secretKey(child?.password, `${field}.password`);
        break;
      case 'authorization':
        secretKey(child?.credentials, `${field}.credentials`);
        break;
      case 'bearerTokenSecret':
        secretKey(child, field);
        break;
      case 'oauth2':
        secretOrConfigMap(child?.clientId, `${field}.clientId`);
        secretKey(child?.clientSecret, `${field}.clientSecret`);
        if (child?.tlsConfig) walk({ tlsConfig: child.tlsConfig }, field, onRef, onConflict);
        break;
      case 'tlsConfig':
        secretOrConfigMap(child?.ca, `${field}.ca`);
        secretOrConfigMap(child?.cert, `${field}.cert`);
        secretKey(child?.keySecret, `${field}.keySecret`);
        break;
      case 'proxyConnectHeader':
        for (const [header, sels] of Object.entries<any>(child ?? {})) {
          (Array.isArray(sels) ? sels : []).forEach((sel, i) => secretKey(sel, `${field}.${header}[${i}]`));
        }
        break;
      default:
        if (child && typeof child === 'object') walk(child, field, onRef, onConflict);
    }
  }
}
