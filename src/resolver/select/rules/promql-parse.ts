/**
 * PromQL parse errors of rule expressions in Prometheus's format (`line:column: parse error:
 * message`), from the project's PromQL checker: syntax, types and function signatures, as
 * Prometheus's parser reports them when the operator validates a PrometheusRule.
 */

import { PromQL } from '../../../rules/promql';

/** The parse error of `expr` as Prometheus prints it, or undefined when Prometheus accepts it. */
export function promqlParseError(expr: string): string | undefined {
  if (expr.trim() === '') return 'no expression found in input';
  const problem = PromQL.check(expr);
  return problem ? `${problem.line}:${problem.column}: parse error: ${problem.message}` : undefined;
}
