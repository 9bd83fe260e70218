/**
 * Go's strings.ToLower/ToUpper, used by the lowercase and uppercase actions: each code point is
 * mapped on its own (simple case mapping), so unlike JavaScript's toLowerCase there is no
 * context-dependent final sigma and no mapping that changes the length (`ß` stays `ß` in upper
 * case).
 */
export function goToLower(s: string): string {
  return mapCodePoints(s, (ch) => (ch === '\u0130' ? 'i' : ch.toLowerCase()));
}

/** Go's strings.ToUpper (see goToLower). */
export function goToUpper(s: string): string {
  return mapCodePoints(s, (ch) => ch.toUpperCase());
}

function mapCodePoints(s: string, map: (ch: string) => string): string {
  let out = '';
  for (const ch of s) {
    const mapped = map(ch);
    out += [...mapped].length === 1 ? mapped : ch;
  }
  return out;
}
