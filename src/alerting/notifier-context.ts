import * as kplus from 'cdk8s-plus-28';
import { IConstruct } from 'constructs';
import { fail } from '../common/errors';

/** What a notifier may inherit from the Alertmanager's global section. */
export interface GlobalFallbacks {
  /** `smtp_from` is set. */
  readonly smtpFrom: boolean;
  /** `smtp_smarthost` is set. */
  readonly smtpSmarthost: boolean;
  /** `slack_api_url(_file)` is set. */
  readonly slackApiUrl: boolean;
  /** `opsgenie_api_key(_file)` is set. */
  readonly opsgenieApiKey: boolean;
}

/** Context for rendering a notifier into the Alertmanager configuration file (alertmanager.yaml). */
export interface ConfigRenderContext {
  /** The construct that reports errors. */
  readonly scope: IConstruct;
  /** Field path of the notifier, e.g. `receivers[1].notifiers[0]`. */
  readonly field: string;
  /** Which global settings a notifier may fall back on. */
  readonly globals: GlobalFallbacks;
  /** The path at which a Secret key is mounted in the Alertmanager pods (registers the Secret for mounting). */
  secretFile(value: kplus.SecretValue, field: string): string;
}

/** Context for rendering a notifier into an AlertmanagerConfig object. */
export interface CrdRenderContext {
  /** The construct that reports errors. */
  readonly scope: IConstruct;
  /** Field path of the notifier. */
  readonly field: string;
}

/** A notification integration's two renderings. */
export interface NotifierRenderer {
  /** Key of the receiver's list in alertmanager.yaml, e.g. `webhook_configs`. */
  readonly configKey: string;
  /** Key of the receiver's list in the AlertmanagerConfig CRD, e.g. `webhookConfigs`. */
  readonly crdKey: string;
  /** The entry in alertmanager.yaml (credentials as `*_file` paths). */
  renderConfig(context: ConfigRenderContext): object;
  /** The entry in the AlertmanagerConfig CRD (credentials as Secret key selectors). */
  renderCrd(context: CrdRenderContext): object;
}

/** Copies the defined entries of `fields`, so that unset options are left out of the output. */
export function defined<T extends object>(fields: T): T {
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as T;
}

/** Validates an http(s) URL option. */
export function validateHttpUrl(scope: IConstruct, field: string, url: string | undefined): void {
  if (url === undefined) {
    return;
  }
  let parsed: URL | undefined;
  try {
    parsed = new URL(url);
  } catch {
    parsed = undefined;
  }
  if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) {
    fail(scope, field, `${JSON.stringify(url)} is not an http(s) URL. Use an absolute URL such as "https://hooks.example.com/alerts".`);
  }
}

/** Validates an optional non-empty text option (the CRD rejects empty strings). */
export function validateNonEmpty(scope: IConstruct, field: string, value: string | undefined): void {
  if (value !== undefined && value.trim() === '') {
    fail(scope, field, 'the value is empty. Leave the option unset instead, or give a non-empty value.');
  }
}

/** Validates an optional `host:port` option (SMTP smarthost). */
export function validateHostPort(scope: IConstruct, field: string, value: string | undefined): void {
  if (value !== undefined && !/^[^\s:[\]]+:\d{1,5}$/.test(value) && !/^\[[0-9a-fA-F:.]+\]:\d{1,5}$/.test(value)) {
    fail(scope, field, `"${value}" is not host:port. Give the SMTP server with its port, e.g. "smtp.example.com:587".`);
  }
}

/** Turns a string map into the CRD's `[{key, value}]` list. */
export function keyValueList(map: { [key: string]: string } | undefined): Array<{ key: string; value: string }> | undefined {
  return map && Object.keys(map).length > 0 ? Object.entries(map).map(([key, value]) => ({ key, value })) : undefined;
}

/** Returns the map, or undefined when it is empty. */
export function nonEmptyMap(map: { [key: string]: string } | undefined): { [key: string]: string } | undefined {
  return map && Object.keys(map).length > 0 ? { ...map } : undefined;
}
