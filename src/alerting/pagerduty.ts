import * as kplus from 'cdk8s-plus-28';
import { IConstruct } from 'constructs';
import {
  ConfigRenderContext, CrdRenderContext, defined, keyValueList, NotifierRenderer, nonEmptyMap, validateHttpUrl, validateNonEmpty,
} from './notifier-context';
import { fail } from '../common/errors';
import { secretKeySelector } from '../common/secret-ref';

/** Options of a PagerDuty notifier. */
export interface PagerDutyOptions {
  /**
   * A Secret key holding the Events API v2 integration key (rendered as `routing_key_file`).
   * Exactly one of `routingKey` and `serviceKey` is needed.
   * @default - `serviceKey`
   */
  readonly routingKey?: kplus.SecretValue;
  /**
   * A Secret key holding the Events API v1 service key (rendered as `service_key_file`).
   * @default - `routingKey`
   */
  readonly serviceKey?: kplus.SecretValue;
  /**
   * Events API URL.
   * @default - the global `pagerdutyUrl` (PagerDuty's public endpoint)
   */
  readonly url?: string;
  /**
   * Severity of the incident (template), e.g. `critical`.
   * @default "error"
   */
  readonly severity?: string;
  /**
   * Incident description (template).
   * @default - Alertmanager's default template
   */
  readonly description?: string;
  /**
   * Name of the monitoring client.
   * @default "Alertmanager"
   */
  readonly client?: string;
  /**
   * Link back to the monitoring client.
   * @default - the Alertmanager's external URL
   */
  readonly clientUrl?: string;
  /**
   * Incident class.
   * @default - none
   */
  readonly class?: string;
  /**
   * Affected component.
   * @default - none
   */
  readonly component?: string;
  /**
   * Logical group of the affected component.
   * @default - none
   */
  readonly group?: string;
  /**
   * Custom details attached to the incident.
   * @default - Alertmanager's default details
   */
  readonly details?: { [key: string]: string };
  /**
   * Whether resolved alerts are sent too.
   * @default true
   */
  readonly sendResolved?: boolean;
}

/** Renders PagerDuty notifiers. */
export function pagerDutyRenderer(options: PagerDutyOptions): NotifierRenderer {
  const validate = (scope: IConstruct, field: string): void => {
    if ((options.routingKey === undefined) === (options.serviceKey === undefined)) {
      fail(scope, `${field}.routingKey`, 'PagerDuty needs exactly one of routingKey (Events API v2) and serviceKey (v1), each a Secret key. Use routingKey for new integrations.');
    }
    validateHttpUrl(scope, `${field}.url`, options.url);
    for (const name of ['severity', 'description', 'client', 'class', 'component', 'group'] as const) {
      validateNonEmpty(scope, `${field}.${name}`, options[name]);
    }
  };
  return {
    configKey: 'pagerduty_configs',
    crdKey: 'pagerdutyConfigs',
    renderConfig: (context: ConfigRenderContext) => {
      const { field } = context;
      validate(context.scope, field);
      return defined({
        routing_key_file: options.routingKey ? context.secretFile(options.routingKey, `${field}.routingKey`) : undefined,
        service_key_file: options.serviceKey ? context.secretFile(options.serviceKey, `${field}.serviceKey`) : undefined,
        url: options.url,
        severity: options.severity,
        description: options.description,
        client: options.client,
        client_url: options.clientUrl,
        class: options.class,
        component: options.component,
        group: options.group,
        details: nonEmptyMap(options.details),
        send_resolved: options.sendResolved,
      });
    },
    renderCrd: (context: CrdRenderContext) => {
      validate(context.scope, context.field);
      return defined({
        routingKey: options.routingKey ? secretKeySelector(options.routingKey) : undefined,
        serviceKey: options.serviceKey ? secretKeySelector(options.serviceKey) : undefined,
        url: options.url,
        severity: options.severity,
        description: options.description,
        client: options.client,
        clientUrl: options.clientUrl,
        class: options.class,
        component: options.component,
        group: options.group,
        details: keyValueList(options.details),
        sendResolved: options.sendResolved,
      });
    },
  };
}
