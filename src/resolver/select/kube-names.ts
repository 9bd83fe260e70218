/**
 * Kubernetes object and port names as the API machinery validates them (k8s.io/apimachinery
 * util/validation): DNS-1123 labels and subdomains, and DNS-1035 labels.
 */

/** The pattern of a DNS-1123 label: lowercase alphanumerics and '-', starting and ending alphanumeric. */
export const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/** The pattern of a DNS-1123 subdomain: DNS-1123 labels joined with '.'. */
export const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** The pattern of a DNS-1035 label: like a DNS-1123 label, but starting with a letter. */
export const DNS1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;

/** True when `name` is a DNS-1123 label of at most `maxLength` characters (namespaces and most object names: 63). */
export function isDns1123Label(name: string, maxLength: number = 63): boolean {
  return name.length <= maxLength && DNS1123_LABEL.test(name);
}

/** True when `name` is a DNS-1123 subdomain of at most 253 characters (Secret, ConfigMap and StorageClass names). */
export function isDns1123Subdomain(name: string): boolean {
  return name.length <= 253 && DNS1123_SUBDOMAIN.test(name);
}

/** True when `name` is a DNS-1035 label of at most `maxLength` characters (Service names: 63; port names: 15). */
export function isDns1035Label(name: string, maxLength: number = 63): boolean {
  return name.length <= maxLength && DNS1035_LABEL.test(name);
}
