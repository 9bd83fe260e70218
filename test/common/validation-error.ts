import { ValidationError } from '../../src/common/errors';

/** Runs `act` and returns the ValidationError it throws (failing the test when it throws nothing or something else). */
export function validationError(act: () => unknown): ValidationError {
  try {
    act();
  } catch (e) {
    expect(e).toBeInstanceOf(ValidationError);
    return e as ValidationError;
  }
  throw new Error('expected a ValidationError');
}
