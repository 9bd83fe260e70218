import { baselineApp, messages, modify } from './fixtures';

const ID = 'AUTH-SECRET-MISSING';
const tls = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'web-tls', namespace: 'apps' }, data: { 'tls.crt': 'eA==', 'tls.key': 'eA==' } };
const basic = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'basic', namespace: 'monitoring' }, stringData: { user: 'u', pass: 'p' } };

describe(ID, () => {
  test('a Secret without the referenced key', () => {
    const app = [...modify(baselineApp(), 'ServiceMonitor', 'web', (m) => {
      m.spec.endpoints[0].tlsConfig = { ca: { secret: { name: 'web-tls', key: 'ca.crt' } } };
    }), tls];
    expect(messages(app, ID)).toEqual([
      '[AUTH-SECRET-MISSING] ERROR ServiceMonitor apps/web spec.endpoints[0].tlsConfig.ca.secret: Secret apps/web-tls has keys [tls.crt, '
      + 'tls.key], not "ca.crt". The operator will reject this ServiceMonitor. Fix: use one of its keys, or add "ca.crt" to the Secret.',
    ]);
  });

  test('a Secret in another namespace, a Secret outside the app, two auth methods', () => {
    const app = [...modify(baselineApp(), 'ServiceMonitor', 'web', (m) => {
      m.spec.endpoints[0].basicAuth = { username: { name: 'basic', key: 'user' }, password: { name: 'basic', key: 'pass' } };
      m.spec.endpoints[0].authorization = { credentials: { name: 'tok', key: 'token' } };
    }), basic];
    expect(messages(app, ID)).toEqual([
      '[AUTH-SECRET-MISSING] ERROR ServiceMonitor apps/web spec.endpoints[0]: basicAuth and authorization are both set; an endpoint takes one '
      + 'authentication method. The operator will reject this ServiceMonitor. Fix: keep one of basicAuth, authorization.',
      '[AUTH-SECRET-MISSING] ERROR ServiceMonitor apps/web spec.endpoints[0].basicAuth.password: Secret "basic" is defined in namespace '
      + 'monitoring, not in apps; references cannot cross namespaces. The operator will reject this ServiceMonitor. Fix: create the Secret in '
      + 'namespace apps, or move the ServiceMonitor to monitoring.',
      '[AUTH-SECRET-MISSING] ERROR ServiceMonitor apps/web spec.endpoints[0].basicAuth.username: Secret "basic" is defined in namespace '
      + 'monitoring, not in apps; references cannot cross namespaces. The operator will reject this ServiceMonitor. Fix: create the Secret in '
      + 'namespace apps, or move the ServiceMonitor to monitoring.',
      '[AUTH-SECRET-MISSING] WARN ServiceMonitor apps/web spec.endpoints[0].authorization.credentials: cannot verify: Secret apps/tok (key '
      + '"token") is not in the app. If it does not exist in the cluster, the operator will reject this ServiceMonitor. Fix: define the '
      + 'Secret in the app, or acknowledge this finding if it is created elsewhere.',
    ]);
  });

  test('remote write credentials of a Prometheus', () => {
    const app = modify(baselineApp(), 'Prometheus', 'k8s', (p) => {
      p.spec.remoteWrite = [{ url: 'https://remote/api/v1/write', basicAuth: { username: { name: 'rw', key: 'u' }, password: { name: 'rw', key: 'p' } } }];
    });
    expect(messages(app, ID)).toEqual([
      '[AUTH-SECRET-MISSING] WARN Prometheus monitoring/k8s spec.remoteWrite[0].basicAuth.password: cannot verify: Secret monitoring/rw (key '
      + '"p") is not in the app. If it does not exist in the cluster, the operator will not reconcile this Prometheus. Fix: define the Secret '
      + 'in the app, or acknowledge this finding if it is created elsewhere.',
      '[AUTH-SECRET-MISSING] WARN Prometheus monitoring/k8s spec.remoteWrite[0].basicAuth.username: cannot verify: Secret monitoring/rw (key '
      + '"u") is not in the app. If it does not exist in the cluster, the operator will not reconcile this Prometheus. Fix: define the Secret '
      + 'in the app, or acknowledge this finding if it is created elsewhere.',
    ]);
  });
});
