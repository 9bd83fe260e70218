import { Duration } from 'cdk8s';
import { IConstruct } from 'constructs';
import { analyzePromQL } from './promql-checker';
import { PromQLType } from './promql-functions';
import { positionOf } from './promql-text';
import { validateAlertName, validateAnnotationNames, validateRecordName, validateRuleLabels, validateTemplate } from './rule-validation';
import { toPrometheusDuration } from '../common/duration';
import { fail } from '../common/errors';
import * as monitoring from '../imports/monitoring.coreos.com';

/** Options of an alerting rule. */
export interface AlertingRuleOptions {
  /** Name of the alert (the `alertname` label), e.g. `HighErrorRate`. */
  readonly alert: string;
  /** PromQL expression; every series it returns is a firing alert. Checked at synth time. */
  readonly expr: string;
  /**
   * How long the expression must return a series before the alert fires.
   * @default - the alert fires on the first evaluation that returns it
   */
  readonly for?: Duration;
  /**
   * How long the alert keeps firing after the expression stops returning it.
   * @default - it resolves at once
   */
  readonly keepFiringFor?: Duration;
  /**
   * Labels added to the alert (e.g. `severity`); values may use Go templates.
   * @default {}
   */
  readonly labels?: { [name: string]: string };
  /**
   * The `summary` annotation: a one-line description; may use Go templates.
   * @default - none
   */
  readonly summary?: string;
  /**
   * The `description` annotation: details for the responder; may use Go templates.
   * @default - none
   */
  readonly description?: string;
  /**
   * The `runbook_url` annotation: where the responder finds what to do.
   * @default - none
   */
  readonly runbookUrl?: string;
  /**
   * Further annotations (names follow the label name rules). `summary`, `description` and
   * `runbookUrl` take precedence over entries of the same name here.
   * @default {}
   */
  readonly annotations?: { [name: string]: string };
}

/** Options of a recording rule. */
export interface RecordingRuleOptions {
  /** Name of the metric the rule writes, e.g. `job:http_requests:rate5m`. */
  readonly record: string;
  /** PromQL expression whose result is recorded. Checked at synth time. */
  readonly expr: string;
  /**
   * Labels added to the recorded series.
   * @default {}
   */
  readonly labels?: { [name: string]: string };
}

/** Where a rule sits, for error messages. */
export interface RuleLocation {
  /** The construct that reports errors. */
  readonly scope: IConstruct;
  /** Field path of the rule, e.g. `groups[0].rules[2]`. */
  readonly field: string;
  /** Name of the rule group. */
  readonly group: string;
}

/**
 * An alerting or recording rule of a PrometheusRule group. Create one with `Rule.alert(...)` or
 * `Rule.record(...)`.
 */
export abstract class Rule {
  /** An alerting rule. */
  public static alert(options: AlertingRuleOptions): Rule {
    return new AlertingRule(options);
  }

  /** A recording rule. */
  public static record(options: RecordingRuleOptions): Rule {
    return new RecordingRule(options);
  }

  /** The alert name or the recorded metric name. */
  public abstract readonly name: string;

  /** True for alerting rules, false for recording rules. */
  public abstract readonly isAlert: boolean;

  /**
   * Validates the rule and returns it in the PrometheusRule's form.
   * @internal
   */
  public abstract _render(location: RuleLocation): monitoring.PrometheusRuleSpecGroupsRules;
}

/** Checks a rule's expression, naming the group, the rule and the position of the problem. */
function checkExpr(location: RuleLocation, what: string, expr: string): void {
  const field = `${location.field}.expr`;
  const where = `group "${location.group}", ${what}`;
  if (typeof expr !== 'string' || expr.trim() === '') {
    fail(location.scope, field, `${where}: the expression is empty. Write a PromQL expression, e.g. up == 0.`);
  }
  const { problem, type } = analyzePromQL(expr);
  if (problem) {
    const { line, column } = positionOf(expr, problem.offset);
    fail(location.scope, field, `${where}: PromQL error at ${line}:${column}: ${problem.message} (in ${JSON.stringify(expr)}). `
      + 'Write an expression that Prometheus 3 parses without experimental features; promtool check rules reports the same position.');
  }
  if (type !== PromQLType.VECTOR && type !== PromQLType.SCALAR) {
    fail(location.scope, field, `${where}: the expression returns a ${type}, which a rule cannot evaluate (in ${JSON.stringify(expr)}). `
      + 'Use an expression that returns an instant vector or a scalar (wrap range vectors in a function such as rate()).');
  }
}

class AlertingRule extends Rule {
  public readonly name: string;
  public readonly isAlert = true;

  constructor(private readonly options: AlertingRuleOptions) {
    super();
    this.name = options.alert;
  }

  public _render(location: RuleLocation): monitoring.PrometheusRuleSpecGroupsRules {
    const o = this.options;
    const { scope, field } = location;
    validateAlertName(scope, `${field}.alert`, o.alert);
    checkExpr(location, `alert "${o.alert}"`, o.expr);
    validateRuleLabels(scope, `${field}.labels`, o.labels);
    const annotations: { [name: string]: string } = {
      ...(o.annotations ?? {}),
      ...(o.summary !== undefined ? { summary: o.summary } : {}),
      ...(o.description !== undefined ? { description: o.description } : {}),
      ...(o.runbookUrl !== undefined ? { runbook_url: o.runbookUrl } : {}),
    };
    validateAnnotationNames(scope, `${field}.annotations`, annotations);
    for (const [name, value] of Object.entries(o.labels ?? {})) {
      validateTemplate(scope, `${field}.labels.${name}`, value);
    }
    for (const [name, value] of Object.entries(annotations)) {
      validateTemplate(scope, `${field}.annotations.${name}`, value);
    }
    return {
      alert: o.alert,
      expr: monitoring.PrometheusRuleSpecGroupsRulesExpr.fromString(o.expr),
      for: o.for ? toPrometheusDuration(scope, `${field}.for`, o.for) : undefined,
      keepFiringFor: o.keepFiringFor ? toPrometheusDuration(scope, `${field}.keepFiringFor`, o.keepFiringFor) : undefined,
      labels: o.labels && Object.keys(o.labels).length > 0 ? { ...o.labels } : undefined,
      annotations: Object.keys(annotations).length > 0 ? annotations : undefined,
    };
  }
}

class RecordingRule extends Rule {
  public readonly name: string;
  public readonly isAlert = false;

  constructor(private readonly options: RecordingRuleOptions) {
    super();
    this.name = options.record;
  }

  public _render(location: RuleLocation): monitoring.PrometheusRuleSpecGroupsRules {
    const o = this.options;
    validateRecordName(location.scope, `${location.field}.record`, o.record);
    checkExpr(location, `recording rule "${o.record}"`, o.expr);
    validateRuleLabels(location.scope, `${location.field}.labels`, o.labels);
    return {
      record: o.record,
      expr: monitoring.PrometheusRuleSpecGroupsRulesExpr.fromString(o.expr),
      labels: o.labels && Object.keys(o.labels).length > 0 ? { ...o.labels } : undefined,
    };
  }
}
