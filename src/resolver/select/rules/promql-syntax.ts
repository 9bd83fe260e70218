/**
 * PromQL syntax checking for rule expressions, with the Lezer grammar Prometheus's own web UI
 * uses. It finds syntax errors (with their position), not type errors.
 */

import type { parser as LezerParser } from '@prometheus-io/lezer-promql' with { 'resolution-mode': 'require' };

// The package is an ES module with a CommonJS build; load the CommonJS build.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { parser } = require('@prometheus-io/lezer-promql') as { parser: typeof LezerParser };

/** The first syntax error of `expr` as `line:column: message`, or undefined when it parses. */
export function promqlSyntaxError(expr: string): string | undefined {
  if (expr.trim() === '') return 'no expression found in input';
  const tree = parser.parse(expr);
  let at: number | undefined;
  tree.iterate({
    enter: (node) => {
      if (at === undefined && node.type.isError) at = node.from;
      return at === undefined;
    },
  });
  if (at === undefined) return undefined;
  const before = expr.slice(0, at);
  const line = before.split('\n').length;
  const column = at - before.lastIndexOf('\n');
  const token = /^\s*([\w:.]+|\S)/.exec(expr.slice(at));
  const found = token ? `unexpected ${JSON.stringify(token[1])}` : 'unexpected end of input';
  return `${line}:${column}: parse error: ${found}`;
}
