import * as kplus from 'cdk8s-plus-28';
import { IConstruct } from 'constructs';
import { stringify } from 'yaml';
import { AlertmanagerGlobalOptions, globalFallbacks, renderGlobal } from './global';
import { InhibitRule, renderConfigInhibitRules } from './inhibit-rule';
import { Receiver, receiverNames, renderConfigReceivers } from './receiver';
import { renderRoute, Route, RouteFormat } from './route';
import { fail } from '../common/errors';
import { isDns1123Subdomain } from '../resolver/select/kube-names';

/** Where the operator mounts the Secrets listed in an Alertmanager's `spec.secrets`. */
export const ALERTMANAGER_SECRETS_DIR = '/etc/alertmanager/secrets';

const SECRET_KEY = /^[-._a-zA-Z0-9]+$/;

/** The typed model of alertmanager.yaml. */
export interface AlertmanagerConfigModel {
  /** Global settings. */
  readonly global?: AlertmanagerGlobalOptions;
  /** The root route. */
  readonly route: Route;
  /** Every receiver routes may name. */
  readonly receivers: Receiver[];
  /** Inhibit rules. */
  readonly inhibitRules?: InhibitRule[];
}

/** alertmanager.yaml as text, with the Secrets its `*_file` paths read from. */
export interface RenderedAlertmanagerConfig {
  /** The configuration file. */
  readonly yaml: string;
  /** Names of the Secrets to mount through `spec.secrets`, sorted. */
  readonly secrets: string[];
}

/**
 * Validates the model and renders alertmanager.yaml. Credentials become `*_file` paths under
 * `/etc/alertmanager/secrets/<secret>/<key>`; the Secrets they name are returned for mounting.
 */
export function renderAlertmanagerYaml(scope: IConstruct, model: AlertmanagerConfigModel): RenderedAlertmanagerConfig {
  const secrets = new Set<string>();
  const secretFile = (value: kplus.SecretValue, field: string): string => {
    const name = value.secret.name;
    if (!isDns1123Subdomain(name)) {
      fail(scope, field, `"${name}" is not a valid Secret name. Use a DNS subdomain: lowercase letters, digits, '-' and '.'.`);
    }
    if (!SECRET_KEY.test(value.key)) {
      fail(scope, field, `"${value.key}" is not a valid Secret key. Use letters, digits, '-', '_' and '.'.`);
    }
    secrets.add(name);
    return `${ALERTMANAGER_SECRETS_DIR}/${name}/${value.key}`;
  };
  const global = model.global ?? {};
  const names = receiverNames(scope, 'receivers', model.receivers);
  const renderedGlobal = renderGlobal(scope, global, secretFile);
  const config = {
    ...(renderedGlobal ? { global: renderedGlobal } : {}),
    route: renderRoute(scope, model.route, names, RouteFormat.CONFIG, { allowMatchers: false }),
    ...(model.inhibitRules && model.inhibitRules.length > 0 ? { inhibit_rules: renderConfigInhibitRules(scope, model.inhibitRules) } : {}),
    receivers: renderConfigReceivers(scope, model.receivers, globalFallbacks(global), secretFile),
  };
  return { yaml: stringify(config), secrets: [...secrets].sort() };
}
