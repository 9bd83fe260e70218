import { Duration } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { IConstruct } from 'constructs';
import { defined, GlobalFallbacks, validateHostPort, validateHttpUrl, validateNonEmpty } from './notifier-context';
import { toPositivePrometheusDuration } from '../common/duration';

/** Alertmanager's global settings: defaults for every notifier of the configuration. */
export interface AlertmanagerGlobalOptions {
  /**
   * After how long an alert that is no longer updated is declared resolved.
   * @default Duration.minutes(5)
   */
  readonly resolveTimeout?: Duration;
  /**
   * Default sender address of email notifiers.
   * @default - none: every email notifier sets `from`
   */
  readonly smtpFrom?: string;
  /**
   * Default SMTP server (`host:port`) of email notifiers.
   * @default - none: every email notifier sets `smarthost`
   */
  readonly smtpSmarthost?: string;
  /**
   * Default host name sent in the SMTP HELO.
   * @default "localhost"
   */
  readonly smtpHello?: string;
  /**
   * Default SMTP user name.
   * @default - no authentication
   */
  readonly smtpAuthUsername?: string;
  /**
   * A Secret key holding the default SMTP password (rendered as `smtp_auth_password_file`).
   * @default - no password
   */
  readonly smtpAuthPassword?: kplus.SecretValue;
  /**
   * Whether STARTTLS is required by default.
   * @default true
   */
  readonly smtpRequireTls?: boolean;
  /**
   * A Secret key holding the default Slack webhook URL (rendered as `slack_api_url_file`).
   * @default - none: every Slack notifier sets `apiUrl`
   */
  readonly slackApiUrl?: kplus.SecretValue;
  /**
   * Default PagerDuty Events API URL.
   * @default - PagerDuty's public endpoint
   */
  readonly pagerdutyUrl?: string;
  /**
   * Default Opsgenie API URL.
   * @default - https://api.opsgenie.com/
   */
  readonly opsgenieApiUrl?: string;
  /**
   * A Secret key holding the default Opsgenie API key (rendered as `opsgenie_api_key_file`).
   * @default - none: every Opsgenie notifier sets `apiKey`
   */
  readonly opsgenieApiKey?: kplus.SecretValue;
}

/** Which global settings notifiers may fall back on. */
export function globalFallbacks(options: AlertmanagerGlobalOptions): GlobalFallbacks {
  return {
    smtpFrom: options.smtpFrom !== undefined,
    smtpSmarthost: options.smtpSmarthost !== undefined,
    slackApiUrl: options.slackApiUrl !== undefined,
    opsgenieApiKey: options.opsgenieApiKey !== undefined,
  };
}

/** Renders the `global` section of alertmanager.yaml (undefined when nothing is set). */
export function renderGlobal(
  scope: IConstruct, options: AlertmanagerGlobalOptions, secretFile: (value: kplus.SecretValue, field: string) => string,
): object | undefined {
  for (const name of ['smtpFrom', 'smtpHello', 'smtpAuthUsername'] as const) {
    validateNonEmpty(scope, `global.${name}`, options[name]);
  }
  validateHostPort(scope, 'global.smtpSmarthost', options.smtpSmarthost);
  validateHttpUrl(scope, 'global.pagerdutyUrl', options.pagerdutyUrl);
  validateHttpUrl(scope, 'global.opsgenieApiUrl', options.opsgenieApiUrl);
  const out = defined({
    resolve_timeout: options.resolveTimeout && toPositivePrometheusDuration(scope, 'global.resolveTimeout', options.resolveTimeout),
    smtp_from: options.smtpFrom,
    smtp_smarthost: options.smtpSmarthost,
    smtp_hello: options.smtpHello,
    smtp_auth_username: options.smtpAuthUsername,
    smtp_auth_password_file: options.smtpAuthPassword ? secretFile(options.smtpAuthPassword, 'global.smtpAuthPassword') : undefined,
    smtp_require_tls: options.smtpRequireTls,
    slack_api_url_file: options.slackApiUrl ? secretFile(options.slackApiUrl, 'global.slackApiUrl') : undefined,
    pagerduty_url: options.pagerdutyUrl,
    opsgenie_api_url: options.opsgenieApiUrl,
    opsgenie_api_key_file: options.opsgenieApiKey ? secretFile(options.opsgenieApiKey, 'global.opsgenieApiKey') : undefined,
  });
  return Object.keys(out).length > 0 ? out : undefined;
}
