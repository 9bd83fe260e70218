import { IConstruct } from 'constructs';
import { fail } from '../common/errors';
import { re2SyntaxError } from '../common/re2';
import { isValidLabelName } from '../resolver/relabel/label-names';

/** How a matcher compares an alert's label with its value. */
export enum MatchOperator {
  /** The label equals the value. */
  EQUAL = '=',
  /** The label differs from the value (or is absent, when the value is not empty). */
  NOT_EQUAL = '!=',
  /** The label matches the RE2 regular expression (anchored at both ends). */
  REGEX = '=~',
  /** The label does not match the RE2 regular expression. */
  NOT_REGEX = '!~',
}

/** The AlertmanagerConfig CRD's form of a matcher. */
export interface MatcherCrdJson {
  /** Label name. */
  readonly name: string;
  /** Value or regular expression. */
  readonly value: string;
  /** `=`, `!=`, `=~` or `!~`. */
  readonly matchType: string;
}

/**
 * A condition on one alert label, used by routes and inhibit rules. Rendered in Alertmanager's
 * matcher syntax (`severity="critical"`) or as the AlertmanagerConfig CRD's `{name, value, matchType}`.
 */
export class Matcher {
  /** The label equals `value`. */
  public static equal(name: string, value: string): Matcher {
    return new Matcher(name, MatchOperator.EQUAL, value);
  }

  /** The label differs from `value`. */
  public static notEqual(name: string, value: string): Matcher {
    return new Matcher(name, MatchOperator.NOT_EQUAL, value);
  }

  /** The label matches the RE2 expression `regex` (anchored: it must match the whole value). */
  public static regex(name: string, regex: string): Matcher {
    return new Matcher(name, MatchOperator.REGEX, regex);
  }

  /** The label does not match the RE2 expression `regex`. */
  public static notRegex(name: string, regex: string): Matcher {
    return new Matcher(name, MatchOperator.NOT_REGEX, regex);
  }

  /** A matcher with an explicit operator. */
  public static of(name: string, operator: MatchOperator, value: string): Matcher {
    return new Matcher(name, operator, value);
  }

  private constructor(
    /** The label name. */
    public readonly name: string,
    /** The comparison. */
    public readonly operator: MatchOperator,
    /** The value or regular expression. */
    public readonly value: string,
  ) {}

  /**
   * Validates the label name and, for regex operators, the RE2 expression.
   * @internal
   */
  public _validate(scope: IConstruct, field: string): void {
    if (!isValidLabelName(this.name)) {
      fail(scope, `${field}.name`, `"${this.name}" is not a valid label name. Use letters, digits and '_', not starting with a digit.`);
    }
    if (this.operator === MatchOperator.REGEX || this.operator === MatchOperator.NOT_REGEX) {
      const error = re2SyntaxError(this.value);
      if (error) {
        fail(scope, `${field}.value`, `${JSON.stringify(this.value)} is not a valid RE2 regular expression (${error}). Use Go regexp syntax, e.g. "critical|page".`);
      }
    }
  }

  /**
   * The matcher in Alertmanager's configuration syntax, e.g. `severity="critical"`.
   * @internal
   */
  public _toAlertmanager(): string {
    return `${this.name}${this.operator}${JSON.stringify(this.value)}`;
  }

  /**
   * The matcher in the AlertmanagerConfig CRD's form.
   * @internal
   */
  public _toCrd(): MatcherCrdJson {
    return { name: this.name, value: this.value, matchType: this.operator };
  }
}

/** Validates matchers and renders them in Alertmanager's syntax. */
export function renderMatchers(scope: IConstruct, field: string, matchers: Matcher[]): string[] {
  return matchers.map((m, i) => {
    m._validate(scope, `${field}[${i}]`);
    return m._toAlertmanager();
  });
}

/** Validates matchers and renders them in the AlertmanagerConfig CRD's form. */
export function renderCrdMatchers(scope: IConstruct, field: string, matchers: Matcher[]): MatcherCrdJson[] {
  return matchers.map((m, i) => {
    m._validate(scope, `${field}[${i}]`);
    return m._toCrd();
  });
}
