/**
 * How messages show values: label sets as `{a=b, c=d}`, lists as `[x, y]`, Service ports as
 * `http 80→8080`, and counted nouns.
 */

import { KubeObject } from '../types';

/** `{a=b, c=d}`, keys sorted; `{}` when empty. */
export function formatLabels(labels: Readonly<Record<string, string>> | undefined): string {
  const entries = Object.entries(labels ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${k}=${v}`).join(', ')}}`;
}

/** `[a, b]`. */
export function formatList(items: readonly string[]): string {
  return `[${items.join(', ')}]`;
}

/** A JSON-quoted string, as messages quote names and values. */
export function q(value: unknown): string {
  return JSON.stringify(value === undefined || value === null ? '' : String(value));
}

/** `1 ServiceMonitor`, `2 ServiceMonitors`. */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** One Service port as messages show it: `http 80→8080`, `<unnamed> 9090`, `dns 53/UDP`. */
export function describeServicePort(port: any): string {
  const name = typeof port?.name === 'string' && port.name !== '' ? port.name : '<unnamed>';
  const target = port?.targetPort !== undefined && String(port.targetPort) !== String(port?.port) ? `→${port.targetPort}` : '';
  const protocol = port?.protocol && port.protocol !== 'TCP' ? `/${port.protocol}` : '';
  return `${name} ${port?.port ?? '?'}${target}${protocol}`;
}

/** The ports of a Service, described. */
export function servicePorts(svc: KubeObject): any[] {
  return Array.isArray(svc.spec?.ports) ? svc.spec.ports : [];
}

/** True when `text` is all digits (a port number written as a string). */
export function isDigits(text: string): boolean {
  return /^[0-9]+$/.test(text);
}

/** The candidate closest to `name` by edit distance, when it is a likely typo (distance ≤ 2 and less than half the length). */
export function likelyTypo(name: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = editDistance(name, c);
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best !== undefined && bestDistance > 0 && bestDistance <= 2 && bestDistance * 2 < Math.max(name.length, 2) ? best : undefined;
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length];
}
