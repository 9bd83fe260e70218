import { Duration } from 'cdk8s';
import { IConstruct } from 'constructs';
import { Matcher, renderCrdMatchers, renderMatchers } from './matcher';
import { toPositivePrometheusDuration, toPrometheusDuration } from '../common/duration';
import { fail } from '../common/errors';
import { isValidLabelName } from '../resolver/relabel/label-names';

/**
 * A node of the routing tree: which alerts it takes (matchers), where they go (receiver) and how
 * they are batched into notifications. Child routes inherit every unset setting from their parent.
 */
export interface Route {
  /**
   * Name of the receiver for alerts this route takes. Required on the root route.
   * @default - the parent route's receiver
   */
  readonly receiver?: string;
  /**
   * Conditions an alert must meet to take this route (not allowed on the Alertmanager's root route,
   * which takes every alert).
   * @default [] - every alert that reaches this route
   */
  readonly matchers?: Matcher[];
  /**
   * Labels alerts are grouped by into one notification; `['...']` groups by all labels.
   * @default - the parent's grouping (the root route: one group for all alerts)
   */
  readonly groupBy?: string[];
  /**
   * How long to wait before the first notification of a new group, to batch alerts.
   * @default - the parent's (root: 30s)
   */
  readonly groupWait?: Duration;
  /**
   * How long to wait before notifying about new alerts added to a group already notified.
   * @default - the parent's (root: 5m)
   */
  readonly groupInterval?: Duration;
  /**
   * How long to wait before repeating a notification for alerts that keep firing.
   * @default - the parent's (root: 4h)
   */
  readonly repeatInterval?: Duration;
  /**
   * Whether alerts taken by this route also go on to the following sibling routes (not allowed on
   * the Alertmanager's root route).
   * @default false
   */
  readonly continue?: boolean;
  /**
   * Child routes, tried in order.
   * @default []
   */
  readonly routes?: Route[];
}

/** Which form a route tree is rendered in. */
export enum RouteFormat {
  /** alertmanager.yaml (snake_case keys, matcher strings). */
  CONFIG = 'config',
  /** The AlertmanagerConfig CRD (camelCase keys, matcher objects). */
  CRD = 'crd',
}

const KEYS = {
  [RouteFormat.CONFIG]: { groupBy: 'group_by', groupWait: 'group_wait', groupInterval: 'group_interval', repeatInterval: 'repeat_interval' },
  [RouteFormat.CRD]: { groupBy: 'groupBy', groupWait: 'groupWait', groupInterval: 'groupInterval', repeatInterval: 'repeatInterval' },
};

/** The rules for the top route of a tree. */
export interface RootRouteRules {
  /** Whether the top route may have matchers and `continue` (an AlertmanagerConfig's may; Alertmanager's root may not). */
  readonly allowMatchers: boolean;
}

/**
 * Validates a route tree against the defined receivers and renders it. Errors name the route's
 * path in the tree (`route.routes[1].routes[0].receiver`) and list the defined receivers.
 */
export function renderRoute(
  scope: IConstruct, route: Route, receivers: string[], format: RouteFormat, rules: RootRouteRules,
): { [key: string]: unknown } {
  if (route.receiver === undefined) {
    fail(scope, 'route.receiver', `the root route needs a receiver (defined receivers: ${listOf(receivers)}). Name the receiver that takes alerts no child route takes.`);
  }
  if (!rules.allowMatchers && (route.matchers ?? []).length > 0) {
    fail(scope, 'route.matchers', 'the root route takes every alert and cannot have matchers. Put the matchers on a child route in routes.');
  }
  if (!rules.allowMatchers && route.continue !== undefined) {
    fail(scope, 'route.continue', 'continue is not allowed on the root route. Set it on child routes only.');
  }
  return renderNode(scope, 'route', route, receivers, format);
}

function renderNode(scope: IConstruct, field: string, route: Route, receivers: string[], format: RouteFormat): { [key: string]: unknown } {
  if (route.receiver !== undefined && !receivers.includes(route.receiver)) {
    fail(scope, `${field}.receiver`, `"${route.receiver}" is not a defined receiver (defined receivers: ${listOf(receivers)}). `
      + `Name one of them, or add a receiver named "${route.receiver}".`);
  }
  validateGroupBy(scope, `${field}.groupBy`, route.groupBy);
  const keys = KEYS[format];
  const matchers = route.matchers ?? [];
  const out: { [key: string]: unknown } = {};
  const set = (key: string, value: unknown): void => {
    if (value !== undefined) {
      out[key] = value;
    }
  };
  set('receiver', route.receiver);
  set('matchers', matchers.length === 0 ? undefined
    : format === RouteFormat.CONFIG ? renderMatchers(scope, `${field}.matchers`, matchers) : renderCrdMatchers(scope, `${field}.matchers`, matchers));
  set(keys.groupBy, route.groupBy ? [...route.groupBy] : undefined);
  set(keys.groupWait, route.groupWait && toPrometheusDuration(scope, `${field}.groupWait`, route.groupWait));
  set(keys.groupInterval, route.groupInterval && toPositivePrometheusDuration(scope, `${field}.groupInterval`, route.groupInterval));
  set(keys.repeatInterval, route.repeatInterval && toPositivePrometheusDuration(scope, `${field}.repeatInterval`, route.repeatInterval));
  set('continue', route.continue);
  const children = (route.routes ?? []).map((child, i) => renderNode(scope, `${field}.routes[${i}]`, child, receivers, format));
  set('routes', children.length > 0 ? children : undefined);
  return out;
}

function validateGroupBy(scope: IConstruct, field: string, groupBy: string[] | undefined): void {
  const seen = new Set<string>();
  for (const label of groupBy ?? []) {
    if (label === '...') {
      if (groupBy!.length > 1) {
        fail(scope, field, `"..." (group by all labels) must be the only entry, but groupBy is ${JSON.stringify(groupBy)}. Use ['...'] alone or list label names.`);
      }
    } else if (!isValidLabelName(label)) {
      fail(scope, field, `"${label}" is not a valid label name. Use letters, digits and '_', not starting with a digit (or '...' for all labels).`);
    }
    if (seen.has(label)) {
      fail(scope, field, `"${label}" appears twice. List each label once.`);
    }
    seen.add(label);
  }
}

function listOf(names: string[]): string {
  return names.length > 0 ? names.map((n) => `"${n}"`).join(', ') : 'none';
}
