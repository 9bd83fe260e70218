/**
 * What every HTTP client helper needs: the render context (for warnings), the version gate the
 * operator's generator carries at that point, and the store of the namespace the references
 * are resolved in.
 */

import { RenderContext } from '../context';
import { NamespacedStore } from '../store';
import { VersionGate } from '../version';

/** The generator state an HTTP client helper works with. */
export interface ClientScope {
  /** The render context (warnings, version, options). */
  readonly ctx: RenderContext;
  /** The version gate in force; fields written through it are dropped on incompatible versions. */
  readonly gate: VersionGate;
  /** Secrets and ConfigMaps of the namespace the references live in. */
  readonly store: NamespacedStore;
}

/** A scope with the context's ungated version gate. */
export function clientScope(ctx: RenderContext, store: NamespacedStore): ClientScope {
  return { ctx, gate: ctx.gate, store };
}

/** The same scope with the gate narrowed to versions >= `min` (the operator's WithMinimumVersion). */
export function atLeast(scope: ClientScope, min: string): ClientScope {
  return { ...scope, gate: scope.gate.minimum(min) };
}

/**
 * Reads a Secret or ConfigMap value as the generator does: a failed lookup does not stop the
 * rendering, it is recorded as a warning (`what` says which reference) and yields undefined.
 * Missing references are rejected before rendering by the load functions (see assets).
 */
export function tryRead(scope: ClientScope, what: string, read: () => string): string | undefined {
  try {
    return read();
  } catch (e) {
    scope.ctx.warn(`invalid ${what} reference: ${(e as Error).message}`);
    return undefined;
  }
}
