import { Duration } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { IConstruct } from 'constructs';
import { secretInNamespace } from './secret-in-namespace';
import { toPositivePrometheusDuration } from '../common/duration';
import { fail } from '../common/errors';
import * as monitoring from '../imports/monitoring.coreos.com';

/** HTTP basic authentication, both parts read from Secrets. */
export interface RemoteWriteBasicAuth {
  /** The user name. */
  readonly username: kplus.SecretValue;
  /** The password. */
  readonly password: kplus.SecretValue;
}

/** OAuth 2.0 client credentials, read from Secrets. */
export interface RemoteWriteOAuth2 {
  /** The client ID. */
  readonly clientId: kplus.SecretValue;
  /** The client secret. */
  readonly clientSecret: kplus.SecretValue;
  /** The token endpoint (http or https URL). */
  readonly tokenUrl: string;
  /**
   * Scopes to request.
   * @default - none
   */
  readonly scopes?: string[];
}

/** TLS settings of a remote write endpoint, with certificates and keys read from Secrets. */
export interface RemoteWriteTls {
  /**
   * CA certificate that signs the server's certificate.
   * @default - the system's trusted CAs
   */
  readonly ca?: kplus.SecretValue;
  /**
   * Client certificate (needs `key`).
   * @default - no client certificate
   */
  readonly cert?: kplus.SecretValue;
  /**
   * Client key (needs `cert`).
   * @default - no client key
   */
  readonly key?: kplus.SecretValue;
  /**
   * Server name to verify the certificate against.
   * @default - the host of the URL
   */
  readonly serverName?: string;
}

/** Tuning of the queue that buffers samples for a remote write endpoint. */
export interface RemoteWriteQueue {
  /**
   * Samples buffered per shard.
   * @default - Prometheus's default (10000)
   */
  readonly capacity?: number;
  /**
   * Lower bound of the number of shards.
   * @default - Prometheus's default (1)
   */
  readonly minShards?: number;
  /**
   * Upper bound of the number of shards.
   * @default - Prometheus's default (50)
   */
  readonly maxShards?: number;
  /**
   * Samples per request.
   * @default - Prometheus's default (2000)
   */
  readonly maxSamplesPerSend?: number;
  /**
   * How long a partial batch waits before it is sent.
   * @default - Prometheus's default (5s)
   */
  readonly batchSendDeadline?: Duration;
}

/** One remote write endpoint (`spec.remoteWrite[]`). Credentials are read from Secrets only. */
export interface RemoteWriteOptions {
  /** The endpoint's URL (http or https). */
  readonly url: string;
  /**
   * Name of the queue, shown in metrics and logs; unique among the endpoints.
   * @default - Prometheus derives one from the URL
   */
  readonly name?: string;
  /**
   * Timeout of each request.
   * @default - Prometheus's default (30s)
   */
  readonly remoteTimeout?: Duration;
  /**
   * Extra HTTP headers. Authorization and the headers Prometheus sets itself are not allowed.
   * @default - none
   */
  readonly headers?: { [name: string]: string };
  /**
   * Basic authentication (at most one of basicAuth, bearerToken and oauth2).
   * @default - none
   */
  readonly basicAuth?: RemoteWriteBasicAuth;
  /**
   * Bearer token sent in the Authorization header.
   * @default - none
   */
  readonly bearerToken?: kplus.SecretValue;
  /**
   * OAuth 2.0 client credentials.
   * @default - none
   */
  readonly oauth2?: RemoteWriteOAuth2;
  /**
   * TLS settings.
   * @default - system CAs, no client certificate
   */
  readonly tls?: RemoteWriteTls;
  /**
   * Queue tuning.
   * @default - Prometheus's defaults
   */
  readonly queue?: RemoteWriteQueue;
  /**
   * Also send exemplars (needs the exemplar storage feature).
   * @default false
   */
  readonly sendExemplars?: boolean;
}

/** Headers Prometheus sets itself (remote write rejects them in `headers`). */
const RESERVED_HEADERS = ['authorization', 'host', 'content-encoding', 'content-length', 'content-type', 'user-agent', 'connection', 'keep-alive',
  'proxy-authenticate', 'proxy-authorization', 'www-authenticate', 'retry-after', 'x-prometheus-remote-write-version'];

/** Renders and validates the `spec.remoteWrite` list. */
export function renderRemoteWrite(scope: IConstruct, namespace: string, endpoints: RemoteWriteOptions[]): monitoring.PrometheusSpecRemoteWrite[] {
  const names = new Set<string>();
  return endpoints.map((rw, i) => {
    const field = `remoteWrite[${i}]`;
    checkUrl(scope, `${field}.url`, rw.url);
    if (rw.name !== undefined) {
      if (names.has(rw.name)) {
        fail(scope, `${field}.name`, `"${rw.name}" is already the name of another remote write endpoint. Give each endpoint a unique name.`);
      }
      names.add(rw.name);
    }
    const auths = [rw.basicAuth && 'basicAuth', rw.bearerToken && 'bearerToken', rw.oauth2 && 'oauth2'].filter((a): a is string => Boolean(a));
    if (auths.length > 1) {
      fail(scope, field, `${auths.join(' and ')} are both set. Use at most one of basicAuth, bearerToken and oauth2.`);
    }
    for (const header of Object.keys(rw.headers ?? {})) {
      if (RESERVED_HEADERS.includes(header.toLowerCase())) {
        fail(scope, `${field}.headers.${header}`, `Prometheus sets the ${header} header itself. Use bearerToken, basicAuth or oauth2 for credentials; other headers are allowed.`);
      }
    }
    const secret = (f: string, v: kplus.SecretValue) => secretInNamespace(scope, `${field}.${f}`, v, namespace);
    return {
      url: rw.url,
      ...(rw.name !== undefined ? { name: rw.name } : {}),
      ...(rw.remoteTimeout ? { remoteTimeout: toPositivePrometheusDuration(scope, `${field}.remoteTimeout`, rw.remoteTimeout) } : {}),
      ...(rw.headers && Object.keys(rw.headers).length > 0 ? { headers: { ...rw.headers } } : {}),
      ...(rw.basicAuth ? { basicAuth: { username: secret('basicAuth.username', rw.basicAuth.username), password: secret('basicAuth.password', rw.basicAuth.password) } } : {}),
      ...(rw.bearerToken ? { authorization: { type: 'Bearer', credentials: secret('bearerToken', rw.bearerToken) } } : {}),
      ...(rw.oauth2 ? { oauth2: renderOAuth2(scope, `${field}.oauth2`, rw.oauth2, secret) } : {}),
      ...(rw.tls ? { tlsConfig: renderTls(scope, `${field}.tls`, rw.tls, secret) } : {}),
      ...(rw.queue ? { queueConfig: renderQueue(scope, `${field}.queue`, rw.queue) } : {}),
      ...(rw.sendExemplars !== undefined ? { sendExemplars: rw.sendExemplars } : {}),
    };
  });
}

function checkUrl(scope: IConstruct, field: string, url: string): void {
  let parsed: URL | undefined;
  try {
    parsed = new URL(url);
  } catch {
    parsed = undefined;
  }
  if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') || !parsed.hostname) {
    fail(scope, field, `"${url}" is not an http or https URL. Use an absolute URL such as "https://metrics.example.com/api/v1/write".`);
  }
}

type SecretFn = (field: string, value: kplus.SecretValue) => { name: string; key: string };

function renderOAuth2(scope: IConstruct, field: string, o: RemoteWriteOAuth2, secret: SecretFn): monitoring.PrometheusSpecRemoteWriteOauth2 {
  checkUrl(scope, `${field}.tokenUrl`, o.tokenUrl);
  return {
    clientId: { secret: secret('oauth2.clientId', o.clientId) },
    clientSecret: secret('oauth2.clientSecret', o.clientSecret),
    tokenUrl: o.tokenUrl,
    ...(o.scopes && o.scopes.length > 0 ? { scopes: [...o.scopes] } : {}),
  };
}

function renderTls(scope: IConstruct, field: string, tls: RemoteWriteTls, secret: SecretFn): monitoring.PrometheusSpecRemoteWriteTlsConfig {
  if ((tls.cert === undefined) !== (tls.key === undefined)) {
    fail(scope, field, `${tls.cert ? 'cert' : 'key'} is set without ${tls.cert ? 'key' : 'cert'}. A client certificate needs both cert and key.`);
  }
  return {
    ...(tls.ca ? { ca: { secret: secret('tls.ca', tls.ca) } } : {}),
    ...(tls.cert ? { cert: { secret: secret('tls.cert', tls.cert) } } : {}),
    ...(tls.key ? { keySecret: secret('tls.key', tls.key) } : {}),
    ...(tls.serverName ? { serverName: tls.serverName } : {}),
  };
}

function renderQueue(scope: IConstruct, field: string, q: RemoteWriteQueue): monitoring.PrometheusSpecRemoteWriteQueueConfig {
  const counts: Array<[string, number | undefined]> = [['capacity', q.capacity], ['minShards', q.minShards], ['maxShards', q.maxShards], ['maxSamplesPerSend', q.maxSamplesPerSend]];
  for (const [name, value] of counts) {
    if (value !== undefined && (!Number.isInteger(value) || value < 1)) {
      fail(scope, `${field}.${name}`, `${value} is not allowed. Use a whole number of at least 1.`);
    }
  }
  if (q.minShards !== undefined && q.maxShards !== undefined && q.minShards > q.maxShards) {
    fail(scope, `${field}.minShards`, `${q.minShards} is more than maxShards (${q.maxShards}). Use minShards <= maxShards.`);
  }
  return {
    ...(q.capacity !== undefined ? { capacity: q.capacity } : {}),
    ...(q.minShards !== undefined ? { minShards: q.minShards } : {}),
    ...(q.maxShards !== undefined ? { maxShards: q.maxShards } : {}),
    ...(q.maxSamplesPerSend !== undefined ? { maxSamplesPerSend: q.maxSamplesPerSend } : {}),
    ...(q.batchSendDeadline ? { batchSendDeadline: toPositivePrometheusDuration(scope, `${field}.batchSendDeadline`, q.batchSendDeadline) } : {}),
  };
}
