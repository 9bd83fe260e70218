import { IConstruct } from 'constructs';
import { fail } from './errors';
import { validateKubeLabels, isKubeLabelKey, isKubeLabelValue } from './labels';

/** Operators of a label selector requirement. */
export enum SelectorOperator {
  /** The label's value is one of `values`. */
  IN = 'In',
  /** The label is absent or its value is none of `values`. */
  NOT_IN = 'NotIn',
  /** The label is present, whatever its value. */
  EXISTS = 'Exists',
  /** The label is absent. */
  DOES_NOT_EXIST = 'DoesNotExist',
}

/** One requirement of a label selector (`matchExpressions` item). */
export interface SelectorRequirement {
  /** The label key. */
  readonly key: string;
  /** How the label is compared with `values`. */
  readonly operator: SelectorOperator;
  /**
   * Values for `In` and `NotIn` (at least one); must be empty for `Exists` and `DoesNotExist`.
   * @default []
   */
  readonly values?: string[];
}

/** Options of a label selector that matches labels. */
export interface SelectorOptions {
  /**
   * Labels an object must carry, all of them.
   * @default {}
   */
  readonly matchLabels?: { [key: string]: string };
  /**
   * Further requirements, all of which must hold.
   * @default []
   */
  readonly matchExpressions?: SelectorRequirement[];
}

/** The JSON form of one `matchExpressions` item. */
export interface SelectorRequirementJson {
  /** The label key. */
  readonly key: string;
  /** `In`, `NotIn`, `Exists` or `DoesNotExist`. */
  readonly operator: string;
  /** Values for `In` and `NotIn`. */
  readonly values?: string[];
}

/** The JSON form of a Kubernetes label selector. */
export interface LabelSelectorJson {
  /** Labels an object must carry. */
  readonly matchLabels?: { [key: string]: string };
  /** Requirements on labels. */
  readonly matchExpressions?: SelectorRequirementJson[];
}

/**
 * Which objects of a kind are selected, as an explicit choice among the operator's three states:
 * `none()` (the field is left out: the operator selects nothing), `all()` (`{}`: everything) and
 * `matchLabels()`/`of()` (objects whose labels match).
 */
export class Selector {
  /** Select nothing: the selector field is omitted, which the operator reads as "no objects". */
  public static none(): Selector {
    return new Selector('none');
  }

  /** Select every object (`{}`). */
  public static all(): Selector {
    return new Selector('all');
  }

  /** Select objects carrying all of these labels. */
  public static matchLabels(labels: { [key: string]: string }): Selector {
    return new Selector('match', { matchLabels: labels });
  }

  /** Select objects matching labels and expressions. An empty options object selects everything. */
  public static of(options: SelectorOptions): Selector {
    return new Selector('match', options);
  }

  private constructor(private readonly mode: 'none' | 'all' | 'match', private readonly options: SelectorOptions = {}) {}

  /** True for `Selector.none()`. */
  public get selectsNothing(): boolean {
    return this.mode === 'none';
  }

  /** True when the selector matches every object (`Selector.all()` or empty options). */
  public get selectsEverything(): boolean {
    return this.mode === 'all' || (this.mode === 'match' && this.isEmptyMatch());
  }

  /**
   * Labels an object must carry to be selected: `matchLabels`, plus each `In` requirement with
   * exactly one value. Constructs attach these to the objects they create for the selecting owner.
   */
  public get requiredLabels(): { [key: string]: string } {
    const labels: { [key: string]: string } = { ...(this.options.matchLabels ?? {}) };
    for (const req of this.options.matchExpressions ?? []) {
      if (req.operator === SelectorOperator.IN && req.values?.length === 1) {
        labels[req.key] = req.values[0];
      }
    }
    return labels;
  }

  /**
   * The selector's JSON, or undefined for `none()` (field omitted). Validates keys, values and
   * operators and names `field` in the error.
   * @internal
   */
  public _toJson(scope: IConstruct, field: string): LabelSelectorJson | undefined {
    if (this.mode === 'none') {
      return undefined;
    }
    if (this.mode === 'all') {
      return {};
    }
    validateKubeLabels(scope, `${field}.matchLabels`, this.options.matchLabels);
    const expressions = (this.options.matchExpressions ?? []).map((req, i) => validateRequirement(scope, `${field}.matchExpressions[${i}]`, req));
    return {
      ...(this.options.matchLabels && Object.keys(this.options.matchLabels).length > 0 ? { matchLabels: { ...this.options.matchLabels } } : {}),
      ...(expressions.length > 0 ? { matchExpressions: expressions } : {}),
    };
  }

  private isEmptyMatch(): boolean {
    return Object.keys(this.options.matchLabels ?? {}).length === 0 && (this.options.matchExpressions ?? []).length === 0;
  }
}

function validateRequirement(scope: IConstruct, field: string, req: SelectorRequirement): SelectorRequirementJson {
  if (!isKubeLabelKey(req.key)) {
    fail(scope, `${field}.key`, `"${req.key}" is not a valid Kubernetes label key. Use an optional DNS prefix and "/", then at most 63 alphanumerics, '-', '_' or '.'.`);
  }
  const values = req.values ?? [];
  const needsValues = req.operator === SelectorOperator.IN || req.operator === SelectorOperator.NOT_IN;
  if (needsValues && values.length === 0) {
    fail(scope, `${field}.values`, `operator ${req.operator} needs at least one value.`);
  }
  if (!needsValues && values.length > 0) {
    fail(scope, `${field}.values`, `operator ${req.operator} takes no values; use In or NotIn to compare values.`);
  }
  for (const v of values) {
    if (!isKubeLabelValue(v)) {
      fail(scope, `${field}.values`, `"${v}" is not a valid Kubernetes label value. Use at most 63 alphanumerics, '-', '_' or '.', starting and ending alphanumeric.`);
    }
  }
  return { key: req.key, operator: req.operator, ...(needsValues ? { values: [...values] } : {}) };
}
