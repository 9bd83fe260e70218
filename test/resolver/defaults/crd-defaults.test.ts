import { execFileSync } from 'child_process';
import * as path from 'path';
import { applyCrdDefaults, hasCrdSchema, withDefaultNamespace } from '../../../src/resolver/defaults';
import { KubeObject } from '../../../src/resolver/types';

const prom = (spec?: any): KubeObject => ({ apiVersion: 'monitoring.coreos.com/v1', kind: 'Prometheus', metadata: { name: 'p', namespace: 'm' }, ...(spec ? { spec } : {}) });
const sm = (spec: any): KubeObject => ({ apiVersion: 'monitoring.coreos.com/v1', kind: 'ServiceMonitor', metadata: { name: 's', namespace: 'm' }, spec });

describe('CRD defaults', () => {
  test('top-level spec defaults fill missing fields of a Prometheus', () => {
    const out = applyCrdDefaults(prom({}));
    expect(out.spec).toEqual({ evaluationInterval: '30s', portName: 'web', scrapeInterval: '30s', shards: 1 });
  });

  test('values that are set are kept', () => {
    expect(applyCrdDefaults(prom({ scrapeInterval: '1m' })).spec.scrapeInterval).toBe('1m');
  });

  test('nothing is defaulted below a parent that is absent', () => {
    expect(applyCrdDefaults(prom()).spec).toBeUndefined();
    expect(applyCrdDefaults(sm({ endpoints: [{ port: 'web' }] })).spec).toEqual({ endpoints: [{ port: 'web' }] });
  });

  test('defaults apply to every array item', () => {
    const out = applyCrdDefaults(sm({ endpoints: [{ relabelings: [{ targetLabel: 'a' }, { action: 'drop' }] }, { metricRelabelings: [{}] }] }));
    expect(out.spec.endpoints[0].relabelings).toEqual([{ targetLabel: 'a', action: 'replace' }, { action: 'drop' }]);
    expect(out.spec.endpoints[1].metricRelabelings).toEqual([{ action: 'replace' }]);
  });

  test('defaults apply inside nested objects that exist', () => {
    const out = applyCrdDefaults(sm({ endpoints: [{ basicAuth: { username: { key: 'user' } } }] }));
    expect(out.spec.endpoints[0].basicAuth).toEqual({ username: { key: 'user', name: '' } });
  });

  test('defaults apply to map values', () => {
    const out = applyCrdDefaults(sm({ endpoints: [{ proxyConnectHeader: { 'X-A': [{ key: 'k' }] } }] }));
    expect(out.spec.endpoints[0].proxyConnectHeader).toEqual({ 'X-A': [{ key: 'k', name: '' }] });
  });

  test('a null field is pruned, then defaulted', () => {
    const out = applyCrdDefaults(prom({ scrapeInterval: null, externalLabels: null }));
    expect(out.spec.scrapeInterval).toBe('30s');
    expect('externalLabels' in out.spec).toBe(false);
  });

  test('the input object is not modified', () => {
    const input = prom({});
    applyCrdDefaults(input);
    expect(input.spec).toEqual({});
  });

  test('objects without a monitoring.coreos.com schema are returned as they are', () => {
    const svc: KubeObject = { apiVersion: 'v1', kind: 'Service', metadata: { name: 'x' }, spec: { a: null } };
    expect(applyCrdDefaults(svc)).toBe(svc);
    const unserved: KubeObject = { apiVersion: 'monitoring.coreos.com/v1beta1', kind: 'Prometheus', metadata: { name: 'x' }, spec: {} };
    expect(applyCrdDefaults(unserved)).toBe(unserved);
    expect(hasCrdSchema('monitoring.coreos.com/v1alpha1', 'ScrapeConfig')).toBe(true);
  });

  test('PrometheusAgent (v1alpha1) defaults come from its own CRD', () => {
    const agent: KubeObject = { apiVersion: 'monitoring.coreos.com/v1alpha1', kind: 'PrometheusAgent', metadata: { name: 'a' }, spec: {} };
    expect(applyCrdDefaults(agent).spec.scrapeInterval).toBe('30s');
  });

  test('the committed defaults table matches the vendored CRDs', () => {
    const root = path.resolve(__dirname, '..', '..', '..');
    const out = execFileSync('node', [path.join(root, 'scripts', 'generate-crd-defaults.js'), '--check'], { encoding: 'utf8' });
    expect(out).toContain('is up to date');
  });
});

describe('namespace defaulting', () => {
  test('a namespaced object without a namespace gets "default"', () => {
    const obj: KubeObject = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' } };
    expect(withDefaultNamespace(obj).metadata.namespace).toBe('default');
    expect(obj.metadata.namespace).toBeUndefined();
  });

  test('an explicit namespace is kept and cluster-scoped objects get none', () => {
    const ns: KubeObject = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'apps' } };
    expect(withDefaultNamespace(ns)).toBe(ns);
    const inNs: KubeObject = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 's', namespace: 'apps' } };
    expect(withDefaultNamespace(inNs, 'other')).toBe(inNs);
  });
});
