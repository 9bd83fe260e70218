import * as kplus from 'cdk8s-plus-28';
import { IConstruct } from 'constructs';
import { fail } from '../common/errors';
import { secretKeySelector, SecretKeySelectorJson } from '../common/secret-ref';

/**
 * A Secret reference for a field of an object in `namespace`: the operator only reads Secrets in
 * the object's own namespace, so a Secret known to live elsewhere is an error.
 */
export function secretInNamespace(scope: IConstruct, field: string, value: kplus.SecretValue, namespace: string): SecretKeySelectorJson {
  const secretNamespace = namespaceOf(value.secret);
  if (secretNamespace !== undefined && secretNamespace !== namespace) {
    fail(scope, field, `Secret "${value.secret.name}" is in namespace "${secretNamespace}", but the operator reads Secrets only from "${namespace}". Create the Secret in "${namespace}".`);
  }
  if (!value.key) {
    fail(scope, field, `no key given for Secret "${value.secret.name}". Use SecretValue with the key that holds the value.`);
  }
  return secretKeySelector(value);
}

/** The namespace of a cdk8s-plus Secret defined in the app; undefined for imported Secrets (by name only). */
function namespaceOf(secret: kplus.ISecret): string | undefined {
  return (secret as { metadata?: { namespace?: string } }).metadata?.namespace;
}
