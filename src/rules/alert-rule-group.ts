import { ApiObjectMetadata, Chart, Duration, Lazy } from 'cdk8s';
import { Construct } from 'constructs';
import { stringify } from 'yaml';
import { AlertingRuleOptions, RecordingRuleOptions, Rule } from './rule';
import { PartialResponseStrategy, RuleGroup, RuleGroupOptions } from './rule-group';
import { Checks } from '../checks/checks';
import { fail } from '../common/errors';
import { ISelectingPrometheus, SelectableKind } from '../common/selecting';
import { withSelectionLabels } from '../common/selection-labels';
import * as monitoring from '../imports/monitoring.coreos.com';

/** The operator rejects a PrometheusRule whose rendered rules exceed half the 1 MiB Secret limit. */
const MAX_RULE_FILE_BYTES = 512 * 1024;

/** Options of an AlertRuleGroup (everything but the Prometheus it belongs to). */
export interface AlertRuleGroupOptions {
  /**
   * Name, namespace, labels and annotations of the PrometheusRule.
   * @default - a name generated from the construct path, the chart's namespace
   */
  readonly metadata?: ApiObjectMetadata;
  /**
   * Name of the first rule group (more groups: `addGroup()`).
   * @default - the PrometheusRule's name
   */
  readonly groupName?: string;
  /**
   * Rules of the first group, evaluated in order.
   * @default [] - add rules with `addAlert()`, `addRecord()` or `addRule()`
   */
  readonly rules?: Rule[];
  /**
   * Evaluation interval of the first group.
   * @default - the Prometheus's evaluationInterval
   */
  readonly interval?: Duration;
  /**
   * Limit on alerts or series per rule of the first group (0: no limit).
   * @default - no limit
   */
  readonly limit?: number;
  /**
   * Query offset of the first group (Prometheus >= 2.53).
   * @default - the Prometheus's global rule query offset
   */
  readonly queryOffset?: Duration;
  /**
   * Thanos Ruler partial response strategy of the first group.
   * @default - Thanos's default (abort)
   */
  readonly partialResponseStrategy?: PartialResponseStrategy;
  /**
   * Labels added to every rule of the first group (Prometheus >= 3.0).
   * @default {}
   */
  readonly groupLabels?: { [name: string]: string };
}

/** Properties of an AlertRuleGroup. */
export interface AlertRuleGroupProps extends AlertRuleGroupOptions {
  /**
   * The Prometheus that evaluates these rules: the labels its ruleSelector needs are added to
   * `metadata.labels` (an own label with another value is an error).
   * @default - no labels are added; the PrometheusRule is selected only if its own labels match
   */
  readonly prometheus?: ISelectingPrometheus;
}

/**
 * A prometheus-operator PrometheusRule holding alerting and recording rules in named groups.
 * Every expression is parsed at synth time with the Prometheus project's PromQL grammar; an error
 * names the group, the rule and the position. The first group is created from the props;
 * `addGroup()` adds more. Groups left without rules are not rendered.
 *
 * Creating it turns on the synth-time checks of its app ({@link Checks}): mistakes that would
 * make the operator lose targets, rules or alerts fail synth; warnings are printed.
 */
export class AlertRuleGroup extends Construct {
  /** The generated PrometheusRule object (child id `Resource`), for escape hatches such as `addJsonPatch`. */
  public readonly resource: monitoring.PrometheusRule;
  /** Namespace of the PrometheusRule, when known (its metadata's or its chart's). */
  public readonly namespace?: string;
  /** The group created from the props. */
  public readonly defaultGroup: RuleGroup;
  private readonly groups: RuleGroup[] = [];

  constructor(scope: Construct, id: string, props: AlertRuleGroupProps = {}) {
    super(scope, id);
    Checks.of(this);
    this.namespace = props.metadata?.namespace ?? Chart.of(this).namespace;
    const required = props.prometheus ? props.prometheus.selectionLabels(SelectableKind.PROMETHEUS_RULE) : {};
    const labels = withSelectionLabels(this, 'metadata.labels', props.metadata?.labels, required,
      `Prometheus ${props.prometheus?.prometheusKey} selects PrometheusRules by`);
    this.resource = new monitoring.PrometheusRule(this, 'Resource', {
      metadata: { ...(props.metadata ?? {}), ...(Object.keys(labels).length > 0 ? { labels } : {}) },
      spec: Lazy.any({ produce: () => this.renderSpec() }) as monitoring.PrometheusRuleSpec,
    });
    this.defaultGroup = this.addGroup({
      name: props.groupName ?? this.resource.name,
      rules: props.rules,
      interval: props.interval,
      limit: props.limit,
      queryOffset: props.queryOffset,
      partialResponseStrategy: props.partialResponseStrategy,
      labels: props.groupLabels,
    });
    this.node.addValidation({ validate: () => this.validateContent() });
  }

  /** Name of the PrometheusRule object. */
  public get name(): string {
    return this.resource.name;
  }

  /** Names of the rule groups, in order. */
  public get groupNames(): string[] {
    return this.groups.map((g) => g.name);
  }

  /**
   * Adds a rule group. Its name must differ from every other group of this PrometheusRule
   * (Prometheus rejects a rule file with a repeated group name).
   */
  public addGroup(options: RuleGroupOptions): RuleGroup {
    const field = `groups[${this.groups.length}]`;
    const previous = this.groups.findIndex((g) => g.name === options.name);
    if (previous >= 0) {
      fail(this, `${field}.name`, `"${options.name}" repeats groups[${previous}].name. Group names must be unique within a PrometheusRule `
        + '(Prometheus rejects the whole rule file otherwise); rename the group or add the rules to the existing one.');
    }
    const group = RuleGroup._create(this, field, options);
    this.groups.push(group);
    return group;
  }

  /** Adds a rule to the default group. */
  public addRule(rule: Rule): RuleGroup {
    return this.defaultGroup.addRule(rule);
  }

  /** Adds an alerting rule to the default group. */
  public addAlert(options: AlertingRuleOptions): RuleGroup {
    return this.defaultGroup.addAlert(options);
  }

  /** Adds a recording rule to the default group. */
  public addRecord(options: RecordingRuleOptions): RuleGroup {
    return this.defaultGroup.addRecord(options);
  }

  private renderSpec(): monitoring.PrometheusRuleSpec {
    return { groups: this.groups.filter((g) => g.ruleCount > 0).map((g) => g._toSpec()) };
  }

  private validateContent(): string[] {
    if (this.groups.every((g) => g.ruleCount === 0)) {
      return ['spec.groups: the PrometheusRule has no rules. Pass rules or call addAlert(), addRecord() or addGroup() with rules.'];
    }
    const bytes = Buffer.byteLength(stringify(this.resource.toJson().spec ?? {}), 'utf8');
    if (bytes <= MAX_RULE_FILE_BYTES) {
      return [];
    }
    return [`spec.groups: the rules render to ${bytes} bytes, above the operator's limit of ${MAX_RULE_FILE_BYTES} bytes per PrometheusRule; `
      + 'the operator would reject it. Split the groups over several AlertRuleGroups.'];
  }
}
