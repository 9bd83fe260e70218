import * as kplus from 'cdk8s-plus-28';
import { IConstruct } from 'constructs';
import { fail } from '../common/errors';
import { SecretKeySelectorJson, secretKeySelector } from '../common/secret-ref';

/** TLS protocol versions the operator accepts for `minVersion` and `maxVersion`. */
export enum TlsVersion {
  /** TLS 1.0. */
  TLS10 = 'TLS10',
  /** TLS 1.1. */
  TLS11 = 'TLS11',
  /** TLS 1.2. */
  TLS12 = 'TLS12',
  /** TLS 1.3. */
  TLS13 = 'TLS13',
}

/**
 * TLS settings for scraping, with every certificate and key taken from a Secret in the monitor's
 * namespace (the operator's `SafeTLSConfig`; file paths are deliberately not offered).
 */
export interface SafeTlsConfig {
  /**
   * CA certificate used to verify the target.
   * @default - the system's trust store
   */
  readonly ca?: kplus.SecretValue;
  /**
   * Client certificate presented to the target; needs `keySecret`.
   * @default - no client certificate
   */
  readonly cert?: kplus.SecretValue;
  /**
   * Private key of the client certificate; needs `cert`.
   * @default - no client certificate
   */
  readonly keySecret?: kplus.SecretValue;
  /**
   * Server name expected in the target's certificate.
   * @default - the target's host name
   */
  readonly serverName?: string;
  /**
   * Skip verification of the target's certificate. Avoid outside of tests.
   * @default false
   */
  readonly insecureSkipVerify?: boolean;
  /**
   * Lowest TLS version accepted.
   * @default - Prometheus's default (TLS 1.2)
   */
  readonly minVersion?: TlsVersion;
  /**
   * Highest TLS version accepted.
   * @default - no upper bound
   */
  readonly maxVersion?: TlsVersion;
}

/** HTTP basic authentication, both values from Secrets in the monitor's namespace. */
export interface BasicAuth {
  /** Secret key holding the user name. */
  readonly username: kplus.SecretValue;
  /** Secret key holding the password. */
  readonly password: kplus.SecretValue;
}

/** The `Authorization` header, its credentials from a Secret in the monitor's namespace. */
export interface SafeAuthorization {
  /** Secret key holding the credentials (for example a bearer token). */
  readonly credentials: kplus.SecretValue;
  /**
   * Authentication scheme put before the credentials. `Basic` is not allowed: use `basicAuth`.
   * @default 'Bearer'
   */
  readonly type?: string;
}

/** The JSON form of `SafeTlsConfig`. */
export interface SafeTlsConfigJson {
  /** CA certificate. */
  readonly ca?: { secret: SecretKeySelectorJson };
  /** Client certificate. */
  readonly cert?: { secret: SecretKeySelectorJson };
  /** Client key. */
  readonly keySecret?: SecretKeySelectorJson;
  /** Expected server name. */
  readonly serverName?: string;
  /** Skip verification. */
  readonly insecureSkipVerify?: boolean;
  /** Lowest version. */
  readonly minVersion?: string;
  /** Highest version. */
  readonly maxVersion?: string;
}

/** The HTTP client fields shared by endpoints and probes, as JSON. */
export interface HttpAuthJson {
  /** TLS settings. */
  readonly tlsConfig?: SafeTlsConfigJson;
  /** Basic authentication. */
  readonly basicAuth?: { username: SecretKeySelectorJson; password: SecretKeySelectorJson };
  /** Authorization header. */
  readonly authorization?: { type?: string; credentials: SecretKeySelectorJson };
}

/** Authentication and TLS options of an HTTP client that scrapes. */
export interface HttpAuthOptions {
  /**
   * TLS settings (use with the `https` scheme).
   * @default - no TLS settings
   */
  readonly tlsConfig?: SafeTlsConfig;
  /**
   * HTTP basic authentication. Cannot be combined with `authorization`.
   * @default - none
   */
  readonly basicAuth?: BasicAuth;
  /**
   * `Authorization` header credentials. Cannot be combined with `basicAuth`.
   * @default - none
   */
  readonly authorization?: SafeAuthorization;
}

const TLS_ORDER = [TlsVersion.TLS10, TlsVersion.TLS11, TlsVersion.TLS12, TlsVersion.TLS13];

/**
 * Validates TLS, basic auth and authorization options and renders their JSON. Secrets are
 * referenced by name and key; a Secret defined in another namespace than `namespace` is rejected
 * because the operator reads it from the monitor's own namespace.
 */
export function renderHttpAuth(scope: IConstruct, prefix: string, options: HttpAuthOptions, namespace: string | undefined): HttpAuthJson {
  if (options.basicAuth && options.authorization) {
    fail(scope, `${prefix}authorization`, 'authorization and basicAuth cannot be used together. Choose one authentication method.');
  }
  const authType = options.authorization?.type;
  if (authType !== undefined && (authType.trim() === '' || authType.trim().toLowerCase() === 'basic')) {
    fail(scope, `${prefix}authorization.type`, `"${authType}" is not allowed. Use a scheme such as "Bearer"; for basic authentication use basicAuth.`);
  }
  const ref = (field: string, value: kplus.SecretValue) => secretRef(scope, `${prefix}${field}`, value, namespace);
  return {
    ...(options.tlsConfig ? { tlsConfig: renderTls(scope, `${prefix}tlsConfig`, options.tlsConfig, namespace) } : {}),
    ...(options.basicAuth ? {
      basicAuth: { username: ref('basicAuth.username', options.basicAuth.username), password: ref('basicAuth.password', options.basicAuth.password) },
    } : {}),
    ...(options.authorization ? {
      authorization: {
        ...(authType !== undefined ? { type: authType } : {}),
        credentials: ref('authorization.credentials', options.authorization.credentials),
      },
    } : {}),
  };
}

function renderTls(scope: IConstruct, field: string, tls: SafeTlsConfig, namespace: string | undefined): SafeTlsConfigJson {
  if ((tls.cert === undefined) !== (tls.keySecret === undefined)) {
    const missing = tls.cert === undefined ? 'cert' : 'keySecret';
    fail(scope, `${field}.${missing}`, 'a client certificate needs both cert and keySecret. Set both or neither.');
  }
  if (tls.minVersion && tls.maxVersion && TLS_ORDER.indexOf(tls.minVersion) > TLS_ORDER.indexOf(tls.maxVersion)) {
    fail(scope, `${field}.minVersion`, `${tls.minVersion} is above maxVersion ${tls.maxVersion}. Use a minVersion at or below maxVersion.`);
  }
  return {
    ...(tls.ca ? { ca: { secret: secretRef(scope, `${field}.ca`, tls.ca, namespace) } } : {}),
    ...(tls.cert ? { cert: { secret: secretRef(scope, `${field}.cert`, tls.cert, namespace) } } : {}),
    ...(tls.keySecret ? { keySecret: secretRef(scope, `${field}.keySecret`, tls.keySecret, namespace) } : {}),
    ...(tls.serverName !== undefined ? { serverName: tls.serverName } : {}),
    ...(tls.insecureSkipVerify !== undefined ? { insecureSkipVerify: tls.insecureSkipVerify } : {}),
    ...(tls.minVersion ? { minVersion: tls.minVersion } : {}),
    ...(tls.maxVersion ? { maxVersion: tls.maxVersion } : {}),
  };
}

function secretRef(scope: IConstruct, field: string, value: kplus.SecretValue, namespace: string | undefined): SecretKeySelectorJson {
  if (!value.key) {
    fail(scope, `${field}.key`, 'the Secret key is empty. Name the key within the Secret that holds the value.');
  }
  const secretNamespace = value.secret instanceof kplus.Resource ? value.secret.metadata.namespace : undefined;
  if (secretNamespace !== undefined && namespace !== undefined && secretNamespace !== namespace) {
    fail(scope, field, `Secret "${value.secret.name}" is in namespace "${secretNamespace}", but the operator reads it from the monitor's namespace "${namespace}". Use a Secret in "${namespace}".`);
  }
  return secretKeySelector(value);
}
