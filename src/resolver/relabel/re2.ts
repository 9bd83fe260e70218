/**
 * The RE2 engine (Go's regexp syntax, which Prometheus and Alertmanager use), loaded once for the
 * whole library. re2js ships CommonJS code with ESM-only typings, so it is loaded with require()
 * and typed through an import type.
 */
import type { RE2JS } from 're2js' with { 'resolution-mode': 'import' };

// eslint-disable-next-line @typescript-eslint/no-require-imports
const re2js = require('re2js') as typeof import('re2js', { with: { 'resolution-mode': 'import' } });

/** The re2js regular expression class (compile flags such as `RE2.DOTALL` are its statics). */
export const RE2 = re2js.RE2JS;

/** A compiled RE2 expression. */
export type RE2Expression = RE2JS;

/**
 * Compiles `source` anchored at both ends (`^(?:<source>)$`), as Prometheus compiles relabeling
 * regexes and Prometheus and Alertmanager compile regex label matchers. Throws re2js's syntax
 * error (Go's text: `error parsing regexp: ...`) when it is not valid RE2.
 */
export function compileAnchored(source: string, flags: number = 0): RE2Expression {
  return RE2.compile(`^(?:${source})$`, flags);
}
