// Re-exports of the rules constructs.
export { AlertRuleGroup } from './alert-rule-group';
export type { AlertRuleGroupOptions, AlertRuleGroupProps } from './alert-rule-group';
export { Rule } from './rule';
export type { AlertingRuleOptions, RecordingRuleOptions } from './rule';
export { RuleGroup, PartialResponseStrategy } from './rule-group';
export type { RuleGroupOptions, RuleGroupSettings } from './rule-group';
export { PromQL } from './promql';
export type { PromQLProblem } from './promql';
