/** Builders shared by the client section tests. */

import * as fs from 'fs';
import * as path from 'path';
import { createRenderContext, RenderContext } from '../../../../src/resolver/render/context';
import { clientScope, ClientScope } from '../../../../src/resolver/render/http/scope';
import { AssetStore } from '../../../../src/resolver/render/store';
import { KubeObject } from '../../../../src/resolver/types';

/** A Prometheus in namespace `default` with the given version and spec fields. */
export function prometheus(version: string, spec: Record<string, unknown> = {}): KubeObject {
  return {
    apiVersion: 'monitoring.coreos.com/v1',
    kind: 'Prometheus',
    metadata: { name: 'test', namespace: 'default' },
    spec: { version, ...spec },
  };
}

/** A PrometheusAgent in namespace `default`. */
export function agent(version: string, spec: Record<string, unknown> = {}): KubeObject {
  return { ...prometheus(version, spec), apiVersion: 'monitoring.coreos.com/v1alpha1', kind: 'PrometheusAgent' };
}

/** A Secret with string data. */
export function secret(name: string, data: Record<string, string>, namespace = 'default'): KubeObject {
  return { apiVersion: 'v1', kind: 'Secret', metadata: { name, namespace }, stringData: data };
}

/** A ConfigMap. */
export function configMap(name: string, data: Record<string, string>, namespace = 'default'): KubeObject {
  return { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace }, data };
}

/** A render context for `prom` over `objects`. */
export function context(prom: KubeObject, objects: KubeObject[] = []): RenderContext {
  return createRenderContext({ prometheus: prom, objects });
}

/** A client scope for Prometheus `version`, reading references from namespace `default`. */
export function scopeFor(version: string, objects: KubeObject[] = []): ClientScope {
  const ctx = context(prometheus(version), objects);
  return clientScope(ctx, AssetStore.of(ctx).forNamespace('default'));
}

/** A PEM fixture (a self-signed test certificate and keys made for these tests only). */
export function pem(name: 'client.crt' | 'client.key' | 'other.key'): string {
  return fs.readFileSync(path.join(__dirname, 'fixtures', name), 'utf8');
}
