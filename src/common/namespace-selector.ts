import { IConstruct } from 'constructs';
import { fail } from './errors';
import { LabelSelectorJson, Selector, SelectorOptions, SelectorOperator } from './selector';
import { isDns1123Label } from '../resolver/select/kube-names';
import { NAMESPACE_NAME_LABEL } from '../resolver/select/object-index';

export { NAMESPACE_NAME_LABEL };

/**
 * The namespaces a Prometheus or Alertmanager looks in for the objects it selects
 * (`serviceMonitorNamespaceSelector`, `ruleNamespaceSelector`, ...). The operator reads a missing
 * field as "the owner's own namespace" and `{}` as "all namespaces"; this class makes that an
 * explicit choice.
 */
export class NamespaceSelector {
  /** Only the owner's own namespace (the field is omitted). */
  public static own(): NamespaceSelector {
    return new NamespaceSelector(undefined, []);
  }

  /** All namespaces (`{}`). */
  public static all(): NamespaceSelector {
    return new NamespaceSelector(Selector.all(), []);
  }

  /**
   * Exactly these namespaces, selected by the `kubernetes.io/metadata.name` label that Kubernetes
   * sets on every Namespace.
   */
  public static names(...names: string[]): NamespaceSelector {
    const byName = Selector.of({ matchExpressions: [{ key: NAMESPACE_NAME_LABEL, operator: SelectorOperator.IN, values: names }] });
    return new NamespaceSelector(byName, names);
  }

  /** Namespaces whose Namespace object carries all of these labels. */
  public static labeled(labels: { [key: string]: string }): NamespaceSelector {
    return new NamespaceSelector(Selector.matchLabels(labels), []);
  }

  /** Namespaces matching a full label selector. */
  public static matching(options: SelectorOptions): NamespaceSelector {
    return new NamespaceSelector(Selector.of(options), []);
  }

  private constructor(private readonly selector: Selector | undefined, private readonly fixedNames: string[]) {}

  /** True for `own()`. */
  public get isOwnNamespace(): boolean {
    return this.selector === undefined;
  }

  /** True when every namespace is selected. */
  public get isAllNamespaces(): boolean {
    return this.selector?.selectsEverything ?? false;
  }

  /**
   * The namespaces this selects by name, when they are known without looking at Namespace labels:
   * `[ownNamespace]` for `own()`, the names for `names()`, undefined otherwise.
   */
  public knownNamespaces(ownNamespace: string): string[] | undefined {
    if (this.selector === undefined) {
      return [ownNamespace];
    }
    return this.fixedNames.length > 0 ? [...this.fixedNames] : undefined;
  }

  /**
   * The selector JSON, or undefined for `own()`.
   * @internal
   */
  public _toJson(scope: IConstruct, field: string): LabelSelectorJson | undefined {
    return this.selector?._toJson(scope, field);
  }
}

/** The JSON form of a monitor's `namespaceSelector`. */
export interface MonitorNamespaceSelectorJson {
  /** Every namespace. */
  readonly any?: boolean;
  /** These namespaces. */
  readonly matchNames?: string[];
}

/**
 * The namespaces a ServiceMonitor, PodMonitor or Probe looks in for its targets
 * (`spec.namespaceSelector`): its own namespace, all namespaces, or a list of names.
 */
export class MonitorNamespaceSelector {
  /** The monitor's own namespace (the field is omitted). */
  public static own(): MonitorNamespaceSelector {
    return new MonitorNamespaceSelector(false, []);
  }

  /** Every namespace (`any: true`). */
  public static all(): MonitorNamespaceSelector {
    return new MonitorNamespaceSelector(true, []);
  }

  /** Exactly these namespaces (`matchNames`). */
  public static names(...names: string[]): MonitorNamespaceSelector {
    return new MonitorNamespaceSelector(false, names);
  }

  private constructor(private readonly any: boolean, private readonly names: string[]) {}

  /** The namespaces looked in, given the monitor's own namespace; undefined when all. */
  public namespaces(ownNamespace: string): string[] | undefined {
    if (this.any) {
      return undefined;
    }
    return this.names.length > 0 ? [...this.names] : [ownNamespace];
  }

  /**
   * The `namespaceSelector` JSON, or undefined for `own()`.
   * @internal
   */
  public _toJson(scope: IConstruct, field: string): MonitorNamespaceSelectorJson | undefined {
    if (this.any) {
      return { any: true };
    }
    if (this.names.length === 0) {
      return undefined;
    }
    for (const name of this.names) {
      if (!isDns1123Label(name)) {
        fail(scope, field, `"${name}" is not a valid namespace name. Use at most 63 lowercase alphanumerics or '-', starting and ending alphanumeric.`);
      }
    }
    return { matchNames: [...this.names] };
  }
}
