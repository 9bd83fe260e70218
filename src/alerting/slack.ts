import * as kplus from 'cdk8s-plus-28';
import { IConstruct } from 'constructs';
import { ConfigRenderContext, CrdRenderContext, defined, NotifierRenderer, validateNonEmpty } from './notifier-context';
import { fail } from '../common/errors';
import { secretKeySelector } from '../common/secret-ref';

/** Options of a Slack notifier (incoming webhook). */
export interface SlackOptions {
  /**
   * A Secret key holding the Slack webhook URL (rendered as `api_url_file`).
   * @default - the global `slackApiUrl`
   */
  readonly apiUrl?: kplus.SecretValue;
  /**
   * Channel or user to post to, e.g. `#alerts`.
   * @default - the webhook's default channel
   */
  readonly channel?: string;
  /**
   * User name the message is posted as.
   * @default - the webhook's default
   */
  readonly username?: string;
  /**
   * Message title template.
   * @default - Alertmanager's default template
   */
  readonly title?: string;
  /**
   * Message text template.
   * @default - Alertmanager's default template
   */
  readonly text?: string;
  /**
   * Emoji used as the poster's icon, e.g. `:rotating_light:`.
   * @default - the webhook's default
   */
  readonly iconEmoji?: string;
  /**
   * Attachment color (template), e.g. `danger`.
   * @default - red while firing, green when resolved
   */
  readonly color?: string;
  /**
   * Whether resolved alerts are sent too.
   * @default false
   */
  readonly sendResolved?: boolean;
}

/** Renders Slack notifiers. */
export function slackRenderer(options: SlackOptions): NotifierRenderer {
  const validate = (scope: IConstruct, field: string): void => {
    for (const name of ['channel', 'username', 'title', 'text', 'iconEmoji', 'color'] as const) {
      validateNonEmpty(scope, `${field}.${name}`, options[name]);
    }
  };
  return {
    configKey: 'slack_configs',
    crdKey: 'slackConfigs',
    renderConfig: (context: ConfigRenderContext) => {
      const { scope, field } = context;
      validate(scope, field);
      if (!options.apiUrl && !context.globals.slackApiUrl) {
        fail(scope, `${field}.apiUrl`, 'no Slack webhook URL: neither this notifier nor the global section sets one. Set apiUrl (a Secret key) here or global.slackApiUrl.');
      }
      return defined({
        api_url_file: options.apiUrl ? context.secretFile(options.apiUrl, `${field}.apiUrl`) : undefined,
        channel: options.channel,
        username: options.username,
        title: options.title,
        text: options.text,
        icon_emoji: options.iconEmoji,
        color: options.color,
        send_resolved: options.sendResolved,
      });
    },
    renderCrd: (context: CrdRenderContext) => {
      validate(context.scope, context.field);
      return defined({
        apiUrl: options.apiUrl ? secretKeySelector(options.apiUrl) : undefined,
        channel: options.channel,
        username: options.username,
        title: options.title,
        text: options.text,
        iconEmoji: options.iconEmoji,
        color: options.color,
        sendResolved: options.sendResolved,
      });
    },
  };
}
