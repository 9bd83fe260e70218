// re2js ships CommonJS code with ESM-only typings: load it with require(), typed through an import type.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const re2js = require('re2js') as typeof import('re2js', { with: { 'resolution-mode': 'import' } });

/**
 * Why `source` is not a valid relabeling regex, or undefined when it is. Prometheus compiles
 * relabeling regexes with Go's RE2, anchored as `^(?:<source>)$`; this checks the same way.
 */
export function relabelRegexError(source: string): string | undefined {
  try {
    re2js.RE2JS.compile(`^(?:${source})$`);
    return undefined;
  } catch (e) {
    const message = (e as Error).message;
    const reason = /error parsing regexp: ([^:`]+)/.exec(message);
    return reason ? reason[1].trim() : message;
  }
}
