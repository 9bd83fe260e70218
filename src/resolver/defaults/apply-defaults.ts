/**
 * Objects as the API server stores them: the `default:` values of the monitoring.coreos.com CRD
 * schemas applied the way the API server's structural defaulting applies them. A default fills
 * a missing field only where its parent object exists; defaults inside array items apply to
 * every item and inside maps to every value; a default value is itself defaulted; null fields
 * (no field of these CRDs is nullable) are pruned first, so that a default can replace them.
 * The defaults come from a table generated from imports/crds by scripts/generate-crd-defaults.js.
 */

import { KubeObject } from '../types';
import TABLE from './crd-defaults.json';

/** One node of the generated table: a default, properties, array items, map values, preserve-unknown flag. */
interface SchemaNode {
  d?: unknown;
  p?: Record<string, SchemaNode>;
  i?: SchemaNode;
  a?: SchemaNode;
  u?: number;
}

const SCHEMAS = TABLE as unknown as Record<string, SchemaNode>;

/** True when the defaults table has a schema for this apiVersion and kind (a served monitoring.coreos.com version). */
export function hasCrdSchema(apiVersion: string, kind: string): boolean {
  return SCHEMAS[`${apiVersion}/${kind}`] !== undefined;
}

/**
 * A copy of `obj` with the CRD defaults applied, or `obj` itself when it is not a
 * monitoring.coreos.com object of a served version. The input is never modified.
 */
export function applyCrdDefaults<T extends KubeObject>(obj: T): T {
  const schema = SCHEMAS[`${obj.apiVersion}/${obj.kind}`];
  if (!schema) return obj;
  const copy = structuredClone(obj);
  applyNode(copy, schema);
  return copy;
}

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function applyNode(value: unknown, node: SchemaNode | undefined): void {
  if (Array.isArray(value)) {
    for (const item of value) applyNode(item, node?.i);
    return;
  }
  if (!isObject(value)) return;
  if (!node?.u) {
    for (const key of Object.keys(value)) {
      if (value[key] === null) delete value[key];
    }
  }
  for (const [key, child] of Object.entries(node?.p ?? {})) {
    if (child.d !== undefined && !(key in value)) value[key] = structuredClone(child.d);
  }
  for (const [key, v] of Object.entries(value)) {
    const child = node?.p?.[key] ?? (node?.u ? undefined : node?.a);
    // Below a preserve-unknown-fields node without a schema, values are kept exactly as given.
    if (child === undefined && node?.u) continue;
    applyNode(v, child);
  }
}
