import { IConstruct } from 'constructs';
import { fail } from './errors';

/** Validates an optional count or limit: a whole number of at least `min` (0 unless given). */
export function validateWholeNumber(scope: IConstruct, field: string, value: number | undefined, min: number = 0): void {
  if (value !== undefined && (!Number.isInteger(value) || value < min)) {
    fail(scope, field, `${value} is not allowed. Use a whole number of at least ${min}.`);
  }
}
