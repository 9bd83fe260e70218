import { configMap, prometheus, secret } from './helpers';
import { RenderError } from '../../../../src/resolver/render/errors';
import { AssetStore, readSecretRef } from '../../../../src/resolver/render/store';

const encoded = {
  apiVersion: 'v1',
  kind: 'Secret',
  metadata: { name: 'enc', namespace: 'default' },
  data: { a: Buffer.from('from-data').toString('base64'), b: Buffer.from('old').toString('base64') },
  stringData: { b: 'from-stringData' },
};

describe('AssetStore', () => {
  const store = new AssetStore([encoded, secret('plain', { k: 'v' }, 'other'), configMap('cm', { ca: 'pem' })]);

  test('decodes data and lets stringData win, as the API server does', () => {
    const ns = store.forNamespace('default');
    expect(ns.secretKey({ name: 'enc', key: 'a' })).toBe('from-data');
    expect(ns.secretKey({ name: 'enc', key: 'b' })).toBe('from-stringData');
  });

  test('resolves references in the namespace of the store only', () => {
    expect(store.forNamespace('other').secretKey({ name: 'plain', key: 'k' })).toBe('v');
    expect(() => store.forNamespace('default').secretKey({ name: 'plain', key: 'k' }))
      .toThrow('secret default/plain not found (a referenced Secret must exist in namespace "default")');
  });

  test('a missing key names the keys that exist and where the reference was written', () => {
    const at = { object: prometheus('v3.5.0'), field: 'spec.remoteWrite[0].basicAuth.username' };
    let error: unknown;
    try {
      store.forNamespace('default').secretKey({ name: 'enc', key: 'user' }, at);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(RenderError);
    expect((error as Error).message).toBe(
      'Prometheus default/test spec.remoteWrite[0].basicAuth.username: key "user" in secret default/enc not found (keys present: a, b)');
  });

  test('reads ConfigMap keys and Secret-or-ConfigMap selectors', () => {
    const ns = store.forNamespace('default');
    expect(ns.configMapKey({ name: 'cm', key: 'ca' })).toBe('pem');
    expect(ns.secretOrConfigMapKey({ configMap: { name: 'cm', key: 'ca' } })).toBe('pem');
    expect(ns.secretOrConfigMapKey({})).toBe('');
    expect(() => ns.configMapKey({ name: 'cm', key: 'x' })).toThrow('key "x" in configmap default/cm not found (keys present: ca)');
  });

  test('names TLS asset files by source, namespace, object and key', () => {
    const ns = store.forNamespace('monitoring');
    expect(ns.tlsAssetPath({ secret: { name: 'tls', key: 'ca.crt' } })).toBe('/etc/prometheus/certs/0_monitoring_tls_ca.crt');
    expect(ns.tlsAssetPath({ configMap: { name: 'ca', key: 'bundle' } })).toBe('/etc/prometheus/certs/1_monitoring_ca_bundle');
  });
});

describe('readSecretRef', () => {
  const ns = new AssetStore([secret('extra', { 'a.yaml': '- x' })]).forNamespace('default');
  const at = { object: prometheus('v3.5.0'), field: 'spec.additionalAlertRelabelConfigs' };

  test('no selector reads nothing', () => {
    expect(readSecretRef(ns, undefined, at)).toBeUndefined();
  });

  test('an optional reference to a missing Secret or key reads nothing', () => {
    expect(readSecretRef(ns, { name: 'absent', key: 'a.yaml', optional: true }, at)).toBeUndefined();
    expect(readSecretRef(ns, { name: 'extra', key: 'b.yaml', optional: true }, at)).toBeUndefined();
  });

  test('a required reference must exist', () => {
    expect(readSecretRef(ns, { name: 'extra', key: 'a.yaml' }, at)).toBe('- x');
    expect(() => readSecretRef(ns, { name: 'absent', key: 'a.yaml' }, at))
      .toThrow('Prometheus default/test spec.additionalAlertRelabelConfigs: secret default/absent not found');
  });
});
