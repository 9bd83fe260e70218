/**
 * The error a rejection check raises, and the helpers that prefix it with the field it is about,
 * the way the operator wraps its errors (`endpoints[0]: basicAuth: failed to get ...`).
 */

/** Why the operator would reject an object; the message is in the operator's words. */
export class CheckError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CheckError';
  }
}

/** Runs `fn`; a {@link CheckError} it throws is re-thrown with `prefix: ` in front. */
export function within<T>(prefix: string, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof CheckError) throw new CheckError(`${prefix}: ${e.message}`);
    throw e;
  }
}

/** Throws a {@link CheckError} with `message`. */
export function reject(message: string): never {
  throw new CheckError(message);
}

/** Go's `%q` formatting of a string (close enough for messages: a JSON string). */
export function quote(s: unknown): string {
  return JSON.stringify(s === undefined || s === null ? '' : String(s));
}
