import { IConstruct } from 'constructs';

/**
 * Thrown when a construct is given a value it cannot accept. The message always has the form
 * `<construct path>: <field>: <problem>. <what is allowed>` so that users can find the line to fix.
 */
export class ValidationError extends Error {
  /** Construct path of the construct that rejected the value. */
  public readonly constructPath: string;
  /** The property (dotted path for nested fields) that holds the bad value. */
  public readonly field: string;

  constructor(scope: IConstruct, field: string, problem: string) {
    super(`${scope.node.path}: ${field}: ${problem}`);
    this.name = 'ValidationError';
    this.constructPath = scope.node.path;
    this.field = field;
  }
}

/** Shorthand for `throw new ValidationError(...)` usable in expressions. */
export function fail(scope: IConstruct, field: string, problem: string): never {
  throw new ValidationError(scope, field, problem);
}
