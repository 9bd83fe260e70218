import * as kplus from 'cdk8s-plus-28';
import { ConfigRenderContext, CrdRenderContext, defined, NotifierRenderer, validateHttpUrl } from './notifier-context';
import { fail } from '../common/errors';
import { secretKeySelector } from '../common/secret-ref';

/** Options of a webhook notifier: Alertmanager POSTs the alerts as JSON. */
export interface WebhookOptions {
  /**
   * The endpoint, when it holds no secret. Exactly one of `url` and `urlSecret` is needed.
   * @default - `urlSecret`
   */
  readonly url?: string;
  /**
   * A Secret key holding the endpoint, for URLs that embed a token (rendered as `url_file`).
   * @default - `url`
   */
  readonly urlSecret?: kplus.SecretValue;
  /**
   * A Secret key holding a bearer token sent in the `Authorization` header.
   * @default - no Authorization header
   */
  readonly bearerToken?: kplus.SecretValue;
  /**
   * Whether resolved alerts are sent too.
   * @default true
   */
  readonly sendResolved?: boolean;
  /**
   * Maximum number of alerts in one message (0: all).
   * @default 0
   */
  readonly maxAlerts?: number;
}

/** Renders webhook notifiers. */
export function webhookRenderer(options: WebhookOptions): NotifierRenderer {
  const validate = (context: ConfigRenderContext | CrdRenderContext): void => {
    const { scope, field } = context;
    if ((options.url === undefined) === (options.urlSecret === undefined)) {
      fail(scope, `${field}.url`, 'a webhook needs exactly one of url and urlSecret. Use url for a plain endpoint, urlSecret when the URL carries a token.');
    }
    validateHttpUrl(scope, `${field}.url`, options.url);
    if (options.maxAlerts !== undefined && (!Number.isInteger(options.maxAlerts) || options.maxAlerts < 0)) {
      fail(scope, `${field}.maxAlerts`, `${options.maxAlerts} is not allowed. Use a whole number of at least 0 (0 sends all alerts).`);
    }
  };
  return {
    configKey: 'webhook_configs',
    crdKey: 'webhookConfigs',
    renderConfig: (context) => {
      validate(context);
      const { field } = context;
      return defined({
        url: options.url,
        url_file: options.urlSecret ? context.secretFile(options.urlSecret, `${field}.urlSecret`) : undefined,
        send_resolved: options.sendResolved,
        max_alerts: options.maxAlerts,
        http_config: options.bearerToken
          ? { authorization: { type: 'Bearer', credentials_file: context.secretFile(options.bearerToken, `${field}.bearerToken`) } }
          : undefined,
      });
    },
    renderCrd: (context) => {
      validate(context);
      return defined({
        url: options.url,
        urlSecret: options.urlSecret ? secretKeySelector(options.urlSecret) : undefined,
        sendResolved: options.sendResolved,
        maxAlerts: options.maxAlerts,
        httpConfig: options.bearerToken ? { authorization: { type: 'Bearer', credentials: secretKeySelector(options.bearerToken) } } : undefined,
      });
    },
  };
}
