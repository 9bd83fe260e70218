/**
 * The error the renderer throws where prometheus-operator would refuse to generate a
 * configuration.
 */

import { describeObject } from '../input/source';
import { KubeObject } from '../types';

export { describeObject };

/** A configuration the operator would reject. The message names the object and the field. */
export class RenderError extends Error {
  /**
   * @param message what is wrong and what is allowed
   * @param object the object being rendered, when there is one
   * @param field the offending field path (e.g. `spec.endpoints[0].port`)
   */
  constructor(message: string, readonly object?: KubeObject, readonly field?: string) {
    super(composeMessage(message, object, field));
    this.name = 'RenderError';
  }
}

function composeMessage(message: string, object?: KubeObject, field?: string): string {
  const parts: string[] = [];
  if (object) parts.push(describeObject(object));
  if (field) parts.push(field);
  return parts.length > 0 ? `${parts.join(' ')}: ${message}` : message;
}
