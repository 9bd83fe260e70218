import { rejection } from './check-helpers';
import { scrapeConfig, secret } from './fixtures';

const sc = (spec: any) => scrapeConfig({ name: 'sc', namespace: 'apps' }, spec);

describe('ScrapeConfig checks', () => {
  test('a static ScrapeConfig is accepted', () => {
    expect(rejection(sc({ staticConfigs: [{ targets: ['a:80'], labels: { env: 'prod' } }] }))).toBeUndefined();
  });

  test('an unknown scrape class is rejected without a field prefix', () => {
    expect(rejection(sc({ scrapeClass: 'x' }))).toBe('scrapeClass "x" not found in Prometheus scrapeClasses');
  });

  test('static config labels must be valid label names', () => {
    expect(rejection(sc({ staticConfigs: [{ targets: ['a'], labels: { '1bad': 'x' } }] }), [], { version: 'v2.55.0' }))
      .toBe('staticConfigs: [0]: invalid label "1bad"');
  });

  test('the scrape timeout may not exceed the interval', () => {
    expect(rejection(sc({ scrapeInterval: '10s', scrapeTimeout: '20s' }))).toBe('scrapeTimeout "20s" greater than scrapeInterval "10s"');
  });

  test('Kubernetes SD selectors must suit the role', () => {
    expect(rejection(sc({ kubernetesSDConfigs: [{ role: 'Node', selectors: [{ role: 'Pod', label: 'a=b' }] }] })))
      .toBe('kubernetesSDConfigs: [0] : Node role supports only node selectors');
  });

  test('Kubernetes SD label selectors must parse', () => {
    expect(rejection(sc({ kubernetesSDConfigs: [{ role: 'Pod', selectors: [{ role: 'Pod', label: 'a in ()' }] }] })))
      .toBe("kubernetesSDConfigs: [0]: values: Invalid value: []: for 'in', 'notin' operators, values set can't be empty");
    expect(rejection(sc({ kubernetesSDConfigs: [{ role: 'Pod', selectors: [{ role: 'Pod', label: 'app=web,tier in (a, b),!canary' }] }] }))).toBeUndefined();
  });

  test('Kubernetes SD field selectors must parse', () => {
    expect(rejection(sc({ kubernetesSDConfigs: [{ role: 'Pod', selectors: [{ role: 'Pod', field: 'spec.nodeName' }] }] })))
      .toBe("kubernetesSDConfigs: [0]: invalid selector: 'spec.nodeName'; can't understand 'spec.nodeName'");
    expect(rejection(sc({ kubernetesSDConfigs: [{ role: 'Pod', selectors: [{ role: 'Pod', field: 'spec.nodeName=n1' }] }] }))).toBeUndefined();
  });

  test('Kubernetes SD apiServer excludes namespaces.ownNamespace', () => {
    expect(rejection(sc({ kubernetesSDConfigs: [{ role: 'Pod', apiServer: 'https://k8s', namespaces: { ownNamespace: true } }] })))
      .toBe("kubernetesSDConfigs: [0]: cannot use 'apiServer' and 'namespaces.ownNamespace' simultaneously");
  });

  test('Consul filter needs Prometheus 3', () => {
    expect(rejection(sc({ consulSDConfigs: [{ server: 'consul:8500', filter: 'x' }] }), [], { version: 'v2.55.0' }))
      .toBe('consulSDConfigs: field `config.Filter` is only supported for Prometheus version >= 3.0.0');
  });

  test('Consul tokenRef needs its Secret', () => {
    expect(rejection(sc({ consulSDConfigs: [{ server: 'consul:8500', tokenRef: { name: 'consul', key: 'token' } }] })))
      .toBe('consulSDConfigs: [0]: unable to get secret "consul": secrets "consul" not found');
  });

  test('DNS SD needs a port for record types other than SRV', () => {
    expect(rejection(sc({ dnsSDConfigs: [{ names: ['x'], type: 'A' }] }))).toBe('dnsSDConfigs: [0]: port required for record type "A"');
    expect(rejection(sc({ dnsSDConfigs: [{ names: ['x'], type: 'A', port: 80 }] }))).toBeUndefined();
  });

  test('Azure SD with OAuth needs a tenant, client and secret', () => {
    expect(rejection(sc({ azureSDConfigs: [{ subscriptionID: 's' }] }))).toBe('azureSDConfigs: [0]: configuration requires a tenantID');
    expect(rejection(sc({ azureSDConfigs: [{ subscriptionID: 's', authenticationMethod: 'ManagedIdentity' }] }))).toBeUndefined();
  });

  test('EC2 SD keys need their Secret', () => {
    const keys = secret({ name: 'aws', namespace: 'apps' }, { id: 'a' });
    expect(rejection(sc({ ec2SDConfigs: [{ accessKey: { name: 'aws', key: 'id' }, secretKey: { name: 'aws', key: 'secret' } }] }), [keys]))
      .toBe('ec2SDConfigs: [0]: key "secret" in secret "aws" not found');
  });

  test('HTTP SD needs Prometheus 2.28 even when unused', () => {
    expect(rejection(sc({ staticConfigs: [{ targets: ['a'] }] }), [], { version: 'v2.27.0' }))
      .toBe('httpSDConfigs: HTTP SD configuration is only supported for Prometheus version >= 2.28.0');
  });

  test('HTTP SD URLs must parse', () => {
    expect(rejection(sc({ httpSDConfigs: [{ url: 'http://sd:8080/%zz' }] }))).toBe('httpSDConfigs: [0]: parse "http://sd:8080/%zz": invalid URL escape "%zz"');
  });

  test('Kuma SD servers need a scheme', () => {
    expect(rejection(sc({ kumaSDConfigs: [{ server: 'kuma:5676' }] }))).toBe('kumaSDConfigs: [0]: must not be empty and have a scheme: kuma:5676');
  });

  test('PuppetDB SD URLs must be http or https', () => {
    expect(rejection(sc({ puppetDBSDConfigs: [{ url: 'ftp://puppet', query: 'q' }] }))).toBe("puppetDBSDConfigs: [0]: URL scheme must be 'http' or 'https'");
  });

  test('OpenStack load balancers need Prometheus 3.2', () => {
    expect(rejection(sc({ openstackSDConfigs: [{ role: 'LoadBalancer', region: 'r' }] }), [], { version: 'v3.1.0' }))
      .toBe('openstackSDConfigs: [0]: The LoadBalancer role is only supported from Prometheus version 3.2.0');
  });
});

describe('ScrapeConfig checks of further service discoveries', () => {
  test('Docker SD hosts must parse as URLs', () => {
    expect(rejection(sc({ dockerSDConfigs: [{ host: 'tcp://docker:abc' }] })))
      .toBe('dockerSDConfigs: [0]: parse "tcp://docker:abc": invalid port ":abc" after host');
  });

  test('OVHcloud SD needs Prometheus 2.40 even when unused', () => {
    expect(rejection(sc({}), [], { version: 'v2.39.0' })).toBe('OVHCloudSDConfigs: OVHCloud SD configuration is only supported for Prometheus version >= 2.40.0');
  });

  test('Scaleway SD needs its secret key', () => {
    expect(rejection(sc({ scalewaySDConfigs: [{ accessKey: 'a', projectID: 'p', role: 'Instance', secretKey: { name: 'scw', key: 'k' } }] })))
      .toBe('ScalewaySDConfigs: [0]: unable to get secret "scw": secrets "scw" not found');
  });

  test('IONOS SD authorization needs its credentials', () => {
    expect(rejection(sc({ ionosSDConfigs: [{ datacenterID: 'd', authorization: { credentials: { name: 'ionos', key: 't' } } }] })))
      .toBe('IonosSDConfigs: [0]: failed to get authorization token of type "": unable to get secret "ionos": secrets "ionos" not found');
  });

  test('Nomad SD servers need a scheme', () => {
    expect(rejection(sc({ nomadSDConfigs: [{ server: 'nomad:4646' }] }))).toBe('nomadSDConfigs: [0]: must not be empty and have a scheme: nomad:4646');
  });

  test('Hetzner labelSelector needs Prometheus 3.5', () => {
    expect(rejection(sc({ hetznerSDConfigs: [{ role: 'hcloud', labelSelector: 'a=b' }] }), [], { version: 'v3.4.0' }))
      .toBe('hetznerSDConfigs: [0]: field `labelSelector` is only supported for Prometheus version >= 3.5.0');
  });
});
