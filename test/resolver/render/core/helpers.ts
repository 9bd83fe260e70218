/** Builders shared by the renderer core tests. */

import { createRenderContext, RenderContext } from '../../../../src/resolver/render/context';
import { KubeObject, OperatorOptions } from '../../../../src/resolver/types';

/** A Prometheus `default/test` with the given version and spec fields (scrapeInterval 30s unless set). */
export function prometheus(spec: Record<string, unknown> = {}): KubeObject {
  return {
    apiVersion: 'monitoring.coreos.com/v1',
    kind: 'Prometheus',
    metadata: { name: 'test', namespace: 'default' },
    spec: { scrapeInterval: '30s', evaluationInterval: '30s', ...spec },
  };
}

/** A PrometheusAgent `default/agent`. */
export function agent(spec: Record<string, unknown> = {}): KubeObject {
  return {
    apiVersion: 'monitoring.coreos.com/v1alpha1',
    kind: 'PrometheusAgent',
    metadata: { name: 'agent', namespace: 'default' },
    spec: { scrapeInterval: '30s', ...spec },
  };
}

/** A monitoring.coreos.com object of `kind` in namespace `ns`. */
export function monitor(kind: string, name: string, spec: Record<string, unknown>, ns = 'default'): KubeObject {
  const apiVersion = kind === 'ScrapeConfig' ? 'monitoring.coreos.com/v1alpha1' : 'monitoring.coreos.com/v1';
  return { apiVersion, kind, metadata: { name, namespace: ns }, spec };
}

/** A Secret with string data. */
export function secret(name: string, data: Record<string, string>, namespace = 'default'): KubeObject {
  return { apiVersion: 'v1', kind: 'Secret', metadata: { name, namespace }, stringData: data };
}

/** A render context for `prom`. */
export function context(prom: KubeObject, options: OperatorOptions = {}, objects: KubeObject[] = []): RenderContext {
  return createRenderContext({ prometheus: prom, options, objects });
}
