/** OAuth2 client credentials (`oauth2`). */

import { RenderError } from '../errors';
import { sortedMap } from '../sorted-map';
import { AssetRef, isEmptySelector, NamespacedStore, withField } from '../store';
import { addProxyConfig, loadProxyConfig, validateProxyConfig } from './proxy';
import { atLeast, ClientScope, tryRead } from './scope';
import { OAuth2Spec } from './spec';
import { addSafeTLS, loadSafeTLS, validateSafeTLS } from './tls';

/**
 * Writes `oauth2` for Prometheus >= 2.27 (the operator's addOAuth2ToYaml): client id and secret
 * read from their references, token URL, scopes, endpoint parameters, then proxy and TLS
 * settings (>= 2.43). When the client id or secret cannot be read, nothing is written.
 */
export function addOAuth2(out: Record<string, unknown>, scope: ClientScope, oauth2: OAuth2Spec | undefined): void {
  if (!oauth2) return;
  const clientId = tryRead(scope, 'OAuth2 client ID', () => scope.store.secretOrConfigMapKey(oauth2.clientId));
  if (clientId === undefined) return;
  const clientSecret = tryRead(scope, 'OAuth2 client secret', () => scope.store.secretKey(oauth2.clientSecret ?? { key: '' }));
  if (clientSecret === undefined) return;

  const value: Record<string, unknown> = {
    client_id: clientId,
    client_secret: clientSecret,
    token_url: oauth2.tokenUrl ?? '',
  };
  if (oauth2.scopes && oauth2.scopes.length > 0) value.scopes = oauth2.scopes;
  const params = oauth2.endpointParams ?? {};
  if (Object.keys(params).length > 0) {
    value.endpoint_params = sortedMap(params);
  }
  const newer = atLeast(scope, '2.43.0');
  addProxyConfig(value, newer, oauth2);
  addSafeTLS(value, newer, oauth2.tlsConfig);
  scope.gate.minimum('2.27.0').set(out, 'oauth2', value);
}

/** OAuth2.Validate: token URL and client id are required; the TLS and proxy settings must be valid. */
export function validateOAuth2(oauth2: OAuth2Spec | undefined, at: AssetRef): void {
  if (!oauth2) return;
  if (!oauth2.tokenUrl) {
    throw new RenderError('OAuth2 tokenUrl must be specified', at.object, withField(at, 'tokenUrl').field);
  }
  if (isEmptySelector(oauth2.clientId)) {
    throw new RenderError("OAuth2 'clientId' must be specified (a Secret or ConfigMap key)", at.object, withField(at, 'clientId').field);
  }
  if (oauth2.clientId?.secret && oauth2.clientId?.configMap) {
    throw new RenderError("invalid OAuth2 'clientId': cannot specify both Secret and ConfigMap", at.object, withField(at, 'clientId').field);
  }
  validateSafeTLS(oauth2.tlsConfig, withField(at, 'tlsConfig'));
  validateProxyConfig(oauth2, at);
}

/** Validates an OAuth2 and checks every reference it makes (StoreBuilder.AddOAuth2). */
export function loadOAuth2(store: NamespacedStore, oauth2: OAuth2Spec | undefined, at: AssetRef): void {
  if (!oauth2) return;
  validateOAuth2(oauth2, at);
  store.secretOrConfigMapKey(oauth2.clientId, withField(at, 'clientId'));
  store.secretKey(oauth2.clientSecret ?? { key: '' }, withField(at, 'clientSecret'));
  loadProxyConfig(store, oauth2, at);
  loadSafeTLS(store, oauth2.tlsConfig, withField(at, 'tlsConfig'));
}
