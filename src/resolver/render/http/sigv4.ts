/** AWS Signature Version 4 authentication (`sigv4`). */

import { RenderError } from '../errors';
import { AssetRef, NamespacedStore, withField } from '../store';
import { ClientScope, tryRead } from './scope';
import { Sigv4Spec } from './spec';

/**
 * Writes `sigv4` (the operator's addSigv4ToYaml): region, the access and secret keys when both
 * can be read and are not empty, profile, role ARN, external id (>= 3.11) and the FIPS STS
 * endpoint switch (>= 2.54). The caller gates the whole section by version.
 */
export function addSigv4(out: Record<string, unknown>, scope: ClientScope, sigv4: Sigv4Spec | undefined): void {
  if (!sigv4) return;
  const value: Record<string, unknown> = {};
  if (sigv4.region) value.region = sigv4.region;
  if (sigv4.accessKey && sigv4.secretKey) {
    const ak = tryRead(scope, 'SigV4 access key', () => scope.store.secretKey(sigv4.accessKey!)) ?? '';
    const sk = tryRead(scope, 'SigV4 secret key', () => scope.store.secretKey(sigv4.secretKey!)) ?? '';
    if (ak !== '' && sk !== '') {
      value.access_key = ak;
      value.secret_key = sk;
    }
  }
  if (sigv4.profile) value.profile = sigv4.profile;
  if (sigv4.roleArn) value.role_arn = sigv4.roleArn;
  if (sigv4.externalId) scope.gate.minimum('3.11.0').set(value, 'external_id', sigv4.externalId);
  if (sigv4.useFIPSSTSEndpoint != null) scope.gate.minimum('2.54.0').set(value, 'use_fips_sts_endpoint', sigv4.useFIPSSTSEndpoint);
  scope.gate.set(out, 'sigv4', value);
}

/** Checks the SigV4 keys: both or neither, and both readable (StoreBuilder.AddSigV4). */
export function loadSigv4(store: NamespacedStore, sigv4: Sigv4Spec | undefined, at: AssetRef): void {
  if (!sigv4 || (!sigv4.accessKey && !sigv4.secretKey)) return;
  if (!sigv4.accessKey || !sigv4.secretKey) {
    throw new RenderError('both accessKey and secretKey should be provided', at.object, at.field);
  }
  store.secretKey(sigv4.accessKey, withField(at, 'accessKey'));
  store.secretKey(sigv4.secretKey, withField(at, 'secretKey'));
}
