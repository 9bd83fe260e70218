/** The `runtime` section (spec.runtime): Go runtime settings of Prometheus. */

import { RenderContext } from './context';

/**
 * The value of the `runtime` section (the operator's appendRuntime), or undefined when
 * spec.runtime is not set or Prometheus is older than 2.53 (then with a warning).
 */
export function renderRuntime(ctx: RenderContext): Record<string, unknown> | undefined {
  const runtime = ctx.spec.runtime;
  if (runtime == null) return undefined;
  const gate = ctx.minVersion('2.53.0');
  if (!gate.compatible) {
    gate.ignored('runtime');
    return undefined;
  }
  const out: Record<string, unknown> = {};
  if (runtime.goGC != null) out.gogc = runtime.goGC;
  return out;
}
