/** Maps written with sorted keys, as the operator writes every Go map into the configuration. */

/** A copy of `m` whose keys are in sorted (byte) order. */
export function sortedMap<V>(m: Record<string, V>): Record<string, V> {
  return Object.fromEntries(Object.keys(m).sort().map((k) => [k, m[k]]));
}
