// RE2 regular expressions (Go's regexp syntax, which Prometheus and Alertmanager use). re2js ships
// CommonJS but ESM-only typings, so it is loaded with require() and typed through an import type.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const re2js = require('re2js') as typeof import('re2js', { with: { 'resolution-mode': 'import' } });

/** The re2js regular expression class. */
export const RE2 = re2js.RE2JS;

/**
 * Checks that `pattern` is a valid RE2 expression as Prometheus and Alertmanager compile label
 * matchers (`.` matches newlines, anchored at both ends). Returns Go's error text, or undefined.
 */
export function re2SyntaxError(pattern: string): string | undefined {
  try {
    RE2.compile(pattern);
    return undefined;
  } catch (e) {
    return (e as Error).message;
  }
}

/** Whether the anchored RE2 expression `pattern` matches the empty string. */
export function re2MatchesEmpty(pattern: string): boolean {
  return RE2.compile(`^(?:${pattern})$`, RE2.DOTALL).matches('');
}
