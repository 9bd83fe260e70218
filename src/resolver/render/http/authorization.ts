/** The `authorization` section (type and credentials of the Authorization header). */

import { RenderError } from '../errors';
import { AssetRef, NamespacedStore, withField } from '../store';
import { ClientScope, tryRead } from './scope';
import { AuthorizationSpec, SafeAuthorizationSpec } from './spec';

/** The authorization map without the credentials file, or undefined when there is no authorization. */
function safeAuthorizationMap(scope: ClientScope, auth: SafeAuthorizationSpec): Record<string, unknown> {
  const out: Record<string, unknown> = { type: (auth.type || 'Bearer').trim() };
  if (auth.credentials) {
    const credentials = tryRead(scope, 'credentials', () => scope.store.secretKey(auth.credentials!));
    if (credentials !== undefined) out.credentials = credentials;
  }
  return out;
}

/**
 * Writes `authorization: {type, credentials}` for Prometheus >= 2.26 (the operator's
 * addSafeAuthorizationToYaml). The type defaults to Bearer; unreadable credentials are left out.
 */
export function addSafeAuthorization(out: Record<string, unknown>, scope: ClientScope, auth: SafeAuthorizationSpec | undefined): void {
  if (!auth) return;
  scope.gate.minimum('2.26.0').set(out, 'authorization', safeAuthorizationMap(scope, auth));
}

/** Writes `authorization` with an optional `credentials_file` (the operator's addAuthorizationToYaml). */
export function addAuthorization(out: Record<string, unknown>, scope: ClientScope, auth: AuthorizationSpec | undefined): void {
  if (!auth) return;
  const gate = scope.gate.minimum('2.26.0');
  if (!gate.compatible) {
    gate.ignored('authorization');
    return;
  }
  const value = safeAuthorizationMap(scope, auth);
  if (auth.credentialsFile) value.credentials_file = auth.credentialsFile;
  gate.set(out, 'authorization', value);
}

/**
 * Validates a SafeAuthorization and checks its Secret key (StoreBuilder.AddSafeAuthorizationCredentials):
 * "Basic" is not an allowed type, credentials are required.
 */
export function loadSafeAuthorization(store: NamespacedStore, auth: SafeAuthorizationSpec | undefined, at: AssetRef): void {
  if (!auth?.credentials) return;
  validateSafeAuthorization(auth, at);
  if (auth.credentials.name) store.secretKey(auth.credentials, withField(at, 'credentials'));
}

/** Validates an Authorization and checks its Secret key (StoreBuilder.AddAuthorizationCredentials). */
export function loadAuthorization(store: NamespacedStore, auth: AuthorizationSpec | undefined, at: AssetRef): void {
  if (!auth?.credentials) return;
  validateAuthorization(auth, at);
  if (auth.credentials.name) store.secretKey(auth.credentials, withField(at, 'credentials'));
}

/** SafeAuthorization.Validate: the type cannot be "basic" and credentials are required. */
export function validateSafeAuthorization(auth: SafeAuthorizationSpec | undefined, at: AssetRef): void {
  if (!auth) return;
  if (isBasic(auth.type)) {
    throw new RenderError('authorization type cannot be set to "basic", use "basicAuth" instead', at.object, withField(at, 'type').field);
  }
  if (!auth.credentials) {
    throw new RenderError('authorization credentials are required (a Secret key selector)', at.object, withField(at, 'credentials').field);
  }
}

/** Authorization.Validate: not both credentials and credentialsFile, and the type cannot be "basic". */
export function validateAuthorization(auth: AuthorizationSpec | undefined, at: AssetRef): void {
  if (!auth) return;
  if (auth.credentials && auth.credentialsFile) {
    throw new RenderError('authorization can not specify both "credentials" and "credentialsFile"', at.object, at.field);
  }
  if (isBasic(auth.type)) {
    throw new RenderError('authorization type cannot be set to "basic", use "basicAuth" instead', at.object, withField(at, 'type').field);
  }
}

function isBasic(type: string | undefined): boolean {
  return (type ?? '').trim().toLowerCase() === 'basic';
}
