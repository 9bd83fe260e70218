/**
 * The namespaces a Prometheus namespace selector covers, with the operator's semantics: a missing
 * selector means the Prometheus's own namespace, `{}` means every namespace, and a label
 * selector needs the labels of the Namespace objects. When a Namespace object is not among the
 * inputs, its labels are unknown (only `kubernetes.io/metadata.name` is certain), so the answer
 * may be "undecided" instead of a guess.
 */

import { KubeObject } from '../types';
import { CompiledSelector, compileLabelSelector, formatLabelSelector, LabelSelector, LabelSelectorError } from './label-selector';
import { NAMESPACE_NAME_LABEL, ObjectIndex } from './object-index';

/** Whether a namespace is covered: yes, no, or unknown (with the reason). */
export type NamespaceDecision = { covered: boolean } | { undecided: string };

/** A namespace selector of one Prometheus, ready to decide namespaces. */
export class NamespaceScope {
  private readonly compiled: CompiledSelector | undefined;

  /**
   * @param prometheus the Prometheus whose namespace a missing selector means
   * @param field the selector's field name, for messages (e.g. `serviceMonitorNamespaceSelector`)
   * @param index the input objects (for Namespace labels)
   * Throws a LabelSelectorError when the selector is invalid.
   */
  constructor(
    private readonly prometheus: KubeObject,
    private readonly field: string,
    private readonly selector: LabelSelector | null | undefined,
    private readonly index: ObjectIndex,
  ) {
    if (selector !== undefined && selector !== null) {
      try {
        this.compiled = compileLabelSelector(selector);
      } catch (e) {
        if (e instanceof LabelSelectorError) {
          throw new LabelSelectorError(`failed to convert namespace label selector to selector: ${e.message}`);
        }
        throw e;
      }
    }
  }

  /** Decides whether objects in `namespace` are within reach of the Prometheus. */
  decide(namespace: string): NamespaceDecision {
    if (!this.compiled) return { covered: namespace === (this.prometheus.metadata.namespace ?? '') };
    if (this.compiled.everything) return { covered: true };
    const labels = this.index.namespaceLabels(namespace);
    if (labels) return { covered: this.compiled.matches(labels) };
    if (this.compiled.keys.every((k) => k === NAMESPACE_NAME_LABEL)) {
      return { covered: this.compiled.matches({ [NAMESPACE_NAME_LABEL]: namespace }) };
    }
    return {
      undecided: `Namespace ${JSON.stringify(namespace)} is not among the input objects, so whether ${this.field} `
        + `(${formatLabelSelector(this.selector)}) selects it cannot be told`,
    };
  }
}

/**
 * A namespace selector in words: `namespace "monitoring" only (<field> unset)`, `all namespaces`
 * or `namespaces matching <selector>`.
 */
export function describeNamespaceSelector(prometheus: KubeObject, field: string, selector: LabelSelector | null | undefined): string {
  if (selector === undefined || selector === null) return `namespace ${JSON.stringify(prometheus.metadata.namespace ?? '')} only (${field} unset)`;
  const text = formatLabelSelector(selector);
  return text === '<all>' ? 'all namespaces' : `namespaces matching ${text}`;
}
