/**
 * The operator's asset store checks (pkg/assets): every Secret or ConfigMap key a selected object
 * refers to must exist in the object's namespace, and TLS material must parse. Lookups read the
 * input objects instead of the Kubernetes API; failures carry the operator's messages.
 */

import { ObjectIndex } from '../object-index';
import { reject, within, quote } from './check-error';
import {
  describeSecretOrConfigMap, isEmptySecretOrConfigMap, validateOAuth2, validateProxyConfig,
  validateSafeAuthorization, validateSafeTlsConfig, validateTlsConfig,
} from './http-config';
import { keyPairProblem, pemCertificateProblem } from '../../render/http/pem';

/** Reads Secret and ConfigMap keys from the input objects, failing as the operator's StoreBuilder does. */
export class AssetChecker {
  /** @param index the input objects */
  constructor(private readonly index: ObjectIndex) {}

  /** The value of a Secret key (core/v1 SecretKeySelector) in `namespace`. */
  secretKey(namespace: string, sel: any): string {
    if (!namespace) reject('namespace cannot be empty');
    const name = String(sel?.name ?? '');
    const data = this.index.secret(namespace, name);
    if (!data) reject(`unable to get secret ${quote(name)}: secrets ${quote(name)} not found`);
    const value = data.get(String(sel?.key ?? ''));
    if (value === undefined) reject(`key ${quote(sel?.key)} in secret ${quote(name)} not found`);
    return value;
  }

  /** The value of a ConfigMap key (core/v1 ConfigMapKeySelector) in `namespace`. */
  configMapKey(namespace: string, sel: any): string {
    if (!namespace) reject('namespace cannot be empty');
    const name = String(sel?.name ?? '');
    const data = this.index.configMap(namespace, name);
    if (!data) reject(`unable to get configmap ${quote(name)}: configmaps ${quote(name)} not found`);
    const value = data.get(String(sel?.key ?? ''));
    if (value === undefined) reject(`key ${quote(sel?.key)} in configmap ${quote(name)} not found`);
    return value;
  }

  /** The value of a SecretOrConfigMap selector; an empty selector reads as the empty string. */
  key(namespace: string, sel: any): string {
    if (sel?.secret) return this.secretKey(namespace, sel.secret);
    if (sel?.configMap) return this.configMapKey(namespace, sel.configMap);
    return '';
  }

  /** basicAuth: both the username and the password keys must exist. */
  basicAuth(namespace: string, ba: any): void {
    if (!ba) return;
    within('failed to get basic auth username', () => this.secretKey(namespace, ba.username ?? {}));
    within('failed to get basic auth password', () => this.secretKey(namespace, ba.password ?? {}));
  }

  /** proxyConnectHeader: every referenced key must exist. */
  proxyConfig(namespace: string, pc: any): void {
    for (const [header, sels] of Object.entries<any>(pc?.proxyConnectHeader ?? {})) {
      (sels ?? []).forEach((sel: any, i: number) => within(`header[${header}][${i}]`, () => this.secretKey(namespace, sel)));
    }
  }

  /** The operator's addProxyConfigToStore: validate the proxy settings, then read the header keys. */
  validatedProxyConfig(namespace: string, pc: any): void {
    validateProxyConfig(pc);
    this.proxyConfig(namespace, pc);
  }

  /** oauth2: valid settings, client id and secret present, proxy and TLS settings usable. */
  oauth2(namespace: string, oauth2: any): void {
    if (!oauth2) return;
    validateOAuth2(oauth2);
    within('failed to get oauth2 client id', () => this.key(namespace, oauth2.clientId));
    within('failed to get oauth2 client secret', () => this.secretKey(namespace, oauth2.clientSecret ?? {}));
    within('failed to get oauth2 proxyConfig', () => this.proxyConfig(namespace, oauth2));
    within('failed to get oauth2 tlsConfig', () => this.safeTlsConfig(namespace, oauth2.tlsConfig));
  }

  /** authorization (SafeAuthorization): valid, and its credentials key present. */
  safeAuthorization(namespace: string, auth: any): void {
    if (!auth || !auth.credentials) return;
    validateSafeAuthorization(auth);
    if (auth.credentials.name) {
      within(`failed to get authorization token of type ${quote(auth.type)}`, () => this.secretKey(namespace, auth.credentials));
    }
  }

  /** tlsConfig without file paths (SafeTLSConfig): valid, and its CA, certificate and key usable. */
  safeTlsConfig(namespace: string, tls: any): void {
    if (!tls) return;
    within('failed to validate TLS configuration', () => validateSafeTlsConfig(tls));
    this.tlsAssets(namespace, tls);
  }

  /** tlsConfig that may also name files (TLSConfig): valid, and its referenced CA, certificate and key usable. */
  tlsConfig(namespace: string, tls: any): void {
    if (!tls) return;
    within('failed to validate TLS configuration', () => validateTlsConfig(tls));
    this.tlsAssets(namespace, tls);
  }

  private tlsAssets(namespace: string, tls: any): void {
    const ca = within(`failed to get ca ${quote(describeSecretOrConfigMap(tls.ca))}`, () => this.key(namespace, tls.ca));
    const cert = within(`failed to get cert ${quote(describeSecretOrConfigMap(tls.cert))}`, () => this.key(namespace, tls.cert));
    let key = '';
    if (tls.keySecret) {
      key = within(`failed to get key ${tls.keySecret.name ?? ''}/${tls.keySecret.key ?? ''}`, () => this.secretKey(namespace, tls.keySecret));
    }
    if (ca !== '') {
      const problem = pemCertificateProblem(ca);
      if (problem !== undefined) reject(`ca ${describeSecretOrConfigMap(tls.ca)}: ${problem}`);
    }
    if (cert !== '' && key !== '' && !isEmptySecretOrConfigMap(tls.cert)) {
      const problem = keyPairProblem(cert, key);
      if (problem !== undefined) {
        reject(`cert ${describeSecretOrConfigMap(tls.cert)}, key <${tls.keySecret.name ?? ''}/${tls.keySecret.key ?? ''}>: ${problem.message}`);
      }
    }
  }
}
