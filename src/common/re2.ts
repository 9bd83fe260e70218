// RE2 checks of label-matcher expressions (Go's regexp syntax, which Prometheus and Alertmanager
// use), on the library's one RE2 engine.
import { compileAnchored, RE2 } from '../resolver/relabel/re2';

export { RE2 };

/**
 * Checks that `pattern` is a valid RE2 expression, as Prometheus and Alertmanager compile label
 * matchers. Returns Go's error text, or undefined.
 */
export function re2SyntaxError(pattern: string): string | undefined {
  try {
    RE2.compile(pattern);
    return undefined;
  } catch (e) {
    return (e as Error).message;
  }
}

/** Whether the anchored RE2 expression `pattern` (`.` matching newlines) matches the empty string. */
export function re2MatchesEmpty(pattern: string): boolean {
  return compileAnchored(pattern, RE2.DOTALL).matches('');
}
