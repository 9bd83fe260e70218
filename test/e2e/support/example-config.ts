import { resolve } from '../../../src/resolver/resolve';
import { KubeObject } from '../../../src/resolver/types';

/** The prometheus.yaml (as data) the operator would generate for one Prometheus among `objects`. */
export function renderForPrometheus(objects: readonly KubeObject[], prometheus: string): any {
  return resolve(objects, { prometheus }).prometheuses[0].config;
}
