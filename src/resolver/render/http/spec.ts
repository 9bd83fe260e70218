/**
 * The HTTP client fields of the monitoring.coreos.com CRDs as plain JSON (the shapes the
 * renderer reads; field names as in the CRDs).
 */

import { SecretKeySelector, SecretOrConfigMap } from '../store';

/** BasicAuth: username and password from Secret keys. */
export interface BasicAuthSpec {
  readonly username?: SecretKeySelector;
  readonly password?: SecretKeySelector;
}

/** SafeAuthorization: an Authorization header type and credentials from a Secret key. */
export interface SafeAuthorizationSpec {
  readonly type?: string;
  readonly credentials?: SecretKeySelector;
}

/** Authorization: SafeAuthorization plus a credentials file. */
export interface AuthorizationSpec extends SafeAuthorizationSpec {
  readonly credentialsFile?: string;
}

/** TLS versions accepted by Prometheus. */
export type TLSVersion = 'TLS10' | 'TLS11' | 'TLS12' | 'TLS13';

/** SafeTLSConfig: TLS material from Secret/ConfigMap keys only. */
export interface SafeTLSConfigSpec {
  readonly ca?: SecretOrConfigMap;
  readonly cert?: SecretOrConfigMap;
  readonly keySecret?: SecretKeySelector;
  readonly serverName?: string;
  readonly insecureSkipVerify?: boolean;
  readonly minVersion?: TLSVersion | string;
  readonly maxVersion?: TLSVersion | string;
}

/** TLSConfig: SafeTLSConfig plus files in the Prometheus container. */
export interface TLSConfigSpec extends SafeTLSConfigSpec {
  readonly caFile?: string;
  readonly certFile?: string;
  readonly keyFile?: string;
}

/** ProxyConfig (inlined into the objects that have it). */
export interface ProxyConfigSpec {
  readonly proxyUrl?: string;
  readonly noProxy?: string;
  readonly proxyFromEnvironment?: boolean;
  readonly proxyConnectHeader?: Record<string, SecretKeySelector[]>;
}

/** OAuth2 client credentials. */
export interface OAuth2Spec extends ProxyConfigSpec {
  readonly clientId?: SecretOrConfigMap;
  readonly clientSecret?: SecretKeySelector;
  readonly tokenUrl?: string;
  readonly scopes?: string[];
  readonly endpointParams?: Record<string, string>;
  readonly tlsConfig?: SafeTLSConfigSpec;
}

/** AWS Signature Version 4. */
export interface Sigv4Spec {
  readonly region?: string;
  readonly accessKey?: SecretKeySelector;
  readonly secretKey?: SecretKeySelector;
  readonly profile?: string;
  readonly roleArn?: string;
  readonly externalId?: string;
  readonly useFIPSSTSEndpoint?: boolean;
}

/** Azure AD authentication of remote write. */
export interface AzureADSpec {
  readonly cloud?: string;
  readonly managedIdentity?: { readonly clientId?: string };
  readonly oauth?: { readonly clientId?: string; readonly clientSecret?: SecretKeySelector; readonly tenantId?: string };
  readonly sdk?: { readonly tenantId?: string };
  readonly workloadIdentity?: { readonly clientId?: string; readonly tenantId?: string };
  readonly scope?: string;
}

/** HTTPConfig of PodMonitor endpoints and Probes: auth, TLS from references, redirects, HTTP/2. */
export interface HTTPConfigSpec {
  readonly authorization?: SafeAuthorizationSpec;
  readonly basicAuth?: BasicAuthSpec;
  readonly oauth2?: OAuth2Spec;
  readonly bearerTokenSecret?: SecretKeySelector;
  readonly followRedirects?: boolean;
  readonly enableHttp2?: boolean;
  readonly tlsConfig?: SafeTLSConfigSpec;
}
