/**
 * The discovery kinds of ScrapeConfig objects beyond static, file, HTTP, Kubernetes and DNS:
 * each is the `<kind>_sd_configs` key, the CRD field and the steps that write one entry, in
 * the operator's order (quirks included).
 */

import {
  SDStep, SDStepInput, authorization, basicAuth, enableHTTP2, filters, followRedirects, lowerCased, nonEmptyList,
  oauth2, optional, port, proxy, readSecret, refreshInterval, required, secretValue, sortedMapField, tls,
} from './sd-steps';
import { atLeast } from '../http/scope';

/** One discovery kind. */
export interface SDKind {
  /** The ScrapeConfig spec field (a list). */
  readonly field: string;
  /** The Prometheus configuration key. */
  readonly key: string;
  /** The steps writing one entry. */
  readonly steps: readonly SDStep[];
}

/** EC2 and Lightsail: access and secret key only when both are set. */
function awsKeys(what: string): SDStep {
  return (input: SDStepInput, out) => {
    const { config, scope, object, field } = input;
    if (config.accessKey == null || config.secretKey == null) return;
    out.access_key = readSecret(scope, object, `${field}.accessKey`, config.accessKey, `${what} access key`);
    out.secret_key = readSecret(scope, object, `${field}.secretKey`, config.secretKey, `${what} secret key`);
  };
}

/** Azure: the operator restarts the entry when `environment` is set, dropping the auth keys written before. */
const azureEnvironment: SDStep = ({ config }, out) => {
  if (config.environment == null) return;
  for (const k of Object.keys(out)) delete out[k];
  out.environment = config.environment;
};

/** Azure's subscription_id is written only when not empty. */
const azureSubscription: SDStep = ({ config }, out) => {
  if (config.subscriptionID) out.subscription_id = config.subscriptionID;
};

/** OVHcloud: secrets read without failing (an unreadable one is empty), the service in Prometheus's spelling. */
const ovhcloud: SDStep = ({ config, scope }, out) => {
  const read = (sel: any) => {
    try {
      return scope.store.secretKey(sel ?? { key: '' });
    } catch {
      return '';
    }
  };
  out.application_key = config.applicationKey ?? '';
  out.application_secret = read(config.applicationSecret);
  out.consumer_key = read(config.consumerKey);
  const service = ({ VPS: 'vps', DedicatedServer: 'dedicated_server' } as Record<string, string>)[config.service];
  if (service) out.service = service;
  else scope.ctx.warn(`ignoring service not supported by Prometheus: ${config.service}`);
};

/** Scaleway's secret key is read without failing (an unreadable one is empty). */
const scalewaySecret: SDStep = ({ config, scope }, out) => {
  try {
    out.secret_key = scope.store.secretKey(config.secretKey ?? { key: '' });
  } catch {
    out.secret_key = '';
  }
};

/** IONOS: authorization (always present in the CRD) unless OAuth2 is used. */
const ionosAuthorization: SDStep = (input, out) => {
  if (input.config.oauth2 == null) authorization({ ...input, config: { ...input.config, authorization: input.config.authorization ?? {} } }, out);
};

/** Hetzner's label_selector (Prometheus >= 3.5) when not empty. */
const hetznerLabelSelector: SDStep = ({ config, scope }, out) => {
  if (config.labelSelector) scope.ctx.minVersion('3.5.0').set(out, 'label_selector', config.labelSelector);
};

/** Consul, written between the Kubernetes and DNS discoveries. */
export const CONSUL_SD: SDKind = {
  field: 'consulSDConfigs',
  key: 'consul_sd_configs',
  steps: [
    basicAuth, authorization, oauth2, proxy, tls, required('server', 'server'), optional('pathPrefix', 'path_prefix'),
    secretValue('tokenRef', 'token', 'Consul token'), optional('datacenter', 'datacenter'), optional('namespace', 'namespace'),
    optional('partition', 'partition'),
    ({ config }, out) => {
      if (config.scheme != null) out.scheme = String(config.scheme).toLowerCase();
    },
    nonEmptyList('services', 'services'), nonEmptyList('tags', 'tags'), optional('tagSeparator', 'tag_separator'),
    sortedMapField('nodeMeta', 'node_meta'), optional('filter', 'filter'), optional('healthFilter', 'health_filter'),
    optional('allowStale', 'allow_stale'), refreshInterval, followRedirects, enableHTTP2,
  ],
};

/** The kinds the operator writes after the DNS discovery, in its order. */
export const CLOUD_AND_SERVICE_SD: readonly SDKind[] = [
  {
    field: 'ec2SDConfigs',
    key: 'ec2_sd_configs',
    steps: [
      proxy, optional('region', 'region'), awsKeys('EC2'), optional('roleARN', 'role_arn'), refreshInterval, port,
      filters('2.3.0'), optional('followRedirects', 'follow_redirects', '2.41.0'), optional('enableHTTP2', 'enable_http2', '2.41.0'),
      (input, out) => tls({ ...input, scope: atLeast(input.scope, '2.41.0') }, out),
    ],
  },
  {
    field: 'azureSDConfigs',
    key: 'azure_sd_configs',
    steps: [
      basicAuth, authorization, oauth2, proxy, azureEnvironment, optional('authenticationMethod', 'authentication_method'),
      azureSubscription, optional('tenantID', 'tenant_id'), optional('clientID', 'client_id'),
      secretValue('clientSecret', 'client_secret', 'Azure client secret'), optional('resourceGroup', 'resource_group'),
      refreshInterval, port,
    ],
  },
  {
    field: 'gceSDConfigs',
    key: 'gce_sd_configs',
    steps: [
      required('project', 'project'), required('zone', 'zone'), optional('filter', 'filter'), refreshInterval, port,
      optional('tagSeparator', 'tag_separator'),
    ],
  },
  {
    field: 'openstackSDConfigs',
    key: 'openstack_sd_configs',
    steps: [
      lowerCased('role', 'role'), required('region', 'region'), optional('identityEndpoint', 'identity_endpoint'),
      optional('username', 'username'), optional('userid', 'userid'), secretValue('password', 'password', 'OpenStack password'),
      optional('domainName', 'domain_name'), optional('domainID', 'domain_id'), optional('projectName', 'project_name'),
      optional('projectID', 'project_id'), optional('applicationCredentialName', 'application_credential_name'),
      optional('applicationCredentialId', 'application_credential_id'),
      secretValue('applicationCredentialSecret', 'application_credential_secret', 'OpenStack application credential secret'),
      optional('allTenants', 'all_tenants'), refreshInterval, port, optional('availability', 'availability'), tls,
    ],
  },
  {
    field: 'digitalOceanSDConfigs',
    key: 'digitalocean_sd_configs',
    steps: [
      authorization, oauth2, proxy, followRedirects, enableHTTP2, tls, port, refreshInterval,
    ],
  },
  {
    field: 'kumaSDConfigs',
    key: 'kuma_sd_configs',
    steps: [
      basicAuth, authorization, oauth2, proxy, required('server', 'server'), followRedirects, enableHTTP2, tls,
      refreshInterval, optional('fetchTimeout', 'fetch_timeout'), optional('clientID', 'client_id'),
    ],
  },
  {
    field: 'eurekaSDConfigs',
    key: 'eureka_sd_configs',
    steps: [
      basicAuth, authorization, oauth2, proxy, followRedirects, enableHTTP2, tls, refreshInterval,
      ({ config }, out) => {
        if (config.server) out.server = config.server;
      },
    ],
  },
  {
    field: 'dockerSDConfigs',
    key: 'docker_sd_configs',
    steps: [
      authorization, oauth2, proxy, basicAuth, filters(), required('host', 'host'), tls, port,
      optional('hostNetworkingHost', 'host_networking_host'), optional('matchFirstNetwork', 'match_first_network', '2.54.1'),
      refreshInterval, followRedirects, enableHTTP2,
    ],
  },
  {
    field: 'linodeSDConfigs',
    key: 'linode_sd_configs',
    steps: [
      authorization, oauth2, proxy, tls, port, optional('region', 'region'), enableHTTP2, optional('tagSeparator', 'tag_separator'),
      refreshInterval, followRedirects,
    ],
  },
  {
    field: 'hetznerSDConfigs',
    key: 'hetzner_sd_configs',
    steps: [
      basicAuth, authorization, oauth2, proxy, lowerCased('role', 'role'), followRedirects, enableHTTP2, tls, port,
      refreshInterval, hetznerLabelSelector,
    ],
  },
  {
    field: 'nomadSDConfigs',
    key: 'nomad_sd_configs',
    steps: [
      basicAuth, authorization, oauth2, proxy, required('server', 'server'), optional('allowStale', 'allow_stale'),
      optional('namespace', 'namespace'), refreshInterval, optional('region', 'region'), optional('tagSeparator', 'tag_separator'),
      followRedirects, enableHTTP2, tls,
    ],
  },
  {
    field: 'dockerSwarmSDConfigs',
    key: 'dockerswarm_sd_configs',
    steps: [
      basicAuth, authorization, oauth2, proxy, filters(), required('host', 'host'), tls, lowerCased('role', 'role'), port,
      refreshInterval, followRedirects, enableHTTP2,
    ],
  },
  {
    field: 'puppetDBSDConfigs',
    key: 'puppetdb_sd_configs',
    steps: [
      basicAuth, authorization, oauth2, proxy, required('url', 'url'), required('query', 'query'),
      optional('includeParameters', 'include_parameters'), port, refreshInterval, followRedirects, tls, enableHTTP2,
    ],
  },
  {
    field: 'lightSailSDConfigs',
    key: 'lightsail_sd_configs',
    steps: [
      basicAuth, authorization, proxy, oauth2, optional('region', 'region'), optional('endpoint', 'endpoint'), port,
      refreshInterval, awsKeys('Lightsail'), optional('roleARN', 'role_arn'), tls, followRedirects, enableHTTP2,
    ],
  },
  {
    field: 'ovhcloudSDConfigs',
    key: 'ovhcloud_sd_configs',
    steps: [
      ovhcloud, optional('endpoint', 'endpoint'), refreshInterval,
    ],
  },
  {
    field: 'scalewaySDConfigs',
    key: 'scaleway_sd_configs',
    steps: [
      required('accessKey', 'access_key'), scalewaySecret, required('projectID', 'project_id'), lowerCased('role', 'role'),
      port, optional('apiURL', 'api_url'), optional('zone', 'zone'), optional('nameFilter', 'name_filter'),
      nonEmptyList('tagsFilter', 'tags_filter'), refreshInterval, proxy, tls, followRedirects, enableHTTP2,
    ],
  },
  {
    field: 'ionosSDConfigs',
    key: 'ionos_sd_configs',
    steps: [
      ionosAuthorization, oauth2, proxy, tls, required('datacenterID', 'datacenter_id'), followRedirects, enableHTTP2, port,
      refreshInterval,
    ],
  },
];
