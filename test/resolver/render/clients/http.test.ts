import { configMap, pem, prometheus, scopeFor, secret } from './helpers';
import { addAuthorization, addSafeAuthorization, loadSafeAuthorization } from '../../../../src/resolver/render/http/authorization';
import { addAzureAD, validateAzureAD } from '../../../../src/resolver/render/http/azuread';
import { addBasicAuth } from '../../../../src/resolver/render/http/basic-auth';
import { addHttpConfig } from '../../../../src/resolver/render/http/http-config';
import { addOAuth2, loadOAuth2 } from '../../../../src/resolver/render/http/oauth2';
import { addProxyConfig, validateProxyConfig } from '../../../../src/resolver/render/http/proxy';
import { atLeast } from '../../../../src/resolver/render/http/scope';
import { addSigv4, loadSigv4 } from '../../../../src/resolver/render/http/sigv4';
import { addSafeTLS, addTLS, loadTLS, validateTLS } from '../../../../src/resolver/render/http/tls';

const at = { object: prometheus('v3.5.0'), field: 'spec.remoteWrite[0]' };
const objects = [
  secret('auth', { user: 'alice', pass: 's3cret', token: 'tok', h1: 'a', h2: 'b' }),
  configMap('oauth', { id: 'client' }),
];

function render(fn: (out: Record<string, unknown>) => void): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  fn(out);
  return out;
}

describe('basic_auth', () => {
  test('reads username and password from the Secret', () => {
    const s = scopeFor('v2.26.0', objects);
    expect(render((o) => addBasicAuth(o, s, { username: { name: 'auth', key: 'user' }, password: { name: 'auth', key: 'pass' } })))
      .toEqual({ basic_auth: { username: 'alice', password: 's3cret' } });
  });

  test('an unreadable reference gives an empty value and a warning, as the generator does', () => {
    const s = scopeFor('v2.26.0', objects);
    const out = render((o) => addBasicAuth(o, s, { username: { name: 'auth', key: 'user' }, password: { name: 'nope', key: 'x' } }));
    expect(out).toEqual({ basic_auth: { username: 'alice', password: '' } });
    expect(s.ctx.warnings).toEqual(['invalid password reference: secret default/nope not found (a referenced Secret must exist in namespace "default")']);
  });

  test('is dropped with a warning behind a version gate', () => {
    const s = atLeast(scopeFor('v2.25.0', objects), '2.26.0');
    expect(render((o) => addBasicAuth(o, s, { username: { name: 'auth', key: 'user' } }))).toEqual({});
    expect(s.ctx.warnings.some((w) => w.startsWith('ignoring "basic_auth"'))).toBe(true);
  });
});

describe('authorization', () => {
  test('defaults the type to Bearer and trims it', () => {
    const s = scopeFor('v2.26.0', objects);
    expect(render((o) => addSafeAuthorization(o, s, { credentials: { name: 'auth', key: 'token' } })))
      .toEqual({ authorization: { type: 'Bearer', credentials: 'tok' } });
    expect(render((o) => addSafeAuthorization(o, s, { type: ' Custom ' }))).toEqual({ authorization: { type: 'Custom' } });
  });

  test('adds the credentials file and needs Prometheus 2.26', () => {
    expect(render((o) => addAuthorization(o, scopeFor('v2.26.0'), { credentialsFile: '/token' })))
      .toEqual({ authorization: { type: 'Bearer', credentials_file: '/token' } });
    expect(render((o) => addAuthorization(o, scopeFor('v2.25.0'), { credentialsFile: '/token' }))).toEqual({});
  });

  test('rejects the basic type and missing credentials keys', () => {
    const s = scopeFor('v3.5.0', objects);
    expect(() => loadSafeAuthorization(s.store, { type: 'Basic', credentials: { name: 'auth', key: 'token' } }, at))
      .toThrow('Prometheus default/test spec.remoteWrite[0].type: authorization type cannot be set to "basic", use "basicAuth" instead');
    expect(() => loadSafeAuthorization(s.store, { credentials: { name: 'auth', key: 'missing' } }, at))
      .toThrow('spec.remoteWrite[0].credentials: key "missing" in secret default/auth not found');
  });
});

describe('tls_config', () => {
  const tls = {
    ca: { configMap: { name: 'ca', key: 'bundle' } },
    cert: { secret: { name: 'tls', key: 'crt' } },
    keySecret: { name: 'tls', key: 'key' },
    serverName: 'example.com',
    insecureSkipVerify: false,
    minVersion: 'TLS12',
    maxVersion: 'TLS13',
  };

  test('references become the mounted files, in the operator key order', () => {
    const out = render((o) => addSafeTLS(o, scopeFor('v2.41.0'), tls));
    expect(out.tls_config).toEqual({
      insecure_skip_verify: false,
      ca_file: '/etc/prometheus/certs/1_default_ca_bundle',
      cert_file: '/etc/prometheus/certs/0_default_tls_crt',
      key_file: '/etc/prometheus/certs/0_default_tls_key',
      server_name: 'example.com',
      min_version: 'TLS12',
      max_version: 'TLS13',
    });
    expect(Object.keys(out.tls_config as object)[0]).toBe('insecure_skip_verify');
  });

  test('min_version needs 2.35 and max_version 2.41', () => {
    const s = scopeFor('v2.35.0');
    const out = render((o) => addSafeTLS(o, s, tls)).tls_config as Record<string, unknown>;
    expect(out.min_version).toBe('TLS12');
    expect(out.max_version).toBeUndefined();
    expect(s.ctx.warnings).toHaveLength(1);
  });

  test('files follow the references', () => {
    expect(render((o) => addTLS(o, scopeFor('v3.0.0'), { caFile: '/ca', certFile: '/crt', keyFile: '/key' })))
      .toEqual({ tls_config: { ca_file: '/ca', cert_file: '/crt', key_file: '/key' } });
  });

  test('validation rejects a reference and a file for the same item, and a cert without key', () => {
    expect(() => validateTLS({ ca: { secret: { name: 'a', key: 'b' } }, caFile: '/ca' }, at)).toThrow("cannot specify both 'caFile' and 'ca'");
    expect(() => validateTLS({ certFile: '/crt' }, at)).toThrow('cannot specify client cert without client key');
    expect(() => validateTLS({ minVersion: 'TLS13', maxVersion: 'TLS12' }, at)).toThrow('maxVersion (TLS12) must be more than or equal to minVersion (TLS13)');
  });

  test('loading checks the CA and that the client key matches the certificate', () => {
    const good = scopeFor('v3.0.0', [secret('tls', { ca: pem('client.crt'), crt: pem('client.crt'), key: pem('client.key'), other: pem('other.key'), bad: 'nope' })]);
    const sel = (key: string) => ({ secret: { name: 'tls', key } });
    expect(() => loadTLS(good.store, { ca: sel('ca'), cert: sel('crt'), keySecret: { name: 'tls', key: 'key' } }, at)).not.toThrow();
    expect(() => loadTLS(good.store, { ca: sel('bad') }, at)).toThrow('spec.remoteWrite[0].ca: ca <secret=tls,key=bad>: not a PEM-encoded X.509 certificate');
    expect(() => loadTLS(good.store, { cert: sel('crt'), keySecret: { name: 'tls', key: 'other' } }, at))
      .toThrow("cert <secret=tls,key=crt>: the private key does not match the certificate's public key");
    expect(() => loadTLS(good.store, { ca: sel('missing') }, at)).toThrow('spec.remoteWrite[0].ca.secret: key "missing" in secret default/tls not found');
  });
});

describe('proxy settings', () => {
  const pc = {
    proxyUrl: 'http://proxy:3128',
    noProxy: 'svc.local',
    proxyConnectHeader: { 'X-B': [{ name: 'auth', key: 'h2' }], 'X-A': [{ name: 'auth', key: 'h1' }, { name: 'auth', key: 'h2' }] },
  };

  test('writes every field with the headers sorted and read from Secrets', () => {
    const out = render((o) => addProxyConfig(o, scopeFor('v2.43.0', objects), pc));
    expect(out).toEqual({ proxy_url: 'http://proxy:3128', no_proxy: 'svc.local', proxy_connect_header: { 'X-A': ['a', 'b'], 'X-B': ['b'] } });
    expect(Object.keys(out.proxy_connect_header as object)).toEqual(['X-A', 'X-B']);
  });

  test('before 2.43 only proxy_url is written', () => {
    expect(render((o) => addProxyConfig(o, scopeFor('v2.42.0', objects), pc))).toEqual({ proxy_url: 'http://proxy:3128' });
  });

  test('validation', () => {
    expect(() => validateProxyConfig({ proxyConnectHeader: { a: [] } }, at)).toThrow('proxyUrl or proxyFromEnvironment must also be configured');
    expect(() => validateProxyConfig({ proxyUrl: 'http://p', proxyFromEnvironment: true }, at)).toThrow('proxyUrl must not be configured');
    expect(() => validateProxyConfig({ noProxy: 'a' }, at)).toThrow('spec.remoteWrite[0].noProxy: if noProxy is configured, proxyUrl must also be configured');
    expect(() => validateProxyConfig({ proxyUrl: 'http://p', proxyConnectHeader: { a: [] } }, at))
      .toThrow('spec.remoteWrite[0].proxyConnectHeader[a]: selector must not be empty');
    expect(() => validateProxyConfig({ proxyUrl: 'http://p:port' }, at)).toThrow('invalid proxy URL "http://p:port": invalid port ":port" after host');
    expect(() => validateProxyConfig({ proxyUrl: 'http://[::1]:3128', noProxy: 'localhost' }, at)).not.toThrow();
  });
});

describe('oauth2', () => {
  const oauth2 = {
    clientId: { configMap: { name: 'oauth', key: 'id' } },
    clientSecret: { name: 'auth', key: 'pass' },
    tokenUrl: 'http://token',
    scopes: ['a'],
    endpointParams: { z: '1', a: '2' },
    proxyUrl: 'http://proxy',
    tlsConfig: { insecureSkipVerify: true },
  };

  test('writes credentials, parameters, proxy and TLS from 2.43', () => {
    expect(render((o) => addOAuth2(o, scopeFor('v2.43.0', objects), oauth2))).toEqual({
      oauth2: {
        client_id: 'client',
        client_secret: 's3cret',
        token_url: 'http://token',
        scopes: ['a'],
        endpoint_params: { a: '2', z: '1' },
        proxy_url: 'http://proxy',
        tls_config: { insecure_skip_verify: true },
      },
    });
  });

  test('between 2.27 and 2.43 proxy and TLS are left out; before 2.27 everything', () => {
    expect(render((o) => addOAuth2(o, scopeFor('v2.27.0', objects), oauth2)).oauth2).toEqual({
      client_id: 'client', client_secret: 's3cret', token_url: 'http://token', scopes: ['a'], endpoint_params: { a: '2', z: '1' },
    });
    expect(render((o) => addOAuth2(o, scopeFor('v2.26.0', objects), oauth2))).toEqual({});
  });

  test('an unreadable client secret leaves oauth2 out', () => {
    const s = scopeFor('v3.0.0', objects);
    expect(render((o) => addOAuth2(o, s, { ...oauth2, clientSecret: { name: 'auth', key: 'absent' } }))).toEqual({});
    expect(s.ctx.warnings[0]).toContain('invalid OAuth2 client secret reference');
  });

  test('loading requires the token URL and the client id', () => {
    const s = scopeFor('v3.0.0', objects);
    expect(() => loadOAuth2(s.store, { ...oauth2, tokenUrl: '' }, at)).toThrow('spec.remoteWrite[0].tokenUrl: OAuth2 tokenUrl must be specified');
    expect(() => loadOAuth2(s.store, { ...oauth2, clientId: {} }, at)).toThrow("OAuth2 'clientId' must be specified");
    expect(() => loadOAuth2(s.store, oauth2, at)).not.toThrow();
  });
});

describe('sigv4', () => {
  const keys = { accessKey: { name: 'auth', key: 'user' }, secretKey: { name: 'auth', key: 'pass' } };

  test('writes the keys only when both can be read, and gates newer fields', () => {
    const s = scopeFor('v2.54.0', objects);
    expect(render((o) => addSigv4(o, s, { region: 'eu', ...keys, roleArn: 'arn', externalId: 'x', useFIPSSTSEndpoint: true }))).toEqual({
      sigv4: { region: 'eu', access_key: 'alice', secret_key: 's3cret', role_arn: 'arn', use_fips_sts_endpoint: true },
    });
    expect(s.ctx.warnings.some((w) => w.includes('external_id'))).toBe(true);
  });

  test('an empty sigv4 still writes the section', () => {
    expect(render((o) => addSigv4(o, scopeFor('v3.0.0'), {}))).toEqual({ sigv4: {} });
  });

  test('loading needs both keys or neither', () => {
    expect(() => loadSigv4(scopeFor('v3.0.0', objects).store, { accessKey: keys.accessKey }, at)).toThrow('both accessKey and secretKey should be provided');
  });
});

describe('azuread', () => {
  const uuid = '00000000-a12b-3cd4-e56f-000000000000';

  test('writes managed identity, cloud and scope with their version gates', () => {
    expect(render((o) => addAzureAD(o, scopeFor('v3.9.0'), { cloud: 'AzurePublic', managedIdentity: { clientId: 'id' }, scope: 's' })))
      .toEqual({ azuread: { managed_identity: { client_id: 'id' }, cloud: 'AzurePublic', scope: 's' } });
    expect(render((o) => addAzureAD(o, scopeFor('v3.8.0'), { managedIdentity: {}, scope: 's' })))
      .toEqual({ azuread: { managed_identity: {} } });
  });

  test('validation requires exactly one method, UUIDs and minimum versions', () => {
    const gate = scopeFor('v3.0.0').gate;
    expect(() => validateAzureAD(gate, {}, at)).toThrow('must provide Azure Managed Identity, Azure OAuth, Azure SDK, or Azure Workload Identity');
    expect(() => validateAzureAD(gate, { managedIdentity: { clientId: 'a' }, sdk: {} }, at))
      .toThrow('cannot provide both Azure Managed Identity and Azure SDK');
    expect(() => validateAzureAD(gate, { oauth: { clientId: 'nope', tenantId: 't' } }, at)).toThrow('the provided Azure OAuth clientId is invalid');
    expect(() => validateAzureAD(gate, { workloadIdentity: { clientId: uuid, tenantId: uuid } }, at))
      .toThrow('azureAd.workloadIdentity requires Prometheus >= v3.7.0');
    expect(() => validateAzureAD(gate, { managedIdentity: {} }, at)).toThrow('managedIdentity: clientId is required with Prometheus < 3.5.0');
    expect(() => validateAzureAD(scopeFor('v3.5.0').gate, { managedIdentity: {} }, at)).not.toThrow();
  });
});

describe('generic HTTP settings', () => {
  test('follow_redirects from 2.26, enable_http2 from 2.35, then TLS', () => {
    const http = { followRedirects: false, enableHttp2: true };
    expect(render((o) => addHttpConfig(o, scopeFor('v2.35.0'), http, { caFile: '/ca' })))
      .toEqual({ follow_redirects: false, enable_http2: true, tls_config: { ca_file: '/ca' } });
    expect(render((o) => addHttpConfig(o, scopeFor('v2.26.0'), http, undefined))).toEqual({ follow_redirects: false });
  });
});
