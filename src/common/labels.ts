import { IConstruct } from 'constructs';
import { fail } from './errors';
import { isValidLabelName } from '../resolver/relabel/label-names';
import { isDns1035Label } from '../resolver/select/kube-names';
import { validateLabelKey, validateLabelValue } from '../resolver/select/label-selector';


/** Whether `key` is a valid Kubernetes label key (optional DNS-subdomain prefix and `/`, then a name of at most 63 characters). */
export function isKubeLabelKey(key: string): boolean {
  return validateLabelKey(key) === undefined;
}

/** Whether `value` is a valid Kubernetes label value (empty, or at most 63 alphanumerics, '-', '_' or '.', starting and ending alphanumeric). */
export function isKubeLabelValue(value: string): boolean {
  return validateLabelValue(value) === undefined;
}

/** Validates a map of Kubernetes labels, naming the first bad key or value. */
export function validateKubeLabels(scope: IConstruct, field: string, labels: { [key: string]: string } | undefined): void {
  for (const [key, value] of Object.entries(labels ?? {})) {
    if (!isKubeLabelKey(key)) {
      fail(scope, `${field}.${key}`, `"${key}" is not a valid Kubernetes label key. Use an optional DNS prefix and "/", then at most 63 alphanumerics, '-', '_' or '.', starting and ending alphanumeric.`);
    }
    if (typeof value !== 'string' || !isKubeLabelValue(value)) {
      fail(scope, `${field}.${key}`, `"${value}" is not a valid Kubernetes label value. Use at most 63 alphanumerics, '-', '_' or '.', starting and ending alphanumeric (or an empty string).`);
    }
  }
}

/** Validates a Prometheus label name (target labels, external labels, relabel target labels). */
export function validatePrometheusLabelName(scope: IConstruct, field: string, name: string): void {
  if (!isValidLabelName(name)) {
    fail(scope, field, `"${name}" is not a valid Prometheus label name. Use letters, digits and '_', not starting with a digit (matching [a-zA-Z_][a-zA-Z0-9_]*).`);
  }
}

/** Validates a Service or container port name: a DNS-1035 label of at most 15 characters. */
export function validatePortName(scope: IConstruct, field: string, name: string): void {
  if (!isDns1035Label(name, 15)) {
    fail(scope, field, `"${name}" is not a valid port name. Use at most 15 lowercase letters, digits or '-', starting with a letter and ending with a letter or digit (a DNS-1035 label).`);
  }
}

/** Validates a port number (1-65535). */
export function validatePortNumber(scope: IConstruct, field: string, port: number): void {
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    fail(scope, field, `${port} is not a valid port number. Use an integer from 1 to 65535.`);
  }
}
