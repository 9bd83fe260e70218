import * as kplus from 'cdk8s-plus-28';

/** The operator's `SecretKeySelector` JSON: a key of a Secret in the same namespace. */
export interface SecretKeySelectorJson {
  /** Secret name. */
  readonly name: string;
  /** Key within the Secret. */
  readonly key: string;
}

/** Converts a cdk8s-plus secret reference to the `{name, key}` form the operator's CRDs take. */
export function secretKeySelector(value: kplus.SecretValue): SecretKeySelectorJson {
  return { name: value.secret.name, key: value.key };
}
