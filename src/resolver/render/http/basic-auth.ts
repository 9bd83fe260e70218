/** HTTP basic authentication (`basic_auth`) from Secret keys. */

import { AssetRef, NamespacedStore, withField } from '../store';
import { ClientScope, tryRead } from './scope';
import { BasicAuthSpec } from './spec';

/**
 * Writes `basic_auth: {username, password}` (the operator's addBasicAuthToYaml). A reference
 * that cannot be read gives an empty value and a warning, as in the operator's generator.
 */
export function addBasicAuth(out: Record<string, unknown>, scope: ClientScope, basicAuth: BasicAuthSpec | undefined): void {
  if (!basicAuth) return;
  const username = tryRead(scope, 'username', () => scope.store.secretKey(basicAuth.username ?? { key: '' }));
  const password = tryRead(scope, 'password', () => scope.store.secretKey(basicAuth.password ?? { key: '' }));
  scope.gate.set(out, 'basic_auth', { username: username ?? '', password: password ?? '' });
}

/** Checks that both Secret keys of a basic auth exist (the operator's StoreBuilder.AddBasicAuth). */
export function loadBasicAuth(store: NamespacedStore, basicAuth: BasicAuthSpec | undefined, at: AssetRef): void {
  if (!basicAuth) return;
  store.secretKey(basicAuth.username ?? { key: '' }, withField(at, 'username'));
  store.secretKey(basicAuth.password ?? { key: '' }, withField(at, 'password'));
}
