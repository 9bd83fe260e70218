/** The `tls_config` section: TLS material from Secret/ConfigMap keys (mounted as files) or files. */

import { RenderError } from '../errors';
import { AssetRef, describeSelector, isEmptySelector, NamespacedStore, SecretOrConfigMap, withField } from '../store';
import { keyPairProblem, pemCertificateProblem } from './pem';
import { ClientScope } from './scope';
import { SafeTLSConfigSpec, TLSConfigSpec } from './spec';

/** The tls_config map of a SafeTLSConfig: references become the files the operator mounts. */
function safeTLSMap(scope: ClientScope, tls: SafeTLSConfigSpec): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (tls.insecureSkipVerify !== undefined) out.insecure_skip_verify = tls.insecureSkipVerify;
  if (!isEmptySelector(tls.ca)) out.ca_file = scope.store.tlsAssetPath(tls.ca!);
  if (!isEmptySelector(tls.cert)) out.cert_file = scope.store.tlsAssetPath(tls.cert!);
  if (tls.keySecret) out.key_file = scope.store.tlsAssetPath({ secret: tls.keySecret });
  if (tls.serverName) out.server_name = tls.serverName;
  if (tls.minVersion !== undefined) scope.gate.minimum('2.35.0').set(out, 'min_version', tls.minVersion);
  if (tls.maxVersion !== undefined) scope.gate.minimum('2.41.0').set(out, 'max_version', tls.maxVersion);
  return out;
}

/** Writes `tls_config` for a SafeTLSConfig (the operator's addSafeTLStoYaml). */
export function addSafeTLS(out: Record<string, unknown>, scope: ClientScope, tls: SafeTLSConfigSpec | undefined): void {
  if (!tls) return;
  scope.gate.set(out, 'tls_config', safeTLSMap(scope, tls));
}

/** Writes `tls_config` for a TLSConfig: the safe part, then caFile, certFile and keyFile (addTLStoYaml). */
export function addTLS(out: Record<string, unknown>, scope: ClientScope, tls: TLSConfigSpec | undefined): void {
  if (!tls) return;
  if (!scope.gate.compatible) {
    scope.gate.ignored('tls_config');
    return;
  }
  const value = safeTLSMap(scope, tls);
  if (tls.caFile) value.ca_file = tls.caFile;
  if (tls.certFile) value.cert_file = tls.certFile;
  if (tls.keyFile) value.key_file = tls.keyFile;
  scope.gate.set(out, 'tls_config', value);
}

/** SafeTLSConfig.Validate: a client certificate and key go together; see also {@link validateTLS}. */
export function validateSafeTLS(tls: SafeTLSConfigSpec | undefined, at: AssetRef): void {
  if (!tls) return;
  validateCommon(tls, at);
  if (!isEmptySelector(tls.cert) && !tls.keySecret) {
    fail('client cert specified without client key (set keySecret)', at);
  }
  if (tls.keySecret && isEmptySelector(tls.cert)) {
    fail('client key specified without client cert (set cert)', at);
  }
}

/** TLSConfig.Validate: each of CA, cert and key from a reference or a file, not both; cert and key together. */
export function validateTLS(tls: TLSConfigSpec | undefined, at: AssetRef): void {
  if (!tls) return;
  validateCommon(tls, at);
  if (!isEmptySelector(tls.ca) && tls.caFile) fail("cannot specify both 'caFile' and 'ca'", at);
  if (!isEmptySelector(tls.cert) && tls.certFile) fail("cannot specify both 'certFile' and 'cert'", at);
  if (tls.keyFile && tls.keySecret) fail("cannot specify both 'keyFile' and 'keySecret'", at);
  const hasCert = !isEmptySelector(tls.cert) || !!tls.certFile;
  const hasKey = !!tls.keyFile || !!tls.keySecret;
  if (hasCert && !hasKey) fail('cannot specify client cert without client key', at);
  if (hasKey && !hasCert) fail('cannot specify client key without client cert', at);
}

/**
 * Validates a SafeTLSConfig, reads its references and checks the material: the CA must be a
 * PEM certificate, the client certificate and key a matching pair (StoreBuilder.AddSafeTLSConfig).
 */
export function loadSafeTLS(store: NamespacedStore, tls: SafeTLSConfigSpec | undefined, at: AssetRef): void {
  if (!tls) return;
  validateSafeTLS(tls, at);
  loadTLSAssets(store, tls, at);
}

/** As {@link loadSafeTLS} for a TLSConfig (StoreBuilder.AddTLSConfig); files are not checked. */
export function loadTLS(store: NamespacedStore, tls: TLSConfigSpec | undefined, at: AssetRef): void {
  if (!tls) return;
  validateTLS(tls, at);
  loadTLSAssets(store, tls, at);
}

function loadTLSAssets(store: NamespacedStore, tls: SafeTLSConfigSpec, at: AssetRef): void {
  const ca = store.secretOrConfigMapKey(tls.ca, withField(at, 'ca'));
  const cert = store.secretOrConfigMapKey(tls.cert, withField(at, 'cert'));
  const key = tls.keySecret ? store.secretKey(tls.keySecret, withField(at, 'keySecret')) : '';
  const caProblem = ca === '' ? undefined : pemCertificateProblem(ca);
  if (caProblem !== undefined) {
    fail(`ca ${describeSelector(tls.ca)}: not a PEM-encoded X.509 certificate (${caProblem})`, withField(at, 'ca'));
  }
  if (cert !== '' && key !== '') checkKeyPair(tls.cert!, cert, key, at);
}

function checkKeyPair(sel: SecretOrConfigMap, cert: string, key: string, at: AssetRef): void {
  const problem = keyPairProblem(cert, key);
  if (problem?.mismatch) {
    fail(`cert ${describeSelector(sel)}: the private key does not match the certificate's public key`, withField(at, 'keySecret'));
  }
  if (problem) fail(`cert ${describeSelector(sel)}: not a PEM certificate and private key pair (${problem.message})`, withField(at, 'cert'));
}

function validateCommon(tls: SafeTLSConfigSpec, at: AssetRef): void {
  for (const part of ['ca', 'cert'] as const) {
    const sel = tls[part];
    if (sel?.secret && sel?.configMap) fail(`${part}: cannot specify both Secret and ConfigMap`, withField(at, part));
  }
  if (tls.minVersion !== undefined && tls.maxVersion !== undefined && tls.maxVersion < tls.minVersion) {
    fail(`maxVersion (${tls.maxVersion}) must be more than or equal to minVersion (${tls.minVersion})`, at);
  }
}

function fail(message: string, at: AssetRef): never {
  throw new RenderError(message, at.object, at.field);
}
