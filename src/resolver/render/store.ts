/**
 * The asset store: the Secret and ConfigMap keys the configuration generator reads, taken from
 * the input objects instead of the Kubernetes API. It mirrors the operator's assets package:
 * lookups by namespace, the same failures (missing object, missing key) and the same file
 * names for TLS material mounted under /etc/prometheus/certs.
 */

import { KubeObject } from '../types';
import { RenderContext } from './context';
import { RenderError } from './errors';

/** A key of a Secret in the namespace of the object that refers to it (core/v1 SecretKeySelector). */
export interface SecretKeySelector {
  readonly name?: string;
  readonly key: string;
  readonly optional?: boolean;
}

/** A key of a ConfigMap in the namespace of the object that refers to it (core/v1 ConfigMapKeySelector). */
export interface ConfigMapKeySelector {
  readonly name?: string;
  readonly key: string;
  readonly optional?: boolean;
}

/** Data taken from either a Secret or a ConfigMap key (the operator's SecretOrConfigMap); at most one is set. */
export interface SecretOrConfigMap {
  readonly secret?: SecretKeySelector;
  readonly configMap?: ConfigMapKeySelector;
}

/** Where a reference was written, so that a failed lookup names the object and field. */
export interface AssetRef {
  /** The object holding the reference (a Prometheus, a ServiceMonitor, ...). */
  readonly object?: KubeObject;
  /** Path of the selector field within the object, e.g. `spec.remoteWrite[0].basicAuth.username`. */
  readonly field?: string;
}

/** Directory where the operator mounts the TLS assets it copies from Secrets and ConfigMaps. */
export const TLS_ASSETS_DIR = '/etc/prometheus/certs';

/** The operator's numbering of asset sources, which prefixes TLS asset file names. */
const FROM_SECRET = 0;
const FROM_CONFIGMAP = 1;

/** One store per render context, built on first use. */
const storesByContext = new WeakMap<RenderContext, AssetStore>();

/** The Secrets and ConfigMaps among a set of input objects, readable key by key. */
export class AssetStore {
  /** The store over the objects of a render context (built once per context). */
  static of(ctx: RenderContext): AssetStore {
    let store = storesByContext.get(ctx);
    if (!store) {
      store = new AssetStore(ctx.objects);
      storesByContext.set(ctx, store);
    }
    return store;
  }

  private readonly secrets = new Map<string, Map<string, string>>();
  private readonly configMaps = new Map<string, Map<string, string>>();

  /** @param objects any Kubernetes objects; only core/v1 Secrets and ConfigMaps are kept */
  constructor(objects: readonly KubeObject[]) {
    for (const obj of objects) {
      if (obj.apiVersion !== 'v1') continue;
      const key = objectKey(obj.metadata?.namespace, obj.metadata?.name);
      if (obj.kind === 'Secret') {
        this.secrets.set(key, secretData(obj));
      } else if (obj.kind === 'ConfigMap') {
        this.configMaps.set(key, configMapData(obj));
      }
    }
  }

  /** A view of the store limited to one namespace, as the operator's StoreBuilder.ForNamespace. */
  forNamespace(namespace: string): NamespacedStore {
    return new NamespacedStore(this, namespace);
  }

  /** The data of a Secret (decoded), or undefined when there is no such Secret. */
  secret(namespace: string, name: string): ReadonlyMap<string, string> | undefined {
    return this.secrets.get(objectKey(namespace, name));
  }

  /** The data of a ConfigMap, or undefined when there is no such ConfigMap. */
  configMap(namespace: string, name: string): ReadonlyMap<string, string> | undefined {
    return this.configMaps.get(objectKey(namespace, name));
  }
}

/** Reads Secret and ConfigMap keys of one namespace; every failed lookup throws a {@link RenderError}. */
export class NamespacedStore {
  /**
   * @param store the whole store
   * @param namespace the namespace every selector is resolved in
   */
  constructor(private readonly store: AssetStore, readonly namespace: string) {}

  /** The data of a Secret of this namespace, or undefined when there is no such Secret. */
  data(name: string): ReadonlyMap<string, string> | undefined {
    return this.store.secret(this.namespace, name);
  }

  /** The value of a Secret key. Throws when the Secret or the key does not exist. */
  secretKey(sel: SecretKeySelector, at: AssetRef = {}): string {
    const name = sel.name ?? '';
    const data = this.store.secret(this.namespace, name);
    if (!data) {
      throw new RenderError(
        `secret ${this.namespace}/${name} not found (a referenced Secret must exist in namespace "${this.namespace}")`,
        at.object, at.field);
    }
    const value = data.get(sel.key);
    if (value === undefined) {
      throw new RenderError(
        `key "${sel.key}" in secret ${this.namespace}/${name} not found (keys present: ${listKeys(data)})`,
        at.object, at.field);
    }
    return value;
  }

  /** The value of a ConfigMap key. Throws when the ConfigMap or the key does not exist. */
  configMapKey(sel: ConfigMapKeySelector, at: AssetRef = {}): string {
    const name = sel.name ?? '';
    const data = this.store.configMap(this.namespace, name);
    if (!data) {
      throw new RenderError(
        `configmap ${this.namespace}/${name} not found (a referenced ConfigMap must exist in namespace "${this.namespace}")`,
        at.object, at.field);
    }
    const value = data.get(sel.key);
    if (value === undefined) {
      throw new RenderError(
        `key "${sel.key}" in configmap ${this.namespace}/${name} not found (keys present: ${listKeys(data)})`,
        at.object, at.field);
    }
    return value;
  }

  /** The value of a Secret or ConfigMap key; an empty selector reads as the empty string. */
  secretOrConfigMapKey(sel: SecretOrConfigMap | undefined, at: AssetRef = {}): string {
    if (sel?.secret) return this.secretKey(sel.secret, withField(at, 'secret'));
    if (sel?.configMap) return this.configMapKey(sel.configMap, withField(at, 'configMap'));
    return '';
  }

  /**
   * The file where the operator mounts a TLS asset: `/etc/prometheus/certs/<source>_<namespace>_<name>_<key>`
   * with source 0 for a Secret and 1 for a ConfigMap. The name does not depend on the object existing.
   */
  tlsAssetPath(sel: SecretOrConfigMap): string {
    const from = sel.secret ? FROM_SECRET : FROM_CONFIGMAP;
    const ref = sel.secret ?? sel.configMap;
    return `${TLS_ASSETS_DIR}/${from}_${this.namespace}_${ref?.name ?? ''}_${ref?.key ?? ''}`;
  }
}

/**
 * Reads a Secret key the Prometheus refers to directly (additional scrape, alert relabel and
 * Alertmanager configs), as the operator's LoadSecretRef: no selector gives undefined, so does
 * a missing Secret or key when the selector is `optional: true`; otherwise a missing one throws.
 */
export function readSecretRef(store: NamespacedStore, sel: SecretKeySelector | undefined | null, at: AssetRef): string | undefined {
  if (sel == null) return undefined;
  const data = store.data(sel.name ?? '');
  if (sel.optional === true && data?.get(sel.key) === undefined) return undefined;
  return store.secretKey(sel, at);
}

/** `field.sub` (or just `sub` when the reference has no field). */
export function withField(at: AssetRef, sub: string): AssetRef {
  return { object: at.object, field: at.field ? `${at.field}.${sub}` : sub };
}

/** `<secret=name,key=key>` / `<configmap=name,key=key>`: a selector as the operator prints it in messages. */
export function describeSelector(sel: SecretOrConfigMap | undefined): string {
  if (sel?.secret) return `<secret=${sel.secret.name ?? ''},key=${sel.secret.key}>`;
  if (sel?.configMap) return `<configmap=${sel.configMap.name ?? ''},key=${sel.configMap.key}>`;
  return '<empty>';
}

/** True when a SecretOrConfigMap selects nothing. */
export function isEmptySelector(sel: SecretOrConfigMap | undefined): boolean {
  return !sel || (sel.secret === undefined && sel.configMap === undefined);
}

function objectKey(namespace: string | undefined, name: string | undefined): string {
  return `${namespace ?? ''}/${name ?? ''}`;
}

function listKeys(data: ReadonlyMap<string, string>): string {
  return data.size > 0 ? [...data.keys()].sort().join(', ') : 'none';
}

/** Secret data as the API server stores it: `data` (base64) merged with `stringData` (which wins). */
function secretData(obj: KubeObject): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries<unknown>(obj.data ?? {})) {
    out.set(k, Buffer.from(String(v ?? ''), 'base64').toString('utf8'));
  }
  for (const [k, v] of Object.entries<unknown>(obj.stringData ?? {})) {
    out.set(k, String(v ?? ''));
  }
  return out;
}

/** ConfigMap data (`binaryData` is not readable as a key by the operator). */
function configMapData(obj: KubeObject): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries<unknown>(obj.data ?? {})) {
    out.set(k, String(v ?? ''));
  }
  return out;
}
