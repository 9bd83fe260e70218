import { analyzePromQL } from './promql-checker';
import { positionOf } from './promql-text';

/** A problem found in a PromQL expression, at the position Prometheus reports it. */
export interface PromQLProblem {
  /** 1-based line of the expression. */
  readonly line: number;
  /** 1-based column, counted in UTF-8 bytes as Prometheus does. */
  readonly column: number;
  /** What is wrong, in Prometheus's words where it has them. */
  readonly message: string;
}

/**
 * PromQL checks at synth time. Expressions are parsed with the Prometheus project's own grammar
 * (`@prometheus-io/lezer-promql`) and then checked the way Prometheus 3's parser checks them
 * (types, function signatures, modifiers), with experimental features disabled as in the
 * operator's default Prometheus.
 */
export class PromQL {
  /** The first problem in `expression`, or undefined when Prometheus would accept it. */
  public static check(expression: string): PromQLProblem | undefined {
    const { problem } = analyzePromQL(expression);
    if (!problem) {
      return undefined;
    }
    const { line, column } = positionOf(expression, problem.offset);
    return { line, column, message: problem.message };
  }

  private constructor() {}
}
