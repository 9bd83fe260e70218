/** Azure AD authentication of remote write (`azuread`). */

import { RenderError } from '../errors';
import { AssetRef, NamespacedStore, withField } from '../store';
import { VersionGate } from '../version';
import { ClientScope, tryRead } from './scope';
import { AzureADSpec } from './spec';

/**
 * Writes `azuread` for Prometheus >= 2.45: managed identity, OAuth (>= 2.48, client secret read
 * from its Secret), SDK (>= 2.52), workload identity (>= 3.7), cloud and scope (>= 3.9).
 */
export function addAzureAD(out: Record<string, unknown>, scope: ClientScope, azure: AzureADSpec | undefined): void {
  if (!azure) return;
  const value: Record<string, unknown> = {};
  if (azure.managedIdentity) {
    value.managed_identity = azure.managedIdentity.clientId ? { client_id: azure.managedIdentity.clientId } : {};
  }
  if (azure.oauth) {
    const oauth = azure.oauth;
    const secret = tryRead(scope, 'Azure OAuth client secret', () => scope.store.secretKey(oauth.clientSecret ?? { key: '' }));
    if (secret !== undefined) {
      scope.gate.minimum('2.48.0').set(value, 'oauth', {
        client_id: oauth.clientId ?? '',
        client_secret: secret,
        tenant_id: oauth.tenantId ?? '',
      });
    }
  }
  if (azure.sdk) scope.gate.minimum('2.52.0').set(value, 'sdk', { tenant_id: azure.sdk.tenantId ?? '' });
  if (azure.workloadIdentity) {
    scope.gate.minimum('3.7.0').set(value, 'workload_identity', {
      client_id: azure.workloadIdentity.clientId ?? '',
      tenant_id: azure.workloadIdentity.tenantId ?? '',
    });
  }
  if (azure.cloud != null) value.cloud = azure.cloud;
  if (azure.scope) scope.gate.minimum('3.9.0').set(value, 'scope', azure.scope);
  scope.gate.minimum('2.45.0').set(out, 'azuread', value);
}

/**
 * Validates an Azure AD section as the operator does for remote write: exactly one of managed
 * identity, OAuth, SDK and workload identity; version minimums; client and tenant ids as UUIDs.
 */
export function validateAzureAD(gate: VersionGate, azure: AzureADSpec | undefined, at: AssetRef): void {
  if (!azure) return;
  const fail = (message: string, sub?: string): never => {
    throw new RenderError(message, at.object, sub ? withField(at, sub).field : at.field);
  };
  const set = (['managedIdentity', 'oauth', 'sdk', 'workloadIdentity'] as const).filter((k) => azure[k] != null);
  if (set.length === 0) {
    fail('must provide Azure Managed Identity, Azure OAuth, Azure SDK, or Azure Workload Identity in the Azure AD config');
  }
  if (set.length > 1) {
    fail(`cannot provide both ${set.slice(0, 2).map(describe).join(' and ')} in the Azure AD config (set exactly one)`);
  }
  if (azure.managedIdentity && !gate.minimum('3.5.0').compatible && !azure.managedIdentity.clientId) {
    fail(`managedIdentity: clientId is required with Prometheus < 3.5.0 (current: ${gate.version.text})`, 'managedIdentity.clientId');
  }
  if (azure.oauth) {
    if (!gate.minimum('2.48.0').compatible) fail('azureAd.oauth requires Prometheus >= v2.48.0', 'oauth');
    if (!isUUID(azure.oauth.clientId)) fail('the provided Azure OAuth clientId is invalid (expected a UUID)', 'oauth.clientId');
  }
  if (azure.sdk && !gate.minimum('2.52.0').compatible) fail('azureAd.sdk requires Prometheus >= v2.52.0', 'sdk');
  if (azure.workloadIdentity) {
    if (!gate.minimum('3.7.0').compatible) fail('azureAd.workloadIdentity requires Prometheus >= v3.7.0', 'workloadIdentity');
    if (!isUUID(azure.workloadIdentity.clientId)) {
      fail('the provided Azure Workload Identity clientId is invalid (expected a UUID)', 'workloadIdentity.clientId');
    }
    if (!isUUID(azure.workloadIdentity.tenantId)) {
      fail('the provided Azure Workload Identity tenantId is invalid (expected a UUID)', 'workloadIdentity.tenantId');
    }
  }
}

/** Checks the OAuth client secret's Secret key (StoreBuilder.AddAzureOAuth). */
export function loadAzureAD(store: NamespacedStore, azure: AzureADSpec | undefined, at: AssetRef): void {
  if (!azure?.oauth) return;
  store.secretKey(azure.oauth.clientSecret ?? { key: '' }, withField(at, 'oauth.clientSecret'));
}

function describe(kind: string): string {
  return ({ managedIdentity: 'Azure Managed Identity', oauth: 'Azure OAuth', sdk: 'Azure SDK', workloadIdentity: 'Azure Workload Identity' } as Record<string, string>)[kind];
}

/** The UUID forms Go's uuid.Parse accepts: plain, in braces, with urn:uuid:, or 32 hex digits. */
function isUUID(text: string | undefined): boolean {
  const s = text ?? '';
  const hex = '[0-9a-fA-F]';
  const dashed = `${hex}{8}-${hex}{4}-${hex}{4}-${hex}{4}-${hex}{12}`;
  return new RegExp(`^(?:${dashed}|\\{${dashed}\\}|urn:uuid:${dashed}|${hex}{32})$`, 'i').test(s);
}
