import { IConstruct } from 'constructs';
import { fail } from './errors';
import { isValidLabelName } from '../resolver/relabel/label-names';


/** A Kubernetes label key: optional DNS-subdomain prefix and a name of at most 63 characters. */
const KUBE_LABEL_NAME = /^([A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?)$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
/** A Kubernetes label value: empty, or at most 63 alphanumerics, '-', '_' or '.', starting and ending alphanumeric. */
const KUBE_LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
/** DNS-1035 label (Service and container port names): lowercase alphanumerics and '-', starting with a letter. */
const DNS_1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;

/** Whether `key` is a valid Kubernetes label key. */
export function isKubeLabelKey(key: string): boolean {
  const slash = key.lastIndexOf('/');
  const prefix = slash >= 0 ? key.slice(0, slash) : undefined;
  const name = slash >= 0 ? key.slice(slash + 1) : key;
  if (prefix !== undefined && (prefix.length > 253 || !DNS_SUBDOMAIN.test(prefix))) {
    return false;
  }
  return name.length > 0 && name.length <= 63 && KUBE_LABEL_NAME.test(name);
}

/** Whether `value` is a valid Kubernetes label value. */
export function isKubeLabelValue(value: string): boolean {
  return value.length <= 63 && KUBE_LABEL_VALUE.test(value);
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
  if (name.length > 15 || !DNS_1035_LABEL.test(name)) {
    fail(scope, field, `"${name}" is not a valid port name. Use at most 15 lowercase letters, digits or '-', starting with a letter and ending with a letter or digit (a DNS-1035 label).`);
  }
}

/** Validates a port number (1-65535). */
export function validatePortNumber(scope: IConstruct, field: string, port: number): void {
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    fail(scope, field, `${port} is not a valid port number. Use an integer from 1 to 65535.`);
  }
}
