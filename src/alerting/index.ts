// Re-exports of the alerting constructs.
export { Alertmanager, AlertmanagerProps, AlertmanagerConfigMatcherStrategy } from './alertmanager';
export { AlertmanagerSecurityContext, AlertmanagerStorageOptions } from './alertmanager-pod';
export { AlertmanagerConfig, AlertmanagerConfigProps } from './alertmanager-config';
export { AlertmanagerGlobalOptions } from './global';
export { InhibitRule } from './inhibit-rule';
export { Matcher, MatchOperator, MatcherCrdJson } from './matcher';
export { Notifier } from './notifier';
export { Receiver } from './receiver';
export { Route } from './route';
export { WebhookOptions } from './webhook';
export { EmailOptions } from './email';
export { SlackOptions } from './slack';
export { PagerDutyOptions } from './pagerduty';
export { OpsgenieOptions, OpsgenieResponder, OpsgenieResponderType } from './opsgenie';
