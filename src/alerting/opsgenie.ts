import * as kplus from 'cdk8s-plus-28';
import { IConstruct } from 'constructs';
import {
  ConfigRenderContext, CrdRenderContext, defined, keyValueList, NotifierRenderer, nonEmptyMap, validateHttpUrl, validateNonEmpty,
} from './notifier-context';
import { fail } from '../common/errors';
import { secretKeySelector } from '../common/secret-ref';

/** Kinds of Opsgenie responders. */
export enum OpsgenieResponderType {
  /** A team. */
  TEAM = 'team',
  /** A user. */
  USER = 'user',
  /** An escalation policy. */
  ESCALATION = 'escalation',
  /** An on-call schedule. */
  SCHEDULE = 'schedule',
}

/** Who Opsgenie notifies: one of `name`, `id` or `username`. */
export interface OpsgenieResponder {
  /** Kind of responder. */
  readonly type: OpsgenieResponderType;
  /**
   * Name of the team, escalation or schedule.
   * @default - `id` or `username`
   */
  readonly name?: string;
  /**
   * Opsgenie ID of the responder.
   * @default - `name` or `username`
   */
  readonly id?: string;
  /**
   * User name (for users).
   * @default - `name` or `id`
   */
  readonly username?: string;
}

/** Options of an Opsgenie notifier. */
export interface OpsgenieOptions {
  /**
   * A Secret key holding the Opsgenie API key (rendered as `api_key_file`).
   * @default - the global `opsgenieApiKey`
   */
  readonly apiKey?: kplus.SecretValue;
  /**
   * Opsgenie API URL (e.g. the EU endpoint).
   * @default - the global `opsgenieApiUrl` (https://api.opsgenie.com/)
   */
  readonly apiUrl?: string;
  /**
   * Alert text (template).
   * @default - Alertmanager's default template
   */
  readonly message?: string;
  /**
   * Alert description (template).
   * @default - Alertmanager's default template
   */
  readonly description?: string;
  /**
   * Backlink to the sender.
   * @default - the Alertmanager's external URL
   */
  readonly source?: string;
  /**
   * Comma-separated tags.
   * @default - none
   */
  readonly tags?: string;
  /**
   * Priority, `P1` to `P5` (or a template).
   * @default - Opsgenie's default (P3)
   */
  readonly priority?: string;
  /**
   * Responders of the alert.
   * @default - Opsgenie's routing rules decide
   */
  readonly responders?: OpsgenieResponder[];
  /**
   * Extra key/value details.
   * @default - none
   */
  readonly details?: { [key: string]: string };
  /**
   * Whether resolved alerts are sent too.
   * @default true
   */
  readonly sendResolved?: boolean;
}

/** Renders Opsgenie notifiers. */
export function opsgenieRenderer(options: OpsgenieOptions): NotifierRenderer {
  const validate = (scope: IConstruct, field: string): void => {
    validateHttpUrl(scope, `${field}.apiUrl`, options.apiUrl);
    for (const name of ['message', 'description', 'source', 'tags'] as const) {
      validateNonEmpty(scope, `${field}.${name}`, options[name]);
    }
    if (options.priority !== undefined && !/^P[1-5]$/.test(options.priority) && !options.priority.includes('{{')) {
      fail(scope, `${field}.priority`, `"${options.priority}" is not an Opsgenie priority. Use P1, P2, P3, P4 or P5 (or a template).`);
    }
    (options.responders ?? []).forEach((r, i) => {
      const given = [r.name, r.id, r.username].filter((v) => v !== undefined && v !== '').length;
      if (given !== 1) {
        fail(scope, `${field}.responders[${i}]`, `a ${r.type} responder needs exactly one of name, id and username (got ${given}).`);
      }
    });
  };
  const responders = (options.responders ?? []).map((r) => defined({ type: r.type, name: r.name, id: r.id, username: r.username }));
  return {
    configKey: 'opsgenie_configs',
    crdKey: 'opsgenieConfigs',
    renderConfig: (context: ConfigRenderContext) => {
      const { scope, field } = context;
      validate(scope, field);
      if (!options.apiKey && !context.globals.opsgenieApiKey) {
        fail(scope, `${field}.apiKey`, 'no Opsgenie API key: neither this notifier nor the global section sets one. Set apiKey (a Secret key) here or global.opsgenieApiKey.');
      }
      return defined({
        api_key_file: options.apiKey ? context.secretFile(options.apiKey, `${field}.apiKey`) : undefined,
        api_url: options.apiUrl,
        message: options.message,
        description: options.description,
        source: options.source,
        tags: options.tags,
        priority: options.priority,
        responders: responders.length > 0 ? responders : undefined,
        details: nonEmptyMap(options.details),
        send_resolved: options.sendResolved,
      });
    },
    renderCrd: (context: CrdRenderContext) => {
      validate(context.scope, context.field);
      return defined({
        apiKey: options.apiKey ? secretKeySelector(options.apiKey) : undefined,
        apiUrl: options.apiUrl,
        message: options.message,
        description: options.description,
        source: options.source,
        tags: options.tags,
        priority: options.priority,
        responders: responders.length > 0 ? responders : undefined,
        details: keyValueList(options.details),
        sendResolved: options.sendResolved,
      });
    },
  };
}
