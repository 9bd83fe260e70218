import * as kplus from 'cdk8s-plus-28';
import { IConstruct } from 'constructs';
import { Notifier } from './notifier';
import { GlobalFallbacks } from './notifier-context';
import { fail } from '../common/errors';

/**
 * A named destination for notifications. A receiver without notifiers drops what is routed to it
 * (the classic `"null"` receiver for alerts nobody should be paged for).
 */
export interface Receiver {
  /** Name routes refer to; unique among the receivers of one configuration. */
  readonly name: string;
  /**
   * Where notifications go; several notifiers are all used.
   * @default [] - notifications are dropped
   */
  readonly notifiers?: Notifier[];
}

/** Validates receiver names: non-empty and unique. Returns the names in order. */
export function receiverNames(scope: IConstruct, field: string, receivers: Receiver[]): string[] {
  const names: string[] = [];
  receivers.forEach((r, i) => {
    if (typeof r.name !== 'string' || r.name.trim() === '') {
      fail(scope, `${field}[${i}].name`, 'a receiver needs a non-empty name. Name it after who is notified, e.g. "oncall" or "team-web".');
    }
    const previous = names.indexOf(r.name);
    if (previous >= 0) {
      fail(scope, `${field}[${i}].name`, `"${r.name}" repeats ${field}[${previous}].name. Receiver names must be unique; merge the notifiers into one receiver or rename one.`);
    }
    names.push(r.name);
  });
  return names;
}

/** Renders receivers for alertmanager.yaml, registering the Secrets their credentials live in. */
export function renderConfigReceivers(
  scope: IConstruct, receivers: Receiver[], globals: GlobalFallbacks, secretFile: (value: kplus.SecretValue, field: string) => string,
): object[] {
  receiverNames(scope, 'receivers', receivers);
  return receivers.map((receiver, i) => {
    const out: { [key: string]: unknown } = { name: receiver.name };
    (receiver.notifiers ?? []).forEach((notifier, j) => {
      const renderer = notifier._renderer;
      const entry = renderer.renderConfig({ scope, field: `receivers[${i}].notifiers[${j}]`, globals, secretFile });
      out[renderer.configKey] = [...((out[renderer.configKey] as object[]) ?? []), entry];
    });
    return out;
  });
}

/** Renders receivers in the AlertmanagerConfig CRD's form (credentials as Secret key selectors). */
export function renderCrdReceivers(scope: IConstruct, receivers: Receiver[]): Array<{ [key: string]: unknown }> {
  receiverNames(scope, 'receivers', receivers);
  return receivers.map((receiver, i) => {
    const out: { [key: string]: unknown } = { name: receiver.name };
    (receiver.notifiers ?? []).forEach((notifier, j) => {
      const renderer = notifier._renderer;
      const entry = renderer.renderCrd({ scope, field: `receivers[${i}].notifiers[${j}]` });
      out[renderer.crdKey] = [...((out[renderer.crdKey] as object[]) ?? []), entry];
    });
    return out;
  });
}
