import { rejection } from './check-helpers';
import { CLIENT_CERT, CLIENT_KEY, configMap, OTHER_KEY, secret, serviceMonitor } from './fixtures';

const meta = { name: 'sm', namespace: 'apps' };
const sm = (endpoint: any, extra: any = {}) => serviceMonitor(meta, { selector: {}, endpoints: [{ port: 'web', ...endpoint }], ...extra });
const creds = secret({ name: 'creds', namespace: 'apps' }, { user: 'u', pass: 'p', token: 't' });

describe('ServiceMonitor checks', () => {
  test('a plain ServiceMonitor is accepted', () => {
    expect(rejection(sm({}))).toBeUndefined();
  });

  test('an invalid spec.selector is rejected', () => {
    expect(rejection(sm({}, { selector: { matchExpressions: [{ key: 'a', operator: 'Has' }] } })))
      .toBe('"Has" is not a valid label selector operator');
  });

  test('the RoleSelector mechanism needs Prometheus 2.17', () => {
    expect(rejection(sm({}, { selectorMechanism: 'RoleSelector' }), [], { version: 'v2.16.0' }))
      .toBe('RoleSelector selectorMechanism is only supported in Prometheus 2.17.0 and newer');
    expect(rejection(sm({}, { selectorMechanism: 'RoleSelector' }), [], { version: 'v2.17.0' })).toBeUndefined();
  });

  test('arbitraryFSAccessThroughSMs.deny rejects a bearer token file', () => {
    expect(rejection(sm({ bearerTokenFile: '/var/run/token' }), [], { arbitraryFSAccessThroughSMs: { deny: true } }))
      .toBe('endpoints[0]: it accesses file system via bearer token file which Prometheus specification prohibits');
    expect(rejection(sm({ bearerTokenFile: '/var/run/token' }))).toBeUndefined();
  });

  test('arbitraryFSAccessThroughSMs.deny rejects TLS files', () => {
    expect(rejection(sm({ tlsConfig: { caFile: '/ca.crt' } }), [], { arbitraryFSAccessThroughSMs: { deny: true } }))
      .toBe('endpoints[0]: it accesses file system via tls config which Prometheus specification prohibits');
  });

  test('basicAuth needs its Secret', () => {
    expect(rejection(sm({ basicAuth: { username: { name: 'missing', key: 'user' }, password: { name: 'missing', key: 'pass' } } })))
      .toBe('endpoints[0]: basicAuth: failed to get basic auth username: unable to get secret "missing": secrets "missing" not found');
  });

  test('basicAuth needs the Secret key', () => {
    expect(rejection(sm({ basicAuth: { username: { name: 'creds', key: 'user' }, password: { name: 'creds', key: 'nope' } } }), [creds]))
      .toBe('endpoints[0]: basicAuth: failed to get basic auth password: key "nope" in secret "creds" not found');
  });

  test('basicAuth reads Secrets from the monitor namespace only', () => {
    const elsewhere = secret({ name: 'creds', namespace: 'monitoring' }, { user: 'u', pass: 'p' });
    expect(rejection(sm({ basicAuth: { username: { name: 'creds', key: 'user' }, password: { name: 'creds', key: 'pass' } } }), [elsewhere]))
      .toMatch(/secrets "creds" not found/);
  });

  test('Secret data is read from base64 data as well as stringData', () => {
    const b64 = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'b64', namespace: 'apps' }, data: { user: 'dQ==', pass: 'cA==' } };
    expect(rejection(sm({ basicAuth: { username: { name: 'b64', key: 'user' }, password: { name: 'b64', key: 'pass' } } }), [b64])).toBeUndefined();
  });

  test('bearerTokenSecret with a name needs its Secret key', () => {
    expect(rejection(sm({ bearerTokenSecret: { name: 'creds', key: 'absent' } }), [creds]))
      .toBe('endpoints[0]: bearerTokenSecret: key "absent" in secret "creds" not found');
  });

  test('authorization and basicAuth are exclusive', () => {
    expect(rejection(sm({
      authorization: { credentials: { name: 'creds', key: 'token' } },
      basicAuth: { username: { name: 'creds', key: 'user' }, password: { name: 'creds', key: 'pass' } },
    }), [creds])).toBe('endpoints[0]: authorization and basicAuth cannot be configured at the same time');
  });

  test('authorization of type Basic is rejected', () => {
    expect(rejection(sm({ authorization: { type: 'basic', credentials: { name: 'creds', key: 'token' } } }), [creds]))
      .toBe('endpoints[0]: authorization: \'authorization\' type cannot be set to "basic", use "basicAuth" instead');
  });

  test('authorization credentials must exist', () => {
    expect(rejection(sm({ authorization: { type: 'Bearer', credentials: { name: 'creds', key: 'missing' } } }), [creds]))
      .toBe('endpoints[0]: authorization: failed to get authorization token of type "Bearer": key "missing" in secret "creds" not found');
  });

  test('oauth2 needs a token URL', () => {
    expect(rejection(sm({ oauth2: { clientId: { secret: { name: 'creds', key: 'user' } }, clientSecret: { name: 'creds', key: 'pass' } } }), [creds]))
      .toBe('endpoints[0]: oauth2: OAuth2 tokenURL must be specified');
  });

  test('oauth2 reads the client id from a ConfigMap', () => {
    const oauth2 = { tokenUrl: 'https://idp/token', clientId: { configMap: { name: 'oauth', key: 'id' } }, clientSecret: { name: 'creds', key: 'pass' } };
    expect(rejection(sm({ oauth2 }), [creds])).toBe('endpoints[0]: oauth2: failed to get oauth2 client id: unable to get configmap "oauth": configmaps "oauth" not found');
    expect(rejection(sm({ oauth2 }), [creds, configMap({ name: 'oauth', namespace: 'apps' }, { id: 'client' })])).toBeUndefined();
  });

  test('TLS: a CA given both as file and reference is rejected', () => {
    expect(rejection(sm({ tlsConfig: { caFile: '/ca', ca: { secret: { name: 'tls', key: 'ca' } } } })))
      .toBe("endpoints[0]: tlsConfig: cannot specify both 'caFile' and 'ca'");
  });

  test('TLS: a client certificate needs a key', () => {
    expect(rejection(sm({ tlsConfig: { certFile: '/cert' } }))).toBe('endpoints[0]: tlsConfig: cannot specify client cert without client key');
  });

  test('TLS: the CA must be a PEM certificate', () => {
    const tls = secret({ name: 'tls', namespace: 'apps' }, { ca: 'not a certificate' });
    expect(rejection(sm({ tlsConfig: { ca: { secret: { name: 'tls', key: 'ca' } } } }), [tls]))
      .toBe('endpoints[0]: tlsConfig: ca <secret=tls,key=ca>: failed to decode PEM block');
  });

  test('TLS: a valid CA, certificate and key are accepted', () => {
    const tls = secret({ name: 'tls', namespace: 'apps' }, { ca: CLIENT_CERT, cert: CLIENT_CERT, key: CLIENT_KEY });
    expect(rejection(sm({
      tlsConfig: { ca: { secret: { name: 'tls', key: 'ca' } }, cert: { secret: { name: 'tls', key: 'cert' } }, keySecret: { name: 'tls', key: 'key' } },
    }), [tls])).toBeUndefined();
  });

  test('TLS: a key that does not belong to the certificate is rejected', () => {
    const tls = secret({ name: 'tls', namespace: 'apps' }, { cert: CLIENT_CERT, key: OTHER_KEY });
    expect(rejection(sm({ tlsConfig: { cert: { secret: { name: 'tls', key: 'cert' } }, keySecret: { name: 'tls', key: 'key' } } }), [tls]))
      .toBe('endpoints[0]: tlsConfig: cert <secret=tls,key=cert>, key <tls/key>: tls: private key does not match public key');
  });

  test('the scrape timeout may not exceed the endpoint interval', () => {
    expect(rejection(sm({ interval: '10s', scrapeTimeout: '15s' }))).toBe('endpoints[0]: scrapeTimeout "15s" greater than scrapeInterval "10s"');
  });

  test('without an endpoint interval the timeout is compared with the Prometheus scrapeInterval', () => {
    expect(rejection(sm({ scrapeTimeout: '1m' }), [], { scrapeInterval: '30s' })).toBe('endpoints[0]: scrapeTimeout "1m" greater than scrapeInterval "30s"');
  });

  test('without any scrape interval (no CRD defaults) a timeout is rejected', () => {
    expect(rejection(sm({ scrapeTimeout: '10s' }), [], { scrapeInterval: undefined }))
      .toBe('endpoints[0]: invalid scrapeInterval "": empty duration string');
  });

  test('an invalid relabeling regex is rejected', () => {
    expect(rejection(sm({ relabelings: [{ sourceLabels: ['a'], regex: '(x', targetLabel: 'b' }] })))
      .toMatch(/^endpoints\[0\]: relabelConfigs: \[0\]: invalid regex \(x for relabel configuration: error parsing regexp: missing closing \)/);
  });

  test('metric relabelings are validated too', () => {
    expect(rejection(sm({ metricRelabelings: [{ action: 'hashmod', targetLabel: 'h' }] })))
      .toBe('endpoints[0]: metricRelabelConfigs: [0]: relabel configuration for hashmod requires non-zero modulus');
  });

  test('a proxy noProxy without proxyUrl is rejected', () => {
    expect(rejection(sm({ noProxy: 'localhost' }))).toBe('endpoints[0]: if noProxy is configured, proxyUrl must also be configured');
  });

  test('a missing proxyConnectHeader Secret is rejected without the endpoint prefix', () => {
    expect(rejection(sm({ proxyUrl: 'http://proxy:3128', proxyConnectHeader: { 'X-Auth': [{ name: 'proxy', key: 'h' }] } })))
      .toBe('header[X-Auth][0]: unable to get secret "proxy": secrets "proxy" not found');
  });

  test('an unknown scrape class is rejected', () => {
    expect(rejection(sm({}, { scrapeClass: 'nope' }))).toBe('scrapeClassName: scrapeClass "nope" not found in Prometheus scrapeClasses');
    expect(rejection(sm({}, { scrapeClass: 'ok' }), [], { scrapeClasses: [{ name: 'ok' }] })).toBeUndefined();
  });
});

describe('TLS material checks', () => {
  const tlsRef = { cert: { secret: { name: 'tls', key: 'cert' } }, keySecret: { name: 'tls', key: 'key' } };

  test('a certificate and key given the wrong way round are reported as switched', () => {
    const tls = secret({ name: 'tls', namespace: 'apps' }, { cert: CLIENT_KEY, key: CLIENT_CERT });
    expect(rejection(sm({ tlsConfig: tlsRef }), [tls]))
      .toBe('endpoints[0]: tlsConfig: cert <secret=tls,key=cert>, key <tls/key>: tls: failed to find certificate PEM data in certificate input, '
        + 'but did find a private key; PEM inputs may have been switched');
  });

  test('a key that is not PEM is rejected', () => {
    const tls = secret({ name: 'tls', namespace: 'apps' }, { cert: CLIENT_CERT, key: 'not a key' });
    expect(rejection(sm({ tlsConfig: tlsRef }), [tls])).toBe('endpoints[0]: tlsConfig: cert <secret=tls,key=cert>, key <tls/key>: tls: failed to find any PEM data in key input');
  });

  test('a CA that is PEM but not a certificate is rejected', () => {
    const tls = secret({ name: 'tls', namespace: 'apps' }, { ca: '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n' });
    expect(rejection(sm({ tlsConfig: { ca: { secret: { name: 'tls', key: 'ca' } } } }), [tls]))
      .toMatch(/^endpoints\[0\]: tlsConfig: ca <secret=tls,key=ca>: failed to parse certificate: x509: /);
  });

  test('the CA may come from a ConfigMap', () => {
    expect(rejection(sm({ tlsConfig: { ca: { configMap: { name: 'ca', key: 'ca.crt' } } } }), [configMap({ name: 'ca', namespace: 'apps' }, { 'ca.crt': CLIENT_CERT })]))
      .toBeUndefined();
  });
});
