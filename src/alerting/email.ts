import * as kplus from 'cdk8s-plus-28';
import { IConstruct } from 'constructs';
import { ConfigRenderContext, CrdRenderContext, defined, keyValueList, NotifierRenderer, nonEmptyMap, validateHostPort, validateNonEmpty } from './notifier-context';
import { fail } from '../common/errors';
import { secretKeySelector } from '../common/secret-ref';

/** Options of an email notifier. */
export interface EmailOptions {
  /** Recipient address(es), comma-separated. */
  readonly to: string;
  /**
   * Sender address.
   * @default - the global `smtpFrom`
   */
  readonly from?: string;
  /**
   * SMTP server as `host:port`.
   * @default - the global `smtpSmarthost`
   */
  readonly smarthost?: string;
  /**
   * Host name sent in the SMTP HELO.
   * @default "localhost"
   */
  readonly hello?: string;
  /**
   * SMTP user name.
   * @default - the global `smtpAuthUsername`
   */
  readonly authUsername?: string;
  /**
   * A Secret key holding the SMTP password (rendered as `auth_password_file`).
   * @default - the global `smtpAuthPassword`
   */
  readonly authPassword?: kplus.SecretValue;
  /**
   * Identity for SMTP PLAIN authentication.
   * @default - none
   */
  readonly authIdentity?: string;
  /**
   * Whether STARTTLS is required.
   * @default - the global `smtpRequireTls` (true)
   */
  readonly requireTls?: boolean;
  /**
   * Extra mail headers (e.g. `Subject`).
   * @default - Alertmanager's default headers
   */
  readonly headers?: { [name: string]: string };
  /**
   * HTML body template.
   * @default - Alertmanager's default template
   */
  readonly html?: string;
  /**
   * Plain text body template.
   * @default - none
   */
  readonly text?: string;
  /**
   * Whether resolved alerts are sent too.
   * @default false
   */
  readonly sendResolved?: boolean;
}

/** Renders email notifiers. */
export function emailRenderer(options: EmailOptions): NotifierRenderer {
  const validate = (scope: IConstruct, field: string): void => {
    if (typeof options.to !== 'string' || options.to.trim() === '') {
      fail(scope, `${field}.to`, 'the recipient is empty. Give at least one address, e.g. "oncall@example.com".');
    }
    for (const name of ['from', 'hello', 'authUsername', 'authIdentity', 'text'] as const) {
      validateNonEmpty(scope, `${field}.${name}`, options[name]);
    }
    validateHostPort(scope, `${field}.smarthost`, options.smarthost);
    if (options.authPassword && options.authUsername === undefined) {
      fail(scope, `${field}.authUsername`, 'authPassword is set without authUsername. Give the SMTP user name the password belongs to.');
    }
    const lower = Object.keys(options.headers ?? {}).map((h) => h.toLowerCase());
    const repeated = lower.find((h, i) => lower.indexOf(h) !== i);
    if (repeated) {
      fail(scope, `${field}.headers`, `the header "${repeated}" appears twice (header names are case-insensitive). Keep one of them.`);
    }
  };
  return {
    configKey: 'email_configs',
    crdKey: 'emailConfigs',
    renderConfig: (context: ConfigRenderContext) => {
      const { scope, field, globals } = context;
      validate(scope, field);
      if (options.smarthost === undefined && !globals.smtpSmarthost) {
        fail(scope, `${field}.smarthost`, 'no SMTP server: neither this email notifier nor the global section sets one. Set smarthost here or global.smtpSmarthost.');
      }
      if (options.from === undefined && !globals.smtpFrom) {
        fail(scope, `${field}.from`, 'no sender address: neither this email notifier nor the global section sets one. Set from here or global.smtpFrom.');
      }
      return defined({
        to: options.to,
        from: options.from,
        smarthost: options.smarthost,
        hello: options.hello,
        auth_username: options.authUsername,
        auth_password_file: options.authPassword ? context.secretFile(options.authPassword, `${field}.authPassword`) : undefined,
        auth_identity: options.authIdentity,
        require_tls: options.requireTls,
        headers: nonEmptyMap(options.headers),
        html: options.html,
        text: options.text,
        send_resolved: options.sendResolved,
      });
    },
    renderCrd: (context: CrdRenderContext) => {
      validate(context.scope, context.field);
      return defined({
        to: options.to,
        from: options.from,
        smarthost: options.smarthost,
        hello: options.hello,
        authUsername: options.authUsername,
        authPassword: options.authPassword ? secretKeySelector(options.authPassword) : undefined,
        authIdentity: options.authIdentity,
        requireTls: options.requireTls,
        headers: keyValueList(options.headers),
        html: options.html,
        text: options.text,
        sendResolved: options.sendResolved,
      });
    },
  };
}
