import { Duration } from 'cdk8s';
import { IConstruct } from 'constructs';
import { AlertingRuleOptions, RecordingRuleOptions, Rule } from './rule';
import { validateRuleLabels } from './rule-validation';
import { toPositivePrometheusDuration, toPrometheusDuration } from '../common/duration';
import { fail } from '../common/errors';
import * as monitoring from '../imports/monitoring.coreos.com';

/** How Thanos Ruler treats partial query responses (ignored by Prometheus, which drops the field). */
export enum PartialResponseStrategy {
  /** Fail the evaluation when a store is unavailable. */
  ABORT = 'abort',
  /** Evaluate on partial data and warn. */
  WARN = 'warn',
}

/** Settings of a rule group (everything but its name and rules). */
export interface RuleGroupSettings {
  /**
   * How often the group's rules are evaluated.
   * @default - the Prometheus's evaluationInterval
   */
  readonly interval?: Duration;
  /**
   * Maximum number of alerts an alerting rule and series a recording rule may produce (0: no limit).
   * @default - no limit
   */
  readonly limit?: number;
  /**
   * How far in the past rules are evaluated, to let data arrive (Prometheus >= 2.53).
   * @default - the Prometheus's global rule query offset
   */
  readonly queryOffset?: Duration;
  /**
   * Partial response strategy for Thanos Ruler (`partial_response_strategy`). Prometheus ignores it.
   * @default - Thanos's default (abort)
   */
  readonly partialResponseStrategy?: PartialResponseStrategy;
  /**
   * Labels added to every rule of the group (Prometheus >= 3.0; older versions drop them).
   * @default {}
   */
  readonly labels?: { [name: string]: string };
}

/** Options of a rule group. */
export interface RuleGroupOptions extends RuleGroupSettings {
  /** Group name, unique within the PrometheusRule. */
  readonly name: string;
  /**
   * The rules, evaluated in order (a recording rule before the rules that read its metric).
   * @default []
   */
  readonly rules?: Rule[];
}

/**
 * One group of a PrometheusRule: rules evaluated in sequence at the group's interval. Obtain one
 * from `AlertRuleGroup.addGroup(...)` (or `AlertRuleGroup.defaultGroup`). Rules are validated as
 * they are added.
 */
export class RuleGroup {
  /**
   * Creates a group reporting errors on `scope` under the field path `field`.
   * @internal
   */
  public static _create(scope: IConstruct, field: string, options: RuleGroupOptions): RuleGroup {
    return new RuleGroup(scope, field, options);
  }

  /** The group's name. */
  public readonly name: string;
  private readonly rendered: monitoring.PrometheusRuleSpecGroupsRules[] = [];
  private readonly settings: monitoring.PrometheusRuleSpecGroups;

  private constructor(private readonly scope: IConstruct, private readonly field: string, options: RuleGroupOptions) {
    if (typeof options.name !== 'string' || options.name.trim() === '') {
      fail(scope, `${field}.name`, 'a rule group needs a non-empty name. Name it after what its rules watch (e.g. "web.rules").');
    }
    this.name = options.name;
    this.settings = renderSettings(scope, field, options);
    for (const rule of options.rules ?? []) {
      this.addRule(rule);
    }
  }

  /** The number of rules in the group. */
  public get ruleCount(): number {
    return this.rendered.length;
  }

  /** Adds a rule at the end of the group; throws a ValidationError if it is not valid. */
  public addRule(rule: Rule): RuleGroup {
    const field = `${this.field}.rules[${this.rendered.length}]`;
    this.rendered.push(rule._render({ scope: this.scope, field, group: this.name }));
    return this;
  }

  /** Adds an alerting rule at the end of the group. */
  public addAlert(options: AlertingRuleOptions): RuleGroup {
    return this.addRule(Rule.alert(options));
  }

  /** Adds a recording rule at the end of the group. */
  public addRecord(options: RecordingRuleOptions): RuleGroup {
    return this.addRule(Rule.record(options));
  }

  /**
   * The group in the PrometheusRule's form.
   * @internal
   */
  public _toSpec(): monitoring.PrometheusRuleSpecGroups {
    return { ...this.settings, rules: [...this.rendered] };
  }
}

function renderSettings(scope: IConstruct, field: string, options: RuleGroupOptions): monitoring.PrometheusRuleSpecGroups {
  if (options.limit !== undefined && (!Number.isInteger(options.limit) || options.limit < 0)) {
    fail(scope, `${field}.limit`, `${options.limit} is not a valid limit. Use a whole number >= 0 (0 means no limit).`);
  }
  validateRuleLabels(scope, `${field}.labels`, options.labels);
  return {
    name: options.name,
    interval: options.interval ? toPositivePrometheusDuration(scope, `${field}.interval`, options.interval) : undefined,
    limit: options.limit,
    queryOffset: options.queryOffset ? toPrometheusDuration(scope, `${field}.queryOffset`, options.queryOffset) : undefined,
    partialResponseStrategy: options.partialResponseStrategy,
    labels: options.labels && Object.keys(options.labels).length > 0 ? { ...options.labels } : undefined,
  };
}
