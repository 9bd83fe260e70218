// Re-exports of the rules constructs.
export * from './alert-rule-group';
export { Rule, AlertingRuleOptions, RecordingRuleOptions } from './rule';
export * from './rule-group';
export * from './promql';
