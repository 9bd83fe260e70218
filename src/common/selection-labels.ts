import { IConstruct } from 'constructs';
import { fail } from './errors';
import { validateKubeLabels } from './labels';

/**
 * The labels of an object that a selector must pick up: the object's own labels plus the labels
 * the selecting owner requires. An own label with another value than required is an error, since
 * the object would then not be selected. `owner` names the selector in the message, e.g.
 * `Prometheus monitoring/k8s selects PrometheusRules by`.
 */
export function withSelectionLabels(
  scope: IConstruct, field: string, own: { [key: string]: string } | undefined, required: { [key: string]: string }, owner: string,
): { [key: string]: string } {
  validateKubeLabels(scope, field, own);
  for (const [key, value] of Object.entries(required)) {
    if (own && key in own && own[key] !== value) {
      fail(scope, `${field}.${key}`, `"${own[key]}" differs from "${value}", which ${owner}. Remove the label or set it to "${value}".`);
    }
  }
  return { ...required, ...(own ?? {}) };
}
