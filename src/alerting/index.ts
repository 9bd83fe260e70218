// Re-exports of the alerting constructs.
export { Alertmanager, AlertmanagerConfigMatcherStrategy } from './alertmanager';
export type { AlertmanagerProps } from './alertmanager';
export type { AlertmanagerSecurityContext, AlertmanagerStorageOptions } from './alertmanager-pod';
export { AlertmanagerConfig } from './alertmanager-config';
export type { AlertmanagerConfigProps } from './alertmanager-config';
export type { AlertmanagerGlobalOptions } from './global';
export type { InhibitRule } from './inhibit-rule';
export { Matcher, MatchOperator } from './matcher';
export type { MatcherCrdJson } from './matcher';
export { Notifier } from './notifier';
export type { Receiver } from './receiver';
export type { Route } from './route';
export type { WebhookOptions } from './webhook';
export type { EmailOptions } from './email';
export type { SlackOptions } from './slack';
export type { PagerDutyOptions } from './pagerduty';
export { OpsgenieResponderType } from './opsgenie';
export type { OpsgenieOptions, OpsgenieResponder } from './opsgenie';
